import type { Finding } from '../../core/types';
import { valuePartRange } from '../ranges';
import type { Rule } from '../types';

const ID = 'slurm/array-pattern-without-array';
const PATH_OPTIONS = new Set(['output', 'error', 'input']);

/**
 * `%a` / `%A` in file names of a job that is not an array: `%a` becomes 4294967294 (Slurm's
 * "no value") and `%A` is just the job id.
 */
export const arrayPatternWithoutArray: Rule = {
  meta: { id: ID, description: 'Array-task patterns (%a, %A) in file names of a job without --array', defaultSeverity: 'warning', fixable: false, tip: 6 },
  check({ script }) {
    const findings: Finding[] = [];
    for (const component of script.components) {
      if (component.options.some((o) => o.spec.name === 'array')) continue;
      for (const o of component.options) {
        if (!PATH_OPTIONS.has(o.spec.name) || o.value === undefined) continue;
        const re = /%(\d*)([aAb%])/g;
        for (let m = re.exec(o.value); m; m = re.exec(o.value)) {
          if (m[2] === '%') continue;
          const range = valuePartRange(o, m.index, m.index + m[0].length);
          findings.push(
            m[2] === 'a' || m[2] === 'b'
              ? { code: ID, severity: 'warning', range, message: `--${o.spec.name}: this job has no --array, so %${m[2]} ${m[2] === 'a' ? 'becomes 4294967294' : 'is derived from 4294967294'} (Slurm's "no task id")`, fixes: [], data: { pattern: `%${m[2]}` } }
              : { code: ID, severity: 'hint', range, message: `--${o.spec.name}: this job has no --array, so %A is simply the job id (%j says that directly)`, fixes: [], data: { pattern: '%A' } },
          );
        }
      }
    }
    return findings;
  },
};
