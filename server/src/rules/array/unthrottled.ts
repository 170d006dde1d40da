import type { Finding } from '../../core/types';
import { parseArraySpec } from '../../slurm/values/array';
import { valueRange } from '../ranges';
import { swallowedOption } from '../slurm/shared';
import type { Rule } from '../types';

const ID = 'array/unthrottled';

/** Arrays of more tasks than this without a `%` limit get a hint. */
export const UNTHROTTLED_TASK_THRESHOLD = 100;

/**
 * The limit the quick fix appends: 20 tasks at once keeps a large array moving (tasks still run
 * in parallel and backfill well) while leaving room for other users' jobs and the job's own
 * fair share, and without dozens of tasks hitting the shared file system at the same moment.
 */
export const SUGGESTED_THROTTLE = 20;

/**
 * A large job array (more than UNTHROTTLED_TASK_THRESHOLD tasks) without a `%N` limit on how many
 * tasks run at once. A hint (tip 10): Slurm accepts it and may start every task together.
 */
export const unthrottled: Rule = {
  meta: { id: ID, description: `A job array of more than ${UNTHROTTLED_TASK_THRESHOLD} tasks with no %N limit on how many run at once`, defaultSeverity: 'hint', fixable: true, tip: 10 },
  check({ script }) {
    const findings: Finding[] = [];
    for (const component of script.components) {
      const arrays = component.options.filter((o) => o.spec.name === 'array' && o.value !== undefined && !swallowedOption(o));
      const o = arrays[arrays.length - 1];
      if (o?.value === undefined) continue;
      const spec = parseArraySpec(o.value);
      // A `%` with an unusable limit is reported by slurm/invalid-value.
      if (!spec || spec.throttleText !== undefined || spec.count <= UNTHROTTLED_TASK_THRESHOLD) continue;
      const range = valueRange(o);
      const end = { range: { start: range.end, end: range.end }, newText: `%${SUGGESTED_THROTTLE}` };
      findings.push({
        code: ID,
        severity: 'hint',
        range,
        message: `--array: ${spec.count} tasks and no %N limit, so Slurm may start them all at once; a limit such as %${SUGGESTED_THROTTLE} shares the cluster (and your fair share) and spares the file system`,
        fixes: [{ title: `Run at most ${SUGGESTED_THROTTLE} tasks at once (append %${SUGGESTED_THROTTLE})`, edits: [end], isPreferred: true, safe: false }],
        data: { tasks: spec.count, throttle: SUGGESTED_THROTTLE },
      });
    }
    return findings;
  },
};
