import type { Node, Pair } from 'yaml';
import type { Finding, Severity } from '../../core/types';
import { positionAt, type TextLines } from '../../slurm/lines';
import type { DuplicateKey } from './toValue';

interface Located {
  text: string;
  lines: TextLines;
}

function pairStart(pair: Pair): number {
  return (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
}

function pairEnd(pair: Pair): number {
  const keyEnd = (pair.key as Node | null)?.range?.[1] ?? 0;
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? 0;
  return Math.max(keyEnd, valueEnd);
}

/**
 * The source offsets of a whole mapping entry, for removing it: in a block mapping its full lines
 * (when nothing but blanks and a comment share them), in a flow mapping from the end of the
 * entry before it, so `{a: 1, a: 2}` becomes `{a: 1}`.
 */
export function entrySpan(doc: Located, d: DuplicateKey): { start: number; end: number } {
  const { text } = doc;
  let start = pairStart(d.second);
  let end = pairEnd(d.second);
  if (d.map.flow) {
    const index = d.map.items.indexOf(d.second);
    const before = index > 0 ? (d.map.items[index - 1] as Pair) : undefined;
    if (before) start = pairEnd(before);
    return { start, end };
  }
  const lineStart = doc.lines.starts[positionAt(doc.lines.starts, start).line];
  if (/^[ \t]*$/.test(text.slice(lineStart, start))) start = lineStart;
  const endLine = positionAt(doc.lines.starts, end).line;
  const nextLine = doc.lines.starts[endLine + 1];
  const rest = text.slice(end, nextLine ?? text.length);
  if (/^[ \t]*(#.*)?(\r?\n|\r)?$/.test(rest)) end = nextLine ?? text.length;
  return { start, end };
}

/**
 * A `workflow/duplicate-key` finding at the later of two equal keys in one mapping, with a fix
 * (never safe: which value was meant is a guess) that removes the whole later entry.
 */
export function duplicateKeyFinding(doc: Located, d: DuplicateKey, severity: Severity, refusedBy = 'The engine'): Finding {
  const key = d.second.key as Node | null;
  const keyRange = key?.range ?? [pairStart(d.second), pairStart(d.second)];
  const range = { start: positionAt(doc.lines.starts, keyRange[0]), end: positionAt(doc.lines.starts, keyRange[1]) };
  const firstLine = positionAt(doc.lines.starts, pairStart(d.first)).line + 1;
  const span = entrySpan(doc, d);
  const consequence =
    severity === 'error'
      ? `${refusedBy} refuse${refusedBy === 'The engine' ? 's' : ''} a file with a repeated key.`
      : `Loaders keep only the last value without a word, so the value on line ${firstLine} is ignored.`;
  return {
    code: 'workflow/duplicate-key',
    severity,
    range,
    message: `\`${d.key}\` appears twice in this mapping (first on line ${firstLine}). ${consequence}`,
    fixes: [
      {
        title: `Remove this \`${d.key}\` entry (keep the one on line ${firstLine})`,
        edits: [{ range: { start: positionAt(doc.lines.starts, span.start), end: positionAt(doc.lines.starts, span.end) }, newText: '' }],
        safe: false,
      },
    ],
    data: { key: d.key, firstLine },
  };
}
