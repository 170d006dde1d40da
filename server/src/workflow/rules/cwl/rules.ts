import type { WorkflowRule } from '../../types';
import { cwlReferenceFindings, REFERENCES, RUN_TARGET, UNUSED } from './checks';

/** `workflow/cwl-run-target`: a step's `run:` names a file that cannot be read, or a `#id` no process of the `$graph` has. */
export const cwlRunTarget: WorkflowRule = {
  meta: { id: RUN_TARGET, description: "A CWL step's `run:` names a file that does not exist, or a `#id` that no process of the `$graph` has", defaultSeverity: 'error', fixable: true, tip: 12 },
  check: (ctx) => cwlReferenceFindings(ctx).filter((f) => f.code === RUN_TARGET),
};

/**
 * `workflow/cwl-references`: `source:`/`outputSource:` naming no workflow input or step output,
 * workflow outputs without `outputSource`, step `in:`/`out:` the process run does not have,
 * required inputs of that process left unconnected.
 */
export const cwlReferences: WorkflowRule = {
  meta: { id: REFERENCES, description: 'A CWL `source`/`outputSource` that names no input or step output, a workflow output without `outputSource`, step `in`/`out` names the process run does not have', defaultSeverity: 'error', fixable: true, tip: 12 },
  check: (ctx) => cwlReferenceFindings(ctx).filter((f) => f.code === REFERENCES),
};

/** `workflow/cwl-unused`: workflow inputs nothing reads, steps whose outputs nothing reads. */
export const cwlUnused: WorkflowRule = {
  meta: { id: UNUSED, description: 'A CWL workflow input that no step reads, or a step whose outputs nothing reads', defaultSeverity: 'hint', fixable: false, tip: 12 },
  check: (ctx) => cwlReferenceFindings(ctx).filter((f) => f.code === UNUSED),
};
