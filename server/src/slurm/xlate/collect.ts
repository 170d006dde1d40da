import { splitDirectiveArgs, type DirectiveArgsResult } from '../directiveArgs';
import type { PlacedArg } from '../getopt';
import type { ScannedScript } from '../scanner';
import type { ForeignDialect, ForeignProblem } from './types';

/** sbatch stops looking for #PBS / #BSUB lines once it has seen more than this many non-comment lines. */
export const NON_COMMENT_LIMIT = 100;

const PREFIX: Record<ForeignDialect, string> = { pbs: '#PBS', bsub: '#BSUB' };

/** One line starting with a foreign prefix, as sbatch splits it into words. */
export interface CollectedLine {
  dialect: ForeignDialect;
  line: number;
  lastLine: number;
  args: PlacedArg[];
  commentStart?: number;
}

export interface Collected {
  dialect?: ForeignDialect;
  lines: CollectedLine[];
  /** Every word of the translated dialect's lines, in order (`-cwd` already rewritten for #BSUB). */
  args: PlacedArg[];
  /** Words rewritten from `-cwd` to `-c` (#BSUB only). */
  rewrittenCwd: Set<PlacedArg>;
  problems: ForeignProblem[];
  shadowedLines: number[];
}

/** True when editor line `i` ends with a lone `\r`, which ends a line for editors but not for sbatch. */
function endsWithLoneCR(scanned: ScannedScript, i: number): boolean {
  const { lines, starts } = scanned.lines;
  if (i + 1 >= starts.length) return false;
  const end = starts[i] + lines[i].length;
  return scanned.text.charCodeAt(end) === 13 && scanned.text.charCodeAt(end + 1) !== 10;
}

interface PrefixScan {
  /** [first, last] editor lines of each line with the prefix that sbatch reads. */
  found: [number, number][];
  /** Lines with the prefix after the non-comment limit. */
  beyond: number[];
}

/**
 * Finds the lines sbatch reads for one prefix: lines starting with it anywhere in the script
 * (also after commands and inside here-documents), until more than 100 lines not starting with
 * `#` (blank lines included) have been seen.
 */
function scanPrefix(scanned: ScannedScript, prefix: string): PrefixScan {
  const lines = scanned.lines.lines;
  const result: PrefixScan = { found: [], beyond: [] };
  let nonComments = 0;
  let stopped = false;
  for (let i = 0; i < lines.length; i++) {
    let last = i;
    while (endsWithLoneCR(scanned, last)) last++;
    if (lines[i].startsWith(prefix)) {
      if (stopped) result.beyond.push(i);
      else result.found.push([i, last]);
    } else if (!stopped && !lines[i].startsWith('#')) {
      nonComments++;
      if (nonComments > NON_COMMENT_LIMIT) stopped = true;
    }
    i = last;
  }
  return result;
}

function splitParts(scanned: ScannedScript, first: number, last: number, prefix: string): { line: number; split: DirectiveArgsResult }[] {
  const lines = scanned.lines.lines;
  let split = splitDirectiveArgs(lines[first], prefix.length);
  const parts = [{ line: first, split }];
  for (let k = first + 1; k <= last && !split.error && split.commentStart === undefined && split.droppedFrom === undefined && !split.separator; k++) {
    split = splitDirectiveArgs(lines[k], 0);
    parts.push({ line: k, split });
  }
  return parts;
}

function syntaxProblem(dialect: ForeignDialect, line: number, split: DirectiveArgsResult): ForeignProblem | undefined {
  const err = split.error;
  if (!err) return undefined;
  const prefix = PREFIX[dialect];
  const message = err.kind === 'unmatched-quote'
    ? `sbatch refuses the script: the quote ${err.quote ?? ''} on this ${prefix} line is never closed`
    : `sbatch refuses the script: a word on this ${prefix} line starts with ':'`;
  return { kind: 'syntax', severity: 'error', message, line, start: err.column, end: err.column + 1 };
}

