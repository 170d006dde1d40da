import { isScalar, isSeq } from 'yaml';
import type { Finding } from '../../../core/types';
import type { WorkflowContext, WorkflowRule } from '../../types';
import { rangeOf, readStudy, studyFinding, type StudySpec } from './studyModel';

const CODE = 'workflow/study-parameters';

function check(ctx: WorkflowContext, spec: StudySpec): Finding[] {
  const out: Finding[] = [];
  let first: { name: string; length: number } | undefined;
  for (const p of spec.parameters) {
    if (isSeq(p.values)) {
      const length = p.values.items.length;
      if (!first) first = { name: p.name, length };
      else if (length !== first.length) {
        out.push(studyFinding(CODE, 'error', rangeOf(ctx, p.values), `Parameter \`${p.name}\` has ${length} values and \`${first.name}\` has ${first.length}: parameters are combined position by position, so every \`values\` list must be as long as the others. The study is refused.`));
      }
      if (isSeq(p.label) && p.label.items.length !== length) {
        out.push(studyFinding(CODE, 'error', rangeOf(ctx, p.label), `Parameter \`${p.name}\` has ${p.label.items.length} labels for ${length} values: a list of labels needs one per value. The study is refused.`));
      }
    }
    if (isScalar(p.label) && typeof p.label.value === 'string' && !p.label.value.includes('%%') && isSeq(p.values) && p.values.items.length > 1) {
      out.push(studyFinding(CODE, 'warning', rangeOf(ctx, p.label), `The label \`${p.label.value}\` has no \`%%\`, where each value is put: every combination gets the same label, so their workspaces share one folder name.`));
    }
  }
  return out;
}

/**
 * `workflow/study-parameters`: `global.parameters` of a Maestro/Merlin study the engine refuses
 * (`values` lists of different lengths, a label list of another length) or runs badly (a label
 * without `%%`).
 */
export const studyParameters: WorkflowRule = {
  meta: { id: CODE, description: 'global.parameters whose values lists differ in length (refused), or whose label has no %% (all combinations get one label)', defaultSeverity: 'error', fixable: false, tip: 12 },
  check(ctx) {
    const spec = readStudy(ctx);
    return spec ? check(ctx, spec) : [];
  },
};
