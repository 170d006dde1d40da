import { lineRange, type Finding, type Range } from '../../core/types';
import { arrayLimitProblem, parseArraySpec, type ArrayLimitProblem, type ArraySpec } from '../../slurm/values/array';
import { valueRange } from '../ranges';
import { swallowedOption } from '../slurm/shared';
import { translatedOptions } from '../translatedOptions';
import type { Rule, RuleContext } from '../types';

const ID = 'array/too-large';

/** The --array value a component's job gets: the last one written, or the last #PBS/#BSUB translation (which wins). */
interface EffectiveArray {
  value: string;
  range: Range;
  /** How it was written, for messages (`--array`, `#PBS -J`). */
  written: string;
}

function effectiveArrays({ script, settings }: Pick<RuleContext, 'script' | 'settings'>): EffectiveArray[] {
  const found: EffectiveArray[] = [];
  // sbatch applies the translation to the first component, after its #SBATCH lines (so it wins).
  const translated = translatedOptions(script, settings).filter((t) => t.option === 'array' && t.value !== undefined);
  const lastTranslated = translated[translated.length - 1];
  if (lastTranslated?.value !== undefined) {
    const span = lastTranslated.valueSpan ?? lastTranslated.name;
    found.push({ value: lastTranslated.value, range: lineRange(span.line, span.start, span.end), written: `${lastTranslated.dialect === 'pbs' ? '#PBS' : '#BSUB'} ${lastTranslated.written}` });
  }
  for (const component of script.components) {
    if (component.index === 0 && lastTranslated !== undefined) continue;
    const written = component.options.filter((o) => o.spec.name === 'array' && o.value !== undefined && !swallowedOption(o));
    const last = written[written.length - 1];
    if (last?.value !== undefined) found.push({ value: last.value, range: valueRange(last), written: '--array' });
  }
  return found;
}

/** The advice after the refusal: how to stay within the limit. */
function advice(problem: ArrayLimitProblem, spec: ArraySpec, limit: number, known: boolean): string {
  const where = known ? '' : ' The limit is set by the site in slurm.conf (`scontrol show config | grep MaxArraySize`); give it in the settings (hpcWorkflows.slurm.maxArraySize) to judge by it.';
  if (problem.kind === 'disabled' || limit <= 0) return where;
  if (problem.kind === 'step') {
    const list = spec.indices && spec.count <= 20 ? ` (--array=${spec.indices.join(',')})` : '';
    return ` Write the indices as a list${list} or number the tasks from 0 and compute the index in the script.${where}`;
  }
  const contiguous = spec.count === spec.maxIndex - spec.minIndex + 1;
  if (spec.count > limit) {
    return ` ${spec.count} tasks do not fit in one array: submit several arrays of at most ${limit} tasks and shift the index in the script, e.g. $((SLURM_ARRAY_TASK_ID + OFFSET)).${where}`;
  }
  if (contiguous) {
    return ` Number the tasks from 0 (--array=0-${spec.count - 1}) and compute the real index in the script: $((SLURM_ARRAY_TASK_ID + ${spec.minIndex})).${where}`;
  }
  return ` Number the tasks from 0 and map SLURM_ARRAY_TASK_ID to the real index in the script (a bash array or a list file).${where}`;
}

/**
 * Array indices (or steps) at or beyond MaxArraySize, which the controller refuses. Checks the
 * --array value each job gets (the last one written; a translated #PBS/#BSUB array wins). An
 * error when the site's MaxArraySize is known (settings), else a warning against Slurm's default.
 */
export const tooLarge: Rule = {
  meta: { id: ID, description: 'Array indices at or beyond MaxArraySize, which the controller refuses', defaultSeverity: 'warning', fixable: false, tip: 6 },
  check({ script, settings }) {
    const findings: Finding[] = [];
    const limit = settings.maxArraySize;
    const known = settings.maxArraySizeKnown;
    for (const array of effectiveArrays({ script, settings })) {
      const spec = parseArraySpec(array.value);
      if (!spec) continue;
      const problem = arrayLimitProblem(spec, limit, known);
      if (!problem) continue;
      const prefix = array.written === '--array' ? '--array: ' : `${array.written}: `;
      findings.push({
        code: ID,
        severity: known ? 'error' : 'warning',
        range: array.range,
        message: `${prefix}${problem.message}${advice(problem, spec, limit, known)}`,
        fixes: [],
        data: { kind: problem.kind, maxArraySize: limit, siteDependent: true, maxIndex: spec.maxIndex },
      });
    }
    return findings;
  },
};
