/**
 * Offsets and static values in the submit script's text, for the submit-loop conversion.
 * Pure; never throws.
 */
import type { Position, Range } from '../../../core/types';
import type { ShellModel, ShellWord } from '../../../shell/model';
import { splitLines } from '../../../slurm/lines';

/** The submit script's text with its line starts, to turn positions into offsets. */
export interface DriverText {
  text: string;
  starts: readonly number[];
  /** `\r\n` when the script uses it, else `\n`. */
  eol: string;
}

/** Wraps a text for offset look-ups. */
export function driverText(text: string): DriverText {
  return { text, starts: splitLines(text).starts, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** The offset of a position. */
export function offsetOf(d: DriverText, p: Position): number {
  const start = d.starts[Math.min(p.line, d.starts.length - 1)] ?? 0;
  return Math.min(start + p.character, d.text.length);
}

/** The text a range covers. */
export function textOf(d: DriverText, r: Range): string {
  return d.text.slice(offsetOf(d, r.start), offsetOf(d, r.end));
}

/** The blanks at the start of the line holding `offset`. */
export function indentAt(d: DriverText, offset: number): string {
  const lineStart = d.text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(d.text.slice(lineStart))?.[0] ?? '';
}

/** True when a position comes before another (or equals it, with `orEqual`). */
export function isBefore(a: Position, b: Position, orEqual = false): boolean {
  return a.line < b.line || (a.line === b.line && (orEqual ? a.character <= b.character : a.character < b.character));
}

/** True when range `inner` lies within `outer`. */
export function isWithin(inner: Range, outer: Range): boolean {
  return isBefore(outer.start, inner.start, true) && isBefore(inner.end, outer.end, true);
}

/**
 * The value of a variable the script assigns exactly once, to a value that does not depend on
 * the run, outside any loop and before `at`; undefined otherwise (assigned twice, appended, an
 * array, set from a command, or only later).
 */
export function assignedOnce(model: ShellModel, name: string, at: Position): string | undefined {
  const all = model.assignments.filter((a) => a.name === name);
  if (all.length !== 1) return undefined;
  const [a] = all;
  if (a.value === undefined || a.append || a.array || a.loops.length > 0 || a.scope === 'prefix' || a.scope === 'local') return undefined;
  return isBefore(a.range.end, at, true) ? a.value : undefined;
}

/**
 * The path a word names: its static value, or the value of a variable it expands alone
 * (`$JOB`, `"${JOB}"`) when that variable is assigned once to a fixed value before `at`.
 */
export function staticPath(model: ShellModel, word: ShellWord, at: Position): string | undefined {
  if (word.value !== undefined) return word.glob ? undefined : word.value;
  const m = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/.exec(word.text);
  if (!m || (word.text.startsWith('"') !== word.text.endsWith('"'))) return undefined;
  const braced = word.text.includes('{');
  if (braced !== word.text.includes('}')) return undefined;
  return assignedOnce(model, m[1], at);
}
