/**
 * Finding (c) of `feedback/unchained-submit`: an `afterok` dependency without
 * `--kill-on-invalid-dep`. When a job it waits for fails, the dependency can never be met and
 * Slurm keeps the job pending (reason DependencyNeverSatisfied) until someone cancels it, unless
 * the site sets `DependencyParameters=kill_invalid_depend`.
 */
import type { Finding, TextEdit } from '../../core/types';
import type { ShellModel } from '../../shell/model';
import type { JobScript } from '../../slurm/jobScript';
import { optionRange } from '../ranges';
import { swallowedOption } from '../slurm/shared';
import { dependencyText, idOnlyVariables, jobIdFlow } from './jobIdFlow';
import { UNCHAINED_SUBMIT_ID } from './scrapedJobId';
import { hasOption, lastOption, type SbatchCall } from './sbatchCalls';

/**
 * `afterok:` followed by a job id or a variable, or `afterok$deps` (a variable holding `:id:id`);
 * a malformed list is slurm/invalid-value's to report.
 */
const AFTEROK = /\bafterok(:["']?(\d|\$)|\$)/;

const MESSAGE =
  'if a job this one waits for fails, the dependency can never be met and this job stays pending (DependencyNeverSatisfied) until someone cancels it, unless the site cancels such jobs (kill_invalid_depend). Add --kill-on-invalid-dep=yes, or use afterany and let the job check what its predecessor left (tip 9: explicit feedback loops)';

/** Hints for sbatch calls in the body whose `--dependency` holds `afterok`. */
export function hangingCalls(model: ShellModel, calls: SbatchCall[]): Finding[] {
  // Variables that hold job ids stay as written; others (`dep=afterok:$a`) are read through.
  const idVariables = idOnlyVariables(jobIdFlow(model, calls));
  const found: Finding[] = [];
  for (const call of calls) {
    if (hasOption(call, 'kill-on-invalid-dep') || call.opaqueOptions.length > 0 || hasOption(call, 'test-only')) continue;
    const text = dependencyText(call, model, idVariables);
    const o = lastOption(call, 'dependency');
    if (text === undefined || o === undefined || !AFTEROK.test(text)) continue;
    const at = call.nameWord.range.end;
    const insert: TextEdit = { range: { start: at, end: at }, newText: ' --kill-on-invalid-dep=yes' };
    found.push({
      code: UNCHAINED_SUBMIT_ID,
      severity: 'hint',
      range: { start: o.word.range.start, end: (o.valueWord ?? o.word).range.end },
      message: `${o.written}${o.valueWord ? ' ' : o.written.startsWith('--') ? '=' : ''}${o.value ?? ''}: ${MESSAGE}`,
      fixes: [{ title: 'Cancel this job when its dependency can no longer be met (--kill-on-invalid-dep=yes)', edits: [insert], safe: false }],
      data: { dependency: o.value },
    });
  }
  return found;
}

/** The hint for a job script whose own `#SBATCH --dependency` holds `afterok` (no `--kill-on-invalid-dep` directive). */
export function hangingDirective(script: JobScript): Finding[] {
  const options = script.options.filter((o) => !swallowedOption(o));
  if (options.some((o) => o.spec.name === 'kill-on-invalid-dep')) return [];
  const deps = options.filter((o) => o.spec.name === 'dependency' && o.value !== undefined);
  const o = deps[deps.length - 1];
  if (o?.value === undefined || !AFTEROK.test(o.value)) return [];
  const nextLine = { line: o.line + 1, character: 0 };
  const lineText = script.lines.lines[o.line] ?? '';
  const prefix = /^[ \t]*#SBATCH[ \t]+/.exec(lineText)?.[0] ?? '#SBATCH ';
  const atEnd = o.line + 1 >= script.lines.lines.length;
  const edit: TextEdit = atEnd
    ? { range: { start: { line: o.line, character: lineText.length }, end: { line: o.line, character: lineText.length } }, newText: `\n${prefix}--kill-on-invalid-dep=yes` }
    : { range: { start: nextLine, end: nextLine }, newText: `${prefix}--kill-on-invalid-dep=yes\n` };
  return [{
    code: UNCHAINED_SUBMIT_ID,
    severity: 'hint',
    range: optionRange(o),
    message: `${o.written}${o.valueFromNextArg || o.form === 'short' ? ' ' : '='}${o.value}: ${MESSAGE}`,
    fixes: [{ title: 'Cancel this job when its dependency can no longer be met (#SBATCH --kill-on-invalid-dep=yes)', edits: [edit], safe: false }],
    data: { dependency: o.value },
  }];
}
