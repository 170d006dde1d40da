import type { Finding } from '../../core/types';
import type { Rule } from '../types';
import { hangingCalls, hangingDirective } from './hangingAfterok';
import { missingDependencies } from './missingDependency';
import { scrapedJobIds, UNCHAINED_SUBMIT_ID } from './scrapedJobId';
import { sbatchCalls } from './sbatchCalls';

/**
 * Job chains whose feedback is implicit or fragile (tip 9): job ids cut out of sbatch's
 * "Submitted batch job N" line (warning; fix: `--parsable`), a later sbatch call that most likely
 * needs an earlier job's result but has no `--dependency` (warning), and `afterok` dependencies
 * that leave a job pending forever when a predecessor fails (hint; fix: `--kill-on-invalid-dep=yes`).
 * Runs on job scripts and on submit scripts.
 */
export const unchainedSubmit: Rule = {
  meta: {
    id: UNCHAINED_SUBMIT_ID,
    description: 'sbatch calls chained by scraping output, not chained at all, or by afterok dependencies that hang when a step fails',
    defaultSeverity: 'warning',
    fixable: true,
    tip: 9,
    submitScripts: true,
  },
  check({ script, shell, kind }) {
    // A job script sbatch refuses as a whole gets that finding only; a submit script is run by
    // bash, not sbatch, so its shape (no `#!` line, say) does not matter here.
    if (kind === 'job-script' && script.shape) return [];
    const found: Finding[] = kind === 'job-script' ? hangingDirective(script) : [];
    if (!shell || shell.status !== 'parsed') return found;
    const calls = sbatchCalls(shell, script.catalog);
    if (calls.length === 0) return found;
    for (const call of calls) found.push(...scrapedJobIds(shell, call, script.lines.lines));
    found.push(...missingDependencies(shell, { text: script.text, lines: script.lines }, calls));
    found.push(...hangingCalls(shell, calls));
    return found;
  },
};
