import { lineRange, type Fix } from '../../core/types';
import type { JobScript } from '../../slurm/jobScript';
import { translatedOptions } from '../translatedOptions';
import type { Rule } from '../types';

const ID = 'resources/missing-time';

/** What the quick fix writes: a placeholder the user is meant to replace by a real estimate. */
export const PLACEHOLDER_TIME = '01:00:00';

/** Inserts `#SBATCH --time=...` below the last #SBATCH line of the first component, or below the `#!` line. */
function insertTimeFix(script: JobScript): Fix {
  const lines = script.lines.lines;
  const own = script.directives.filter((d) => d.component === 0);
  const after = own.length > 0 ? own[own.length - 1].line : 0;
  const directive = `#SBATCH --time=${PLACEHOLDER_TIME}`;
  const edit = after + 1 < lines.length
    ? { range: lineRange(after + 1, 0, 0), newText: `${directive}\n` }
    : { range: lineRange(after, lines[after].length, lines[after].length), newText: `\n${directive}` };
  // NOTE: not safe: one hour is a placeholder, not an estimate; a job that needs more is killed.
  return { title: `Add #SBATCH --time=${PLACEHOLDER_TIME} (then set your own estimate)`, edits: [edit], isPreferred: true, safe: false };
}

/**
 * A job script with #SBATCH (or translated #PBS/#BSUB) options but no time limit: Slurm takes the
 * partition's default, often its maximum, which makes the job wait longer and never fit a
 * backfill gap (tip 10). Info: the script works as written. Scripts with no directive at all are
 * left alone (they may get every option on the sbatch command line).
 */
export const missingTime: Rule = {
  meta: { id: ID, description: 'A job with no --time, which gets the partition default time limit', defaultSeverity: 'info', fixable: true, tip: 10 },
  check({ script, settings }) {
    if (script.shape) return [];
    if (script.options.some((o) => o.spec.name === 'time')) return [];
    // `--time` written without its value: slurm/missing-value reports it.
    if (script.components.some((c) => c.problems.some((p) => p.spec?.name === 'time'))) return [];
    const translated = translatedOptions(script, settings);
    if (translated.some((t) => t.option === 'time')) return [];
    if (script.options.length === 0 && translated.length === 0) return [];
    const first = script.directives[0];
    const line = first ? first.line : 0;
    return [{
      code: ID,
      severity: 'info',
      range: lineRange(line, 0, script.lines.lines[line].trimEnd().length),
      message: 'No --time: the job gets the partition\'s default time limit (often its maximum), so it waits longer in the queue and cannot fill backfill gaps. Ask for what the job needs plus a margin',
      fixes: [insertTimeFix(script)],
      data: { placeholder: PLACEHOLDER_TIME },
    }];
  },
};
