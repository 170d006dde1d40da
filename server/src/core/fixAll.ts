import type { Finding, Fix, Range, TextEdit } from './types';

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
  // Two inserts at one point do not overlap; a range overlaps another when neither ends before the other starts.
  const aEmpty = a.start.line === a.end.line && a.start.character === a.end.character;
  const bEmpty = b.start.line === b.end.line && b.start.character === b.end.character;
  if (aEmpty && bEmpty) return false;
  return before(a.start, b.end) && before(b.start, a.end);
}

/**
 * Picks the fixes that can be applied together: for each finding its preferred safe fix, skipping
 * any whose edits overlap an edit already picked. Used by "fix all" in the editor and `--fix` in
 * the CLI (which re-runs until nothing changes).
 */
export function chooseSafeFixes(findings: readonly Finding[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe && x.isPreferred) ?? f.fixes.find((x) => x.safe);
    if (!fix) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e.range, t.range)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

/** Offset of a position in `text` (lines end at \n, \r\n or \r, as LSP counts them). */
export function offsetAt(text: string, lineStarts: readonly number[], pos: Range['start']): number {
  const start = lineStarts[Math.min(pos.line, lineStarts.length - 1)] ?? 0;
  return Math.min(start + pos.character, text.length);
}

/**
 * Applies text edits to a text (edits must not overlap). Returns the new text. Used by the CLI
 * and by tests; the editor applies edits itself.
 */
export function applyEdits(text: string, lineStarts: readonly number[], edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e, i) => ({ i, start: offsetAt(text, lineStarts, e.range.start), end: offsetAt(text, lineStarts, e.range.end), text: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
