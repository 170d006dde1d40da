import type { JobScriptAnalysis } from '../analyze';
import { lineRange, type Completion, type Position, type Range } from '../core/types';
import type { AnalysisSettings } from '../rules/types';
import type { OptionSpec } from '../slurm/options/types';
import { grammarFor } from '../slurm/values/registry';
import { optionMarkdown, optionSignature } from './optionDocs';
import { valueContextFor } from '../rules/valueContext';

export type CompletionEntry = Completion<'option' | 'value' | 'directive' | 'snippet'>;

/** Options offered first when completing a fresh directive: what almost every job sets. */
const COMMON = ['job-name', 'time', 'partition', 'nodes', 'ntasks', 'cpus-per-task', 'mem', 'output', 'error', 'gres', 'gpus', 'array', 'account', 'mail-type', 'mail-user', 'dependency', 'qos', 'constraint'];

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function optionEntry(spec: OptionSpec, range: Range, rank: number): CompletionEntry {
  const hint = spec.valueHint ?? 'value';
  const insertText = spec.arg === 'required' ? `--${spec.name}=\${1:${escapeSnippet(hint)}}` : `--${spec.name}`;
  return {
    label: `--${spec.name}`,
    kind: 'option',
    detail: `${optionSignature(spec)} — ${spec.summary}`,
    documentation: optionMarkdown(spec),
    insertText,
    isSnippet: spec.arg === 'required',
    range,
    sortText: `${String(rank).padStart(3, '0')}-${spec.name}`,
  };
}

/** A whole job header, offered on an empty line of a script that has no directives yet. */
function headerEntry(range: Range): CompletionEntry {
  const body = [
    '#SBATCH --job-name=${1:my-job}',
    '#SBATCH --time=${2:01:00:00}',
    '#SBATCH --nodes=${3:1}',
    '#SBATCH --ntasks=${4:1}',
    '#SBATCH --cpus-per-task=${5:4}',
    '#SBATCH --mem=${6:16G}',
    '#SBATCH --output=${7:logs/%x-%j.out}',
    '#SBATCH --error=${8:logs/%x-%j.err}',
    '$0',
  ].join('\n');
  return { label: '#SBATCH job header', kind: 'snippet', detail: 'A complete set of common #SBATCH directives', insertText: body, isSnippet: true, range, sortText: '000', filterText: '#SBATCH header' };
}

/**
 * Completion at a position of a job script: option names after `#SBATCH `, values after
 * `--option=` (keywords, list items after `,`), the directive prefix and a whole header on an
 * empty header line. Returns an empty list where nothing applies.
 */
export function completeAt(analysis: JobScriptAnalysis, text: string, pos: Position, settings: AnalysisSettings): CompletionEntry[] {
  const { script } = analysis;
  const line = script.lines.lines[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  const inHeader = script.firstCommandLine === undefined || pos.line <= script.firstCommandLine;
  const directive = /^#(SBATCH|SLURM)/.exec(before);
  if (!directive) {
    if (!inHeader || !/^#?[A-Za-z]*$/.test(before)) return [];
    const range = lineRange(pos.line, 0, pos.character);
    const entries: CompletionEntry[] = [{ label: '#SBATCH', kind: 'directive', detail: 'A directive line read by sbatch', insertText: '#SBATCH --', isSnippet: false, range, sortText: '001' }];
    if (script.directives.length === 0 && text.length < 100_000) entries.unshift(headerEntry(range));
    return entries;
  }
  const tokenStart = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
  const token = before.slice(tokenStart);
  if (tokenStart === 0) return []; // still inside the prefix itself
  const value = /^--([A-Za-z0-9-]+)=(.*)$/.exec(token);
  if (value) {
    const spec = script.catalog.byName(value[1]);
    if (!spec) return [];
    const typed = value[2];
    const cut = Math.max(typed.lastIndexOf(','), typed.lastIndexOf(':'), typed.lastIndexOf('?'));
    const from = pos.character - typed.length + cut + 1;
    const range = lineRange(pos.line, from, pos.character);
    const ctx = valueContextFor(spec.name, settings);
    const grammar = grammarFor(spec.value);
    const values = new Set<string>([...(spec.enumValues ?? []), ...(grammar.completions?.(ctx) ?? [])]);
    return [...values].map((v, i) => ({ label: v, kind: 'value' as const, detail: `--${spec.name}`, insertText: v, isSnippet: false, range, sortText: String(i).padStart(3, '0') }));
  }
  if (!/^-{0,2}[A-Za-z0-9-]*$/.test(token)) return [];
  const range = lineRange(pos.line, tokenStart, pos.character);
  const used = new Set(script.options.filter((o) => o.line !== pos.line).map((o) => o.spec.name));
  return script.catalog
    .all()
    .filter((s) => s.documented)
    .map((s) => {
      // Options the script already sets come last: a second one would silently replace the first.
      const common = COMMON.indexOf(s.name);
      return optionEntry(s, range, used.has(s.name) ? 900 : common >= 0 ? common : 100);
    });
}
