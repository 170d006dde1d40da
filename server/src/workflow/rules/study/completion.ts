import { lineRange, type Position } from '../../../core/types';
import { resolveSettings } from '../../../analyze';
import type { WorkflowAnalysis } from '../../analyze';
import type { WorkflowCompletion } from '../../features/completion';
import { nodeRange } from '../../read/reading';
import { readStudy } from './studyModel';

/** The key `depends` on its own line (a block list of step names follows). */
const DEPENDS_KEY = /^\s*depends\s*:\s*$/;

/**
 * Where a step name is being typed in a Maestro/Merlin `depends`: inside a flow list
 * (`depends: [build, sim|`) or as an item of a block list under `depends:`. Returns the column the
 * name starts at, or undefined elsewhere.
 */
function dependsNameStart(lines: readonly string[], pos: Position): number | undefined {
  const before = (lines[pos.line] ?? '').slice(0, pos.character);
  const flow = /^(\s*depends\s*:\s*\[)([^\]]*)$/.exec(before);
  if (flow) {
    const start = flow[1].length + flow[2].lastIndexOf(',') + 1;
    return start + (/^\s*/.exec(before.slice(start))?.[0].length ?? 0);
  }
  const item = /^(\s*)-\s*([^\s,]*)$/.exec(before);
  if (!item) return undefined;
  for (let l = pos.line - 1; l >= 0; l--) {
    const text = lines[l];
    if (text.trim() === '' || /^\s*-\s*\S*\s*$/.test(text)) continue;
    return DEPENDS_KEY.test(text) ? before.length - item[2].length : undefined;
  }
  return undefined;
}

/**
 * Completion of step names in a Maestro/Merlin `depends`: the steps written above the one being
 * edited (Maestro refuses a dependency on a later step), each also as `name_*` (wait for every
 * parameter combination of it). Empty anywhere else and for other formats.
 */
export function studyDependsCompletions(analysis: WorkflowAnalysis, pos: Position): WorkflowCompletion[] {
  if (analysis.format.id !== 'maestro' && analysis.format.id !== 'merlin') return [];
  const lines = analysis.reading.lines.lines;
  const start = dependsNameStart(lines, pos);
  if (start === undefined) return [];
  const study = readStudy({ path: '', text: analysis.reading.text, format: analysis.format, reading: analysis.reading, files: () => undefined, settings: resolveSettings({}) });
  if (!study) return [];
  const current = study.steps.filter((s) => nodeRange(analysis.reading, s.nameNode).start.line <= pos.line).pop();
  const earlier = current ? study.steps.slice(0, current.index) : [];
  const rest = (lines[pos.line] ?? '').slice(pos.character);
  const range = lineRange(pos.line, start, pos.character + (/^[^\s,\]]*/.exec(rest)?.[0].length ?? 0));
  return earlier.flatMap((s, i): WorkflowCompletion[] => [
    { label: s.name, kind: 'value', detail: 'step of this study', insertText: s.name, isSnippet: false, range, sortText: `0${String(i).padStart(4, '0')}` },
    { label: `${s.name}_*`, kind: 'value', detail: `every parameter combination of ${s.name} (fan-in)`, insertText: `${s.name}_*`, isSnippet: false, range, sortText: `1${String(i).padStart(4, '0')}` },
  ]);
}
