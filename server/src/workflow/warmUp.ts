import type { SchemaRegistry } from './schema/registry';
import { analyzeWorkflow } from './analyze';
import { workflowCompletionsAt } from './features/completion';
import { workflowHoverAt } from './features/hover';

/** A small CWL workflow touching every reading path: maps, lists, flow style, a block scalar, an error. */
function sampleWorkflow(steps: number): string {
  const lines = ['cwlVersion: v1.2', 'class: Workflow', 'doc: |', '  Warm-up document.', 'requirements:', '  - class: ScatterFeatureRequirement', 'inputs:', '  reads: {type: File}', 'outputs: {}', 'steps:'];
  for (let i = 0; i < steps; i++) lines.push(`  step_${i}:`, '    run: tool.cwl', '    in:', '      reads: reads', '    out: [sorted]');
  lines.push('    lable: typo');
  return `${lines.join('\n')}\n`;
}

/**
 * Runs the whole CWL path once on a small document: compiles our CWL schema, and lets the YAML
 * reader, the schema check, the error mapping, hover and completion get compiled by the JavaScript
 * engine, so that the first real document is read at full speed. Called by the server while it
 * starts (before it answers `initialize`); takes a few hundred milliseconds once.
 */
export function prepareWorkflowEngine(registry: SchemaRegistry): void {
  const text = sampleWorkflow(40);
  for (let i = 0; i < 3; i++) {
    const analysis = analyzeWorkflow({ path: '/warm-up/workflow.cwl', text }, registry);
    if (!analysis) return;
    workflowHoverAt(analysis, { line: 11, character: 5 });
    workflowCompletionsAt(analysis, { line: 11, character: 4 });
  }
}
