import { splitDirectiveArgs, type DirectiveArgsResult } from './directiveArgs';
import { isCSpace, positionAt, splitLines, type TextLines } from './lines';

/** A whole-script problem sbatch checks before it reads any directive (first one wins). */
export type ScriptShapeProblem =
  | { kind: 'empty' }
  | { kind: 'whitespace-only' }
  | { kind: 'no-shebang' }
  | { kind: 'nul-char'; line: number; column: number }
  | { kind: 'dos-line-breaks'; line: number; column: number; count: number };

/** A line sbatch reads as a directive (`#SBATCH` or `#SLURM` at column 0, before the first command). */
export interface DirectiveLine {
  line: number;
  prefix: '#SBATCH' | '#SLURM';
  /** Het-job component the line belongs to (0 for ordinary scripts). */
  component: number;
  split: DirectiveArgsResult;
  /**
   * True for the part of a directive after a lone carriage return: editors start a new line
   * there, sbatch does not (it splits lines at \n only), so the words go on the same directive.
   */
  continuation?: boolean;
}

export type NearMissKind =
  | 'after-command' // a real directive, but after the first command: sbatch stopped reading
  | 'indented' // blanks before `#SBATCH`
  | 'wrong-case' // `#sbatch`, `#Sbatch`
  | 'space-after-hash' // `# SBATCH --x`
  | 'misspelled' // `#SBTACH --x`
  | 'disabled'; // `##SBATCH`: the usual way to switch a directive off on purpose

/** A line that looks like a directive but that sbatch does not read. */
export interface NearMiss {
  line: number;
  kind: NearMissKind;
  /** Columns of the prefix as written (e.g. `  #sbatch`). */
  prefixStart: number;
  prefixEnd: number;
  /** The prefix word as written, e.g. `#SBTACH`. */
  written: string;
}

export interface ScannedScript {
  text: string;
  lines: TextLines;
  shape?: ScriptShapeProblem;
  directives: DirectiveLine[];
  /** First line sbatch treats as a command (ends the directives), if any. */
  firstCommandLine?: number;
  nearMisses: NearMiss[];
  /** Lines inside here-documents opened after the first command (data for other programs). */
  heredocLines: Set<number>;
}

/** Damerau-Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function shapeOf(text: string, lines: TextLines): ScriptShapeProblem | undefined {
  if (text.length === 0) return { kind: 'empty' };
  if (/^[ \t\n\v\f\r]*$/.test(text)) return { kind: 'whitespace-only' };
  if (!text.startsWith('#!')) return { kind: 'no-shebang' };
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { kind: 'nul-char', ...positionOf(lines, nul) };
  const crlf = text.indexOf('\r\n');
  if (crlf >= 0) {
    const count = text.split('\r\n').length - 1;
    return { kind: 'dos-line-breaks', ...positionOf(lines, crlf), count };
  }
  return undefined;
}

function positionOf(lines: TextLines, offset: number): { line: number; column: number } {
  const p = positionAt(lines.starts, offset);
  return { line: p.line, column: p.character };
}

const EXACT_PREFIX = /^([ \t]*)(#SBATCH|#SLURM)/;
const NEAR_MISS = /^([ \t]*)(#+)([ \t]*)([A-Za-z]{4,9})(?=[ \t]|$)/;

/** Classifies a line that sbatch does not read as a directive but that looks like one. */
function nearMissOf(line: string, index: number, afterCommand: boolean): NearMiss | undefined {
  const exact = EXACT_PREFIX.exec(line);
  if (exact) {
    const [whole, indent, written] = exact;
    if (!afterCommand && indent === '') return undefined; // a directive, handled by the caller
    return { line: index, kind: afterCommand ? 'after-command' : 'indented', prefixStart: indent.length, prefixEnd: whole.length, written };
  }
  const m = NEAR_MISS.exec(line);
  if (!m) return undefined;
  const [whole, indent, hashes, gap, word] = m;
  // Only lines that go on like a directive (with an option) count, so prose in comments is left alone.
  if (!line.slice(whole.length).trimStart().startsWith('-')) return undefined;
  const upper = word.toUpperCase();
  const near = (kind: NearMissKind): NearMiss => ({ line: index, kind, prefixStart: indent.length, prefixEnd: whole.length, written: whole.slice(indent.length) });
  if (hashes.length > 1) return upper === 'SBATCH' || upper === 'SLURM' ? near('disabled') : undefined;
  if (upper === 'SBATCH' || upper === 'SLURM') return near(gap !== '' ? 'space-after-hash' : 'wrong-case');
  if (upper.length >= 5 && editDistance(upper, 'SBATCH') <= 2) return near('misspelled');
  return undefined;
}

