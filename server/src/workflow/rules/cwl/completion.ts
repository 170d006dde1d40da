import { lineRange, type Position } from '../../../core/types';
import type { WorkflowAnalysis } from '../../analyze';
import type { WorkflowCompletion } from '../../features/completion';
import { documentProcesses, type CwlProcess } from './model';

function contains(range: readonly number[] | null | undefined, offset: number): boolean {
  return range !== undefined && range !== null && range[0] <= offset && offset <= range[2];
}

/**
 * Completion of what a CWL `source:`, `outputSource:` or step input (`name: source`) can name:
 * the workflow's inputs and every `step/output` the steps list in `out:` (not the outputs of the
 * step the cursor is in). `valueStart` is the column where the value begins on the line. Empty
 * anywhere else, and for documents that are not CWL.
 */
export function cwlSourceCompletions(analysis: WorkflowAnalysis, pos: Position, valueStart: number): WorkflowCompletion[] {
  if (analysis.format.id !== 'cwl') return [];
  const lineText = analysis.reading.lines.lines[pos.line] ?? '';
  const key = /([^\s"':[{,-][^"':]*?)["']?\s*:\s*$/.exec(lineText.slice(0, valueStart))?.[1];
  if (key === undefined) return [];
  const offset = (analysis.reading.lines.starts[pos.line] ?? 0) + pos.character;
  const doc = analysis.reading.documents.find((d) => contains(d.document.range, offset));
  if (!doc) return [];
  const { processes } = documentProcesses(doc.document.contents);
  const wf: CwlProcess | undefined = processes.find((p) => p.cls === 'Workflow' && contains(p.map.range, offset));
  if (!wf) return [];
  const inStep = wf.steps.find((s) => contains(s.map.range, offset));
  const lineOf = (o: number | undefined) => (o === undefined ? -1 : analysis.reading.lines.starts.findIndex((start, i) => start <= o && (analysis.reading.lines.starts[i + 1] ?? Infinity) > o));
  const isStepInput = inStep?.inputs.some((i) => i.id === key && lineOf(i.idNode.range?.[0]) === pos.line) === true;
  const isOutputSource = key === 'outputSource' && !inStep;
  if (!(key === 'source' && inStep) && !isStepInput && !isOutputSource) return [];
  const token = /^[^\s#]*/.exec(lineText.slice(valueStart))?.[0].length ?? 0;
  const range = lineRange(pos.line, valueStart, Math.max(pos.character, valueStart + token));
  const out: WorkflowCompletion[] = [];
  for (const input of wf.inputs) out.push({ label: input.id, kind: 'value', detail: 'workflow input', insertText: input.id, isSnippet: false, range, sortText: `0${input.id}` });
  for (const step of wf.steps) {
    if (step === inStep) continue;
    for (const o of step.outs) {
      const label = `${step.id}/${o.id}`;
      out.push({ label, kind: 'value', detail: `output of step ${step.id}`, insertText: label, isSnippet: false, range, sortText: `1${label}` });
    }
  }
  return out;
}