function droppedProblem(dialect: ForeignDialect, line: number, text: string, split: DirectiveArgsResult): ForeignProblem | undefined {
  const from = split.droppedFrom;
  if (from === undefined) return undefined;
  const end = Math.max(split.commentStart ?? text.trimEnd().length, from + 1);
  const why = split.separator ? `after "${split.separator.word}"` : 'after an empty quoted word';
  return {
    kind: 'dropped-text', severity: 'warning', line, start: from, end,
    message: `sbatch stops reading this ${PREFIX[dialect]} line ${why}, so "${text.slice(from, end).trim()}" is never translated`,
  };
}

/**
 * Collects the #PBS or #BSUB lines sbatch translates and splits them into words with sbatch's
 * own word splitting. #BSUB is tried first; when the script has any #BSUB line, #PBS lines are
 * not read. A fatal word-splitting error ends the reading (sbatch exits there). Never throws.
 */
export function collectForeignLines(scanned: ScannedScript): Collected {
  const result: Collected = { lines: [], args: [], rewrittenCwd: new Set(), problems: [], shadowedLines: [] };
  const bsub = scanPrefix(scanned, PREFIX.bsub);
  const pbs = scanPrefix(scanned, PREFIX.pbs);
  const dialect: ForeignDialect | undefined = bsub.found.length > 0 ? 'bsub' : pbs.found.length > 0 ? 'pbs' : undefined;
  const chosen = dialect === 'bsub' ? bsub : pbs;
  if (dialect === 'bsub') {
    result.shadowedLines = [...pbs.found.map(([first]) => first), ...pbs.beyond];
    for (const line of result.shadowedLines) {
      result.problems.push({
        kind: 'not-read', severity: 'warning', line, start: 0, end: scanned.lines.lines[line].trimEnd().length,
        message: 'sbatch does not read this #PBS line: the script also has #BSUB lines, and sbatch translates only those',
      });
    }
  }
  const beyond: [ForeignDialect, number[]][] = [['bsub', bsub.beyond], ['pbs', dialect === 'bsub' ? [] : pbs.beyond]];
  for (const [which, lines] of beyond) {
    for (const line of lines) {
      result.problems.push({
        kind: 'not-read', severity: 'warning', line, start: 0, end: scanned.lines.lines[line].trimEnd().length,
        message: `sbatch does not read this ${PREFIX[which]} line: it stops looking for ${PREFIX[which]} lines after ${NON_COMMENT_LIMIT} lines that do not start with #`,
      });
    }
  }
  if (dialect === undefined) return result;
  result.dialect = dialect;
  const prefix = PREFIX[dialect];
  for (const [first, last] of chosen.found) {
    const collected: CollectedLine = { dialect, line: first, lastLine: last, args: [] };
    result.lines.push(collected);
    let fatal = false;
    for (const { line, split } of splitParts(scanned, first, last, prefix)) {
      for (const arg of split.args) {
        let placed: PlacedArg = { line, arg };
        // sbatch turns `-cwd` into `-c` before getopt, but only at odd argv positions.
        if (dialect === 'bsub' && result.args.length % 2 === 0 && arg.text === '-cwd') {
          placed = { line, arg: { ...arg, text: '-c', columns: [arg.columns[0], arg.columns[3]] } };
          result.rewrittenCwd.add(placed);
        }
        collected.args.push(placed);
        result.args.push(placed);
      }
      if (split.commentStart !== undefined && line === first) collected.commentStart = split.commentStart;
      const dropped = droppedProblem(dialect, line, scanned.lines.lines[line], split);
      if (dropped) result.problems.push(dropped);
      const syntax = syntaxProblem(dialect, line, split);
      if (syntax) {
        result.problems.push(syntax);
        fatal = true;
      }
    }
    if (fatal) break;
  }
  return result;
}
