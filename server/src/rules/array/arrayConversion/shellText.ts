/**
 * Shell words as sequences of units (a literal character or an expansion, each with the quoting
 * it sits in), so the submit-loop conversion can cut a word apart (an `--export` list at its
 * commas), drop or replace the expansions that use the loop variable, and write the rest back
 * with the same meaning. Also: the variables a piece of shell text reads, quoting a value, and
 * picking a variable name nobody uses yet. Pure; never throws.
 */

export type Quoting = 'none' | 'single' | 'double';

/** One piece of a shell word. */
export interface WordUnit {
  /** The source text of the unit, valid inside its quoting (`a`, `\ `, `$x`, `${x%.fq}`, `$(basename "$f")`). */
  raw: string;
  quote: Quoting;
  /** For a literal: the character bash produces from it. Undefined for an expansion. */
  char?: string;
  /** For an expansion: what it is. */
  expansion?: 'variable' | 'braced' | 'command' | 'arithmetic' | 'backquote';
}

/**
 * The index just past the construct that opens at `start` (`${`, `$(`, `$((`, a backquote),
 * counting nested brackets and skipping quoted text; -1 when it is not closed.
 */
function closingIndex(text: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === "'" && open !== '`') {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end;
      continue;
    }
    if (ch === open) depth++;
    else if (ch === close) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Reads the expansion starting at `i` (text[i] is `$` or a backquote); undefined when malformed. */
function expansionAt(text: string, i: number, quote: Quoting): WordUnit | undefined {
  if (text[i] === '`') {
    const end = text.indexOf('`', i + 1);
    return end < 0 ? undefined : { raw: text.slice(i, end + 1), quote, expansion: 'backquote' };
  }
  const next = text[i + 1];
  if (next === '(') {
    const arithmetic = text[i + 2] === '(';
    const end = closingIndex(text, i + 1, '(', ')');
    if (end < 0) return undefined;
    return { raw: text.slice(i, end), quote, expansion: arithmetic && text[end - 2] === ')' ? 'arithmetic' : 'command' };
  }
  if (next === '{') {
    const end = closingIndex(text, i + 1, '{', '}');
    return end < 0 ? undefined : { raw: text.slice(i, end), quote, expansion: 'braced' };
  }
  const name = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9@*#?$!-]/.exec(text.slice(i + 1));
  if (name) return { raw: `$${name[0]}`, quote, expansion: 'variable' };
  return { raw: '$', quote, char: '$' };
}

/**
 * Splits a word's source text into units. Undefined for what the conversion does not rewrite:
 * `$'...'` and `$"..."` strings, unclosed quotes or expansions.
 */
export function parseWord(text: string): WordUnit[] | undefined {
  const units: WordUnit[] = [];
  let quote: Quoting = 'none';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === 'single') {
      if (ch === "'") quote = 'none';
      else units.push({ raw: ch, quote, char: ch });
      continue;
    }
    if (quote === 'none' && ch === "'") {
      quote = 'single';
      continue;
    }
    if (ch === '"') {
      quote = quote === 'double' ? 'none' : 'double';
      continue;
    }
    if (ch === '\\') {
      const escaped = text[i + 1];
      if (escaped === undefined) return undefined;
      if (quote === 'double' && !'$`"\\\n'.includes(escaped)) units.push({ raw: '\\', quote, char: '\\' });
      else {
        units.push({ raw: `\\${escaped}`, quote, char: escaped === '\n' ? '' : escaped });
        i++;
      }
      continue;
    }
    if (ch === '$' && (text[i + 1] === "'" || text[i + 1] === '"') && quote === 'none') return undefined;
    if (ch === '$' || ch === '`') {
      const unit = expansionAt(text, i, quote);
      if (!unit) return undefined;
      units.push(unit);
      i += unit.raw.length - 1;
      continue;
    }
    units.push({ raw: ch, quote, char: ch });
  }
  return quote === 'none' ? units : undefined;
}

/** Writes units back as shell text, opening and closing quotes where the quoting changes. */
export function serializeUnits(units: readonly WordUnit[]): string {
  let out = '';
  let current: Quoting = 'none';
  const mark = (q: Quoting) => (q === 'single' ? "'" : q === 'double' ? '"' : '');
  for (const u of units) {
    if (u.quote !== current) {
      out += mark(current) + mark(u.quote);
      current = u.quote;
    }
    out += u.raw;
  }
  return out + mark(current);
}

/** A literal unit for text the conversion writes into a word (`%a`), in the given quoting. */
export function literalUnits(text: string, quote: Quoting): WordUnit[] {
  return [...text].map((ch) => ({ raw: ch, quote, char: ch }));
}

