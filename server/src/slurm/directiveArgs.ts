import { isCSpace } from './lines';

/**
 * One argument of a directive line after sbatch's own word splitting: quotes removed,
 * backslash escapes applied. Columns are positions in the line (UTF-16 units).
 */
export interface DirectiveArg {
  /** The argument as sbatch passes it to getopt. */
  text: string;
  /** Column of the argument's first character as written (quotes included). */
  start: number;
  /** Column just past its last character as written. */
  end: number;
  /** For each character of `text`, the column it came from (so a value range can be mapped back). */
  columns: number[];
}

export interface DirectiveArgsResult {
  args: DirectiveArg[];
  /** Column where an unquoted `#` starts a trailing comment, if any. */
  commentStart?: number;
  /** A problem sbatch treats as fatal for the whole script. */
  error?: { kind: 'unmatched-quote' | 'unexpected-colon'; column: number; quote?: string };
  /**
   * A `hetjob`/`packjob` word. sbatch blanks it and stops reading the line there, so anything
   * after it on the same line is dropped. Only at the start of a line does it begin a new
   * het-job component (`first` true).
   */
  separator?: { word: string; start: number; end: number; first: boolean };
  /** Column where text starts that sbatch never reads (after a separator or an empty `""`). */
  droppedFrom?: number;
}

const SEPARATORS = ['hetjob', 'packjob'];

/** True when `line` at `pos` holds a het-job separator word followed by a blank or the end. */
function separatorAt(line: string, pos: number): string | undefined {
  for (const word of SEPARATORS) {
    const candidate = line.slice(pos, pos + word.length);
    const after = line.charAt(pos + word.length);
    if (candidate.toLowerCase() === word && (after === '' || isCSpace(after))) return word;
  }
  return undefined;
}

function skipBlanks(line: string, pos: number): number {
  while (pos < line.length && isCSpace(line[pos])) pos++;
  return pos;
}

/**
 * Splits the part of a directive line after its `#SBATCH` prefix into arguments, exactly as
 * sbatch's get_argument does: blanks separate words; single or double quotes group characters
 * (and are removed, also in the middle of a word); a backslash keeps the next character
 * literally; an unquoted, unescaped `#` ends the line; `hetjob`/`packjob` words are blanked;
 * a word starting with `:` and an unmatched quote are fatal. Never throws.
 *
 * @param line the whole line text
 * @param from column just past the directive prefix
 */
export function splitDirectiveArgs(line: string, from: number): DirectiveArgsResult {
  const result: DirectiveArgsResult = { args: [] };
  let pos = from;
  for (;;) {
    pos = skipBlanks(line, pos);
    const sep = separatorAt(line, pos);
    if (sep !== undefined) {
      result.separator = { word: sep, start: pos, end: pos + sep.length, first: result.args.length === 0 };
      // NOTE: sbatch overwrites the word with blanks and then finds no argument, which ends the line.
      const rest = pos + sep.length;
      const next = skipBlanks(line, rest);
      if (next < line.length && line[next] !== '#') result.droppedFrom = next;
      return result;
    }
    if (pos >= line.length) return result;
    if (line[pos] === ':') {
      result.error = { kind: 'unexpected-colon', column: pos };
      return result;
    }
    const start = pos;
    let text = '';
    const columns: number[] = [];
    let quote = '';
    let quoteColumn = -1;
    let escaped = false;
    while (pos < line.length && (quote !== '' || !isCSpace(line[pos]))) {
      const ch = line[pos];
      if (escaped) {
        escaped = false;
      } else if (ch === '\\') {
        escaped = true;
        pos++;
        continue;
      } else if (quote !== '') {
        if (ch === quote) {
          quote = '';
          pos++;
          continue;
        }
      } else if (ch === '"' || ch === "'") {
        quote = ch;
        quoteColumn = pos;
        pos++;
        continue;
      } else if (ch === '#') {
        result.commentStart = pos;
        break;
      }
      text += ch;
      columns.push(pos);
      pos++;
    }
    if (quote !== '') {
      result.error = { kind: 'unmatched-quote', column: quoteColumn, quote };
      return result;
    }
    // NOTE: sbatch keeps an argument only when at least one character was copied; a bare
    // `""` yields nothing (its buffer stays NULL) and ends the line's arguments.
    if (text === '') {
      const next = skipBlanks(line, pos);
      if (result.commentStart === undefined && next < line.length && line[next] !== '#') result.droppedFrom = next;
      return result;
    }
    result.args.push({ text, start, end: pos, columns });
    if (result.commentStart !== undefined) return result;
  }
}
