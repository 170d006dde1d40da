/**
 * Splits a document into lines the way an editor counts them (LSP: `\n`, `\r\n` and `\r` end a
 * line), keeping each line's start offset so findings can point back into the text.
 */
export interface TextLines {
  /** Line texts without their terminators. */
  lines: string[];
  /** Offset of each line's first character in the document. */
  starts: number[];
}

/** Splits `text` into lines; never throws. An empty text has one empty line. */
export function splitLines(text: string): TextLines {
  const lines: string[] = [];
  const starts: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      lines.push(text.slice(start, i));
      starts.push(start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  starts.push(start);
  return { lines, starts };
}

/** The 0-based line and UTF-16 column of an offset, by binary search over line starts. */
export function positionAt(starts: readonly number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** True for the characters C's isspace() accepts in the "C" locale. */
export function isCSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}
