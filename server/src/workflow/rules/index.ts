import type { WorkflowRule } from '../types';
import { duplicateKey, tooComplex, yamlSyntax } from './readingRules';
import { schemaRule } from './schemaRule';
import { nextflowUnknownParam } from './engines/nextflowParams';
import { snakemakeUnknownOption } from './engines/snakemakeOptions';
import { snakemakeResources } from './engines/snakemakeResources';
import { studyParameters } from './study/studyParameters';
import { studyReferences } from './study/studyReferences';
import { studySlurmValues } from './study/studySlurmValues';
import { studySteps } from './study/studySteps';
import { cwlReferences, cwlRunTarget, cwlUnused } from './cwl/rules';

/**
 * Every workflow-file rule, in the order their findings are reported for one position. Semantic
 * checks (step references, dependency cycles, ...) join this list as further rules.
 */
export const WORKFLOW_RULES: readonly WorkflowRule[] = [
  yamlSyntax,
  duplicateKey,
  tooComplex,
  schemaRule,
  snakemakeUnknownOption,
  snakemakeResources,
  nextflowUnknownParam,
  cwlRunTarget,
  cwlReferences,
  cwlUnused,
  studySteps,
  studyReferences,
  studyParameters,
  studySlurmValues,
];

/** The workflow rule with this id, if any. */
export function workflowRuleById(id: string): WorkflowRule | undefined {
  return WORKFLOW_RULES.find((r) => r.meta.id === id);
}