const HEREDOC = /<<(-?)[ \t]*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * The here-document a command line opens, if any (`cat > job.sh <<EOF`). Lines up to its
 * delimiter are data for another program (often another job script), not this script's
 * directives, so they are never reported as ignored directives. Only the first one on a line
 * is followed; `<<<` (a here-string) opens none.
 */
function heredocOpenedBy(line: string): { delimiter: string; stripTabs: boolean } | undefined {
  HEREDOC.lastIndex = 0;
  for (let m = HEREDOC.exec(line); m; m = HEREDOC.exec(line)) {
    if (line[m.index + 2] === '<' || (m.index > 0 && line[m.index - 1] === '<')) continue;
    const before = line.slice(0, m.index);
    if (/(^|[^\\])#/.test(before.replace(/'[^']*'|"[^"]*"/g, ''))) return undefined; // inside a comment
    return { delimiter: m[2] ?? m[3] ?? m[4], stripTabs: m[1] === '-' };
  }
  return undefined;
}

function isCommand(line: string): boolean {
  let k = 0;
  while (k < line.length && isCSpace(line[k])) k++;
  return k < line.length && line[k] !== '#';
}

/** True when LSP line `i` ends with a lone `\r`, which ends a line for editors but not for sbatch. */
function endsWithLoneCR(text: string, lines: TextLines, i: number): boolean {
  if (i + 1 >= lines.starts.length) return false;
  const end = lines.starts[i] + lines.lines[i].length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) !== 10;
}

/**
 * Finds the directive lines of a job script exactly as sbatch does: lines starting at column 0
 * with `#SBATCH` (or the legacy `#SLURM`) are read until the first line that is neither blank nor
 * a comment; `hetjob` lines start a new component. Also records lines that look like directives
 * but are not read. Never throws.
 */
export function scanJobScript(text: string): ScannedScript {
  const lines = splitLines(text);
  const scanned: ScannedScript = { text, lines, shape: shapeOf(text, lines), directives: [], nearMisses: [], heredocLines: new Set() };
  let component = 0;
  let heredoc: { delimiter: string; stripTabs: boolean } | undefined;
  for (let i = 0; i < lines.lines.length; i++) {
    if (heredoc) {
      const body = heredoc.stripTabs ? lines.lines[i].replace(/^\t+/, '') : lines.lines[i];
      if (body === heredoc.delimiter) heredoc = undefined;
      else scanned.heredocLines.add(i);
      continue;
    }
    // One sbatch line may span several editor lines joined by lone carriage returns.
    let last = i;
    while (endsWithLoneCR(text, lines, last)) last++;
    const line = lines.lines[i];
    const afterCommand = scanned.firstCommandLine !== undefined;
    if (!afterCommand) {
      const prefix = line.startsWith('#SBATCH') ? '#SBATCH' : line.startsWith('#SLURM') ? '#SLURM' : undefined;
      if (prefix) {
        let split = splitDirectiveArgs(line, prefix.length);
        if (split.separator?.first) component++;
        scanned.directives.push({ line: i, prefix, component, split });
        for (let k = i + 1; k <= last && !split.error && split.commentStart === undefined && split.droppedFrom === undefined && !split.separator; k++) {
          split = splitDirectiveArgs(lines.lines[k], 0);
          scanned.directives.push({ line: k, prefix, component, split, continuation: true });
        }
        i = last;
        continue;
      }
      if (isCommand(lines.lines.slice(i, last + 1).join(' '))) {
        scanned.firstCommandLine = i;
        heredoc = heredocOpenedBy(line);
        i = last;
        continue;
      }
    } else if (isCommand(line)) {
      heredoc = heredocOpenedBy(line);
    }
    const miss = nearMissOf(line, i, afterCommand);
    if (miss) scanned.nearMisses.push(miss);
    i = last;
  }
  return scanned;
}
