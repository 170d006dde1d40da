import { SLURM_VERSIONS, compareVersions, type SlurmVersion } from '../versions';
import type { ValueContext, ValueProblem } from './grammar';

/**
 * Small helpers shared by the value grammars: C-style number reading (the way
 * `strtol`/`strtoul` see a string), problem builders, version checks and wording.
 * Everything here is pure and never throws.
 */

/** What a C `strtol`-like reader found at the start of a string. */
export interface CNumber {
  /** The number read (0 when no digits were found, as C returns). */
  value: number;
  /** Index just past the last character consumed (the start when no digits). */
  end: number;
  /** True when at least one digit was read. */
  hasDigits: boolean;
  /** True when the digits do not fit a 64-bit integer (C would clamp). */
  overflow: boolean;
}

const C_SPACE = /[ \t\n\v\f\r]/;

/** True for the characters C's `isspace` accepts. */
export function isCSpace(ch: string | undefined): boolean {
  return ch !== undefined && C_SPACE.test(ch);
}

/** True when the text is empty or only C white space (`xstring_is_whitespace`). */
export function isBlank(text: string): boolean {
  for (const ch of text) if (!isCSpace(ch)) return false;
  return true;
}

/**
 * Reads a decimal integer the way C's `strtol` does: leading white space, an
 * optional sign, then digits. Called by grammars that mirror Slurm's readers.
 * Returns what was read and where reading stopped.
 */
export function readCInteger(text: string, from = 0): CNumber {
  let i = from;
  while (i < text.length && isCSpace(text[i])) i++;
  let negative = false;
  if (text[i] === '+' || text[i] === '-') {
    negative = text[i] === '-';
    i++;
  }
  const digitsStart = i;
  while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
  if (i === digitsStart) return { value: 0, end: from, hasDigits: false, overflow: false };
  const digits = text.slice(digitsStart, i).replace(/^0+(?=\d)/, '');
  const overflow = digits.length > 18;
  const magnitude = overflow ? Number.MAX_SAFE_INTEGER : Number(digits);
  return { value: negative ? -magnitude : magnitude, end: i, hasDigits: true, overflow };
}

/**
 * Looks a user-typed key up in a table of our own, ignoring inherited properties
 * (so `constructor` or `__proto__` in a value never match).
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Case-insensitive equality (Slurm's `xstrcasecmp(...) == 0`). */
export function eqNoCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Case-insensitive prefix test (Slurm's `xstrncasecmp(text, prefix, strlen(prefix)) == 0`). */
export function startsNoCase(text: string, prefix: string): boolean {
  return text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
}

/** An error: sbatch (or the controller at submission) refuses the value. */
export function error(message: string, start?: number, end?: number): ValueProblem {
  return withRange({ severity: 'error', message }, start, end);
}

/** A warning: accepted, but not as written. */
export function warning(message: string, start?: number, end?: number): ValueProblem {
  return withRange({ severity: 'warning', message }, start, end);
}

/** A warning whose verdict depends on the site's configuration. */
export function siteWarning(message: string, start?: number, end?: number): ValueProblem {
  return withRange({ severity: 'warning', message, siteDependent: true }, start, end);
}

/** Advice that does not change what sbatch does. */
export function info(message: string, start?: number, end?: number): ValueProblem {
  return withRange({ severity: 'info', message }, start, end);
}

function withRange(problem: ValueProblem, start?: number, end?: number): ValueProblem {
  if (start !== undefined && end !== undefined && end > start) {
    problem.start = start;
    problem.end = end;
  }
  return problem;
}

/** True when any problem in the list is an error. */
export function hasError(problems: readonly ValueProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** The concrete series, oldest first (without `any`). */
export const CONCRETE_VERSIONS: readonly SlurmVersion[] = SLURM_VERSIONS;

/**
 * True when the series judged by is `since` or newer. Called by grammars whose
 * rules changed between releases; `version` must be a concrete series.
 */
export function atLeast(version: SlurmVersion, since: SlurmVersion): boolean {
  return compareVersions(version, since) >= 0;
}

/** Names a span of series for messages: "22.05", "22.05–23.02", "23.11 and later". */
export function describeVersionSpan(versions: readonly SlurmVersion[]): string {
  if (versions.length === 0) return 'no release';
  const sorted = [...versions].sort(compareVersions);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === last) return first;
  if (last === 'master') return `${first} and later`;
  return `${first}–${last}`;
}

/**
 * Runs a version-specific validator under the context's version. For `any`,
 * the value passes when some series takes it: the problems of the newest series
 * that accepts it are returned, plus an `info` naming the series that refuse it.
 * When every series refuses, the newest series' problems are returned.
 */
export function validateAcrossVersions(
  value: string,
  ctx: ValueContext,
  validateFor: (value: string, version: SlurmVersion) => ValueProblem[],
): ValueProblem[] {
  if (ctx.version !== 'any') return validateFor(value, ctx.version);
  const results = CONCRETE_VERSIONS.map((v) => ({ version: v, problems: validateFor(value, v) }));
  const accepting = results.filter((r) => !hasError(r.problems));
  if (accepting.length === 0) return results[results.length - 1].problems;
  const refusing = results.filter((r) => hasError(r.problems));
  const chosen = accepting[accepting.length - 1];
  if (refusing.length === 0) return chosen.problems;
  const firstError = refusing[refusing.length - 1].problems.find((p) => p.severity === 'error');
  const span = describeVersionSpan(refusing.map((r) => r.version));
  const reason = firstError ? `: ${firstError.message.replace(/\.$/, '')}` : '';
  return [
    ...chosen.problems,
    info(`Not accepted by Slurm ${span}${reason}. Set the target Slurm version to check against one release.`),
  ];
}

/** The concrete series to describe a value by: the context's, or the newest for `any`. */
export function describeVersion(ctx: ValueContext): SlurmVersion {
  return ctx.version === 'any' ? 'master' : ctx.version;
}

/** "1 day", "2 days": a count with its noun, pluralised by adding `s` (or the given plural). */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** Joins words as English does: "a", "a and b", "a, b and c" (or with "or"). */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/**
 * Splits text on any of the separator characters and returns each piece with its
 * offset, dropping empty pieces as C's `strtok` does.
 */
export function tokenize(text: string, separators: string): { text: string; start: number }[] {
  const tokens: { text: string; start: number }[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const atSep = i === text.length || separators.includes(text[i]);
    if (atSep) {
      if (start >= 0) tokens.push({ text: text.slice(start, i), start });
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  return tokens;
}
