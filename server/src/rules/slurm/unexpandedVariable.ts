import type { Finding, Fix } from '../../core/types';
import type { ParsedOption } from '../../slurm/getopt';
import { valuePartRange } from '../ranges';
import type { Rule } from '../types';

const ID = 'slurm/unexpanded-variable';

/** Shell variables in file names that have a Slurm filename pattern saying the same. */
const PATTERN_FOR: Record<string, string> = {
  SLURM_JOB_ID: '%j',
  SLURM_JOBID: '%j',
  SLURM_ARRAY_JOB_ID: '%A',
  SLURM_ARRAY_TASK_ID: '%a',
  SLURM_JOB_NAME: '%x',
  USER: '%u',
};
const PATH_OPTIONS = new Set(['output', 'error', 'input']);

/** `$NAME`, `${NAME...}`, `$(command)`, a backquoted command, or a leading `~/`. */
const SHELL_SYNTAX = /\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)|\$\([^)]*\)?|`[^`]*`?|^~(?=\/|$)/g;

function fixFor(o: ParsedOption, name: string | undefined, start: number, end: number): Fix[] {
  const pattern = name ? PATTERN_FOR[name] : undefined;
  if (!pattern || !PATH_OPTIONS.has(o.spec.name) || o.valueFromNextArg) return [];
  return [{ title: `Use the filename pattern ${pattern}`, edits: [{ range: valuePartRange(o, start, end), newText: pattern }], isPreferred: true, safe: true }];
}

/**
 * Shell syntax inside directive values. sbatch reads #SBATCH lines itself, without a shell, so
 * `$SCRATCH`, `$(date)` or `~` reach Slurm as literal text.
 */
export const unexpandedVariable: Rule = {
  meta: { id: ID, description: 'Shell variables, command substitutions or ~ in #SBATCH lines, which sbatch never expands', defaultSeverity: 'warning', fixable: true, tip: 11 },
  check({ script }) {
    const findings: Finding[] = [];
    for (const o of script.options) {
      if (o.value === undefined || o.spec.value === 'command') continue;
      SHELL_SYNTAX.lastIndex = 0;
      for (let m = SHELL_SYNTAX.exec(o.value); m; m = SHELL_SYNTAX.exec(o.value)) {
        if (m[0] === '') { SHELL_SYNTAX.lastIndex++; continue; }
        const name = m[1] ?? m[2];
        const start = m.index;
        const end = m.index + m[0].length;
        const what = m[0].startsWith('~') ? '~ (home directory)' : name ? `$${name}` : 'command substitution';
        const pattern = name ? PATTERN_FOR[name] : undefined;
        const advice = pattern && PATH_OPTIONS.has(o.spec.name) ? `; write ${pattern}, which Slurm fills in` : '; write the value out, or pass the option on the sbatch command line where the shell expands it';
        findings.push({
          code: ID, severity: 'warning', range: valuePartRange(o, start, end),
          message: `--${o.spec.name}: sbatch does not expand ${what} in #SBATCH lines, so the job gets the literal text "${m[0]}"${advice}`,
          fixes: fixFor(o, name, start, end), data: { variable: name },
        });
      }
    }
    return findings;
  },
};
