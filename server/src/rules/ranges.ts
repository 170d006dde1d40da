import { lineRange, type Range } from '../core/types';
import type { ParsedOption } from '../slurm/getopt';

/** Range of an option's name as written (`--time`, `-t`). */
export function nameRange(o: ParsedOption): Range {
  return lineRange(o.line, o.nameStart, o.nameEnd);
}

/** Range of an option's value as written (an empty range after `=` when the value is empty). */
export function valueRange(o: ParsedOption): Range {
  if (o.valueColumns.length === 0) return lineRange(o.valueLine, o.valueAnchor, o.valueAnchor);
  return lineRange(o.valueLine, o.valueColumns[0], o.valueColumns[o.valueColumns.length - 1] + 1);
}

/** Range of part of a value, given offsets into the value text. */
export function valuePartRange(o: ParsedOption, start = 0, end?: number): Range {
  const cols = o.valueColumns;
  if (cols.length === 0) return valueRange(o);
  const s = Math.max(0, Math.min(start, cols.length - 1));
  const e = Math.max(s + 1, Math.min(end ?? cols.length, cols.length));
  return lineRange(o.valueLine, cols[s], cols[e - 1] + 1);
}

/** Range from an option's name to the end of its value (on the name's line when the value is elsewhere). */
export function optionRange(o: ParsedOption): Range {
  if (o.value === undefined || o.valueLine !== o.line || o.valueColumns.length === 0) {
    const end = o.valueLine === o.line && o.valueColumns.length === 0 ? Math.max(o.nameEnd, o.valueAnchor) : o.nameEnd;
    return lineRange(o.line, o.nameStart, end);
  }
  return lineRange(o.line, o.nameStart, o.valueColumns[o.valueColumns.length - 1] + 1);
}

/** Range of a whole line (for removing it together with its line break). */
export function wholeLineRange(line: number, lineCount: number, lastLineLength: number): Range {
  return line + 1 < lineCount ? { start: { line, character: 0 }, end: { line: line + 1, character: 0 } } : lineRange(line, 0, lastLineLength);
}