/** Names of special parameters (`$1`, `$@`, `$#`, ...), reported as this by {@link variablesRead}. */
export const SPECIAL_PARAMETER = '#special';

const NAME_IN_ARITHMETIC = /[A-Za-z_][A-Za-z0-9_]*/g;
const EXPANSION_NAME = /\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/g;

/**
 * The variables a piece of shell text reads: `$x`, `${x...}` (with the names inside operators
 * such as `${x:-$y}`), names inside `$((...))`; special parameters as {@link SPECIAL_PARAMETER}.
 * Text in single quotes is skipped.
 */
export function variablesRead(text: string): Set<string> {
  const names = new Set<string>();
  const unquotedSingles = text.replace(/'[^']*'/g, "''");
  for (const m of unquotedSingles.matchAll(EXPANSION_NAME)) names.add(/^[A-Za-z_]/.test(m[1]) ? m[1] : SPECIAL_PARAMETER);
  for (const m of unquotedSingles.matchAll(/\$\(\(([\s\S]*?)\)\)/g)) {
    for (const n of m[1].matchAll(NAME_IN_ARITHMETIC)) names.add(n[0]);
  }
  // `${arr[i]}`: the index of an indexed array is arithmetic too.
  for (const m of unquotedSingles.matchAll(/\$\{[A-Za-z_][A-Za-z0-9_]*\[([^\]]*)\]/g)) {
    for (const n of m[1].matchAll(NAME_IN_ARITHMETIC)) names.add(n[0]);
  }
  return names;
}

/** The variables units read, all of them together. */
export function unitsRead(units: readonly WordUnit[]): Set<string> {
  const names = new Set<string>();
  for (const u of units) if (u.expansion) for (const n of variablesRead(u.raw)) names.add(n);
  return names;
}

/** True when one of the names is in the set. */
export function readsAny(names: Iterable<string>, set: ReadonlySet<string>): boolean {
  for (const n of names) if (set.has(n)) return true;
  return false;
}

/** Commands whose output depends only on their arguments: they may move from the driver into the job. */
const PURE_COMMANDS = new Set(['basename', 'dirname']);

/**
 * True when every command substitution in the text runs one of the pure commands (`basename`,
 * `dirname`) with plain arguments, so running it in the job gives what the driver would get.
 */
export function onlyPureSubstitutions(text: string): boolean {
  const units = parseWord(text);
  if (!units) return !/\$\(|`/.test(text);
  for (const u of units) {
    if (u.expansion !== 'command' && u.expansion !== 'backquote') {
      if (u.expansion === 'braced' && /\$\(|`/.test(u.raw)) return false;
      continue;
    }
    const body = u.expansion === 'command' ? u.raw.slice(2, -1) : u.raw.slice(1, -1);
    const name = /^\s*(\S+)/.exec(body)?.[1] ?? '';
    if (!PURE_COMMANDS.has(name) || /[;&|<>`]|\$\(/.test(body)) return false;
  }
  return true;
}

/**
 * True when the word is always exactly one argument: no unquoted expansion, glob or brace
 * expansion, and no `"$@"`/`"${a[@]}"` (which can be any number of words).
 */
export function isSingleWord(text: string): boolean {
  const units = parseWord(text);
  if (!units || units.length === 0) return units !== undefined && text.length > 0;
  for (const u of units) {
    if (u.expansion) {
      if (u.quote === 'none') return false;
      if (/^\$\{?[@*]|\[[@*]\]/.test(u.raw)) return false;
    } else if (u.quote === 'none' && u.char !== undefined && /[*?[{~]/.test(u.char) && !u.raw.startsWith('\\')) return false;
  }
  return true;
}

/** Characters a value may hold and still be written without quotes. */
const PLAIN = /^[A-Za-z0-9_./+:,=@%^-]+$/;

/** The value as one shell word: as is when that is safe, else in single quotes. */
export function shellQuote(value: string): string {
  if (PLAIN.test(value) && !value.startsWith('=')) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Variables of the environment that have the same value in the job as in the driver that submits it. */
export const SAME_IN_JOB = new Set(['HOME', 'USER', 'LOGNAME']);

/**
 * A variable name based on `base` that none of the texts uses as a word (`n`, `n2`, `n3`, ...),
 * so the conversion's own variables never change the user's.
 */
export function freshName(base: string, texts: readonly string[]): string {
  for (let k = 1; k < 1000; k++) {
    const name = k === 1 ? base : `${base}${k}`;
    const re = new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`);
    if (!texts.some((t) => re.test(t))) return name;
  }
  return `${base}_hpcw`;
}
