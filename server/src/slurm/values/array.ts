import type { ValueGrammar, ValueProblem } from './grammar';
import { error, plural, readCInteger, tokenize, warning } from './util';

/**
 * `--array`: job array indices. sbatch sends the text unchecked; the controller
 * reads it at submission (`_valid_array_inx` / `slurm_parse_array_tok`, the same in
 * every covered series). Comma-separated items, each `N`, `N-M` or `N-M:STEP`
 * (brackets around numbers are tolerated); a `%LIMIT` after an item caps how many
 * tasks run at once. The grammar checks the syntax only: the site's MaxArraySize is
 * checked by the `array/too-large` rule (with `arrayLimitProblem` below).
 */

/** One item of an array spec: the indices first, first+step, ... up to last. */
export interface ArrayRange {
  first: number;
  last: number;
  step: number;
  /** Offset of the item in the value. */
  start: number;
  end: number;
}

/** What a syntactically valid array spec means. */
export interface ArraySpec {
  ranges: ArrayRange[];
  /** How many distinct task indices the spec names. */
  count: number;
  /** Smallest index, or -1 when the spec names none. */
  minIndex: number;
  /** Largest index, or -1 when the spec names none. */
  maxIndex: number;
  /** Largest step used (1 when none). */
  maxStep: number;
  /** The `%` limit on tasks running at once, when it is a positive number. */
  throttle?: number;
  /** The text after the first `%`, as written (may not be a usable number). */
  throttleText?: string;
  /** Every index, in order, when there are at most 1000 of them. */
  indices?: number[];
}

type ItemResult = { ok: true; range: ArrayRange } | { ok: false; why: string };

/** Reads one comma-separated item the way the controller does. */
function readItem(tok: string, start: number): ItemResult {
  const bad = (why: string): ItemResult => ({ ok: false, why });
  let i = tok.startsWith('[') ? 1 : 0;
  const skipBracket = () => {
    if (tok[i] === ']') i++;
  };
  const first = readCInteger(tok, i);
  i = first.end;
  skipBracket();
  if (first.value < 0) return bad('indices cannot be negative');
  let last = first.value;
  let step = 1;
  const endsOk = () => i >= tok.length || tok[i] === '%';
  if (tok[i] === '-') {
    const l = readCInteger(tok, i + 1);
    i = l.hasDigits ? l.end : i + 1;
    last = l.value;
    skipBracket();
    if (tok[i] === ':') {
      const s = readCInteger(tok, i + 1);
      i = s.hasDigits ? s.end : i + 1;
      skipBracket();
      if (!endsOk()) return bad(`unexpected ${JSON.stringify(tok.slice(i))}`);
      if (s.value <= 0) return bad('the step after : must be 1 or more');
      step = s.value;
    } else if (!endsOk()) {
      return bad(`unexpected ${JSON.stringify(tok.slice(i))}`);
    }
    if (last < first.value) return bad(`the range ends (${last}) before it starts (${first.value})`);
  } else if (!endsOk()) {
    return bad(first.hasDigits ? `unexpected ${JSON.stringify(tok.slice(i))}` : `${JSON.stringify(tok)} is not an index or range`);
  }
  if (first.overflow || last > Number.MAX_SAFE_INTEGER / 2) return bad('the index is far too large');
  return { ok: true, range: { first: first.value, last, step, start, end: start + tok.length } };
}

/** The number of indices in a range. */
function rangeCount(r: ArrayRange): number {
  return Math.floor((r.last - r.first) / r.step) + 1;
}

/** The largest index a range really reaches (the end may not lie on the step). */
function rangeTop(r: ArrayRange): number {
  return r.first + (rangeCount(r) - 1) * r.step;
}

/**
 * Reads an array spec. Returns undefined when the controller would refuse it
 * whatever the site's limits (letters, a step of 0, a range that runs backwards).
 * The MaxArraySize limit is not applied: compare `maxIndex` with it.
 */
export function parseArraySpec(value: string): ArraySpec | undefined {
  const result = readArraySpec(value);
  return result.ok ? result.spec : undefined;
}

function readArraySpec(value: string): { ok: true; spec: ArraySpec } | { ok: false; why: string; start: number; end: number } {
  const ranges: ArrayRange[] = [];
  for (const tok of tokenize(value, ',')) {
    const item = readItem(tok.text, tok.start);
    if (!item.ok) return { ok: false, why: `${JSON.stringify(tok.text)}: ${item.why}`, start: tok.start, end: tok.start + tok.text.length };
    ranges.push(item.range);
  }
  const percent = value.indexOf('%');
  const throttleText = percent >= 0 ? value.slice(percent + 1) : undefined;
  const throttleNumber = throttleText === undefined ? 0 : readCInteger(throttleText).value;
  const spec: ArraySpec = {
    ranges,
    count: 0,
    minIndex: -1,
    maxIndex: -1,
    maxStep: Math.max(1, ...ranges.map((r) => r.step)),
    throttleText,
    throttle: throttleNumber > 0 && throttleNumber <= 2147483647 ? throttleNumber : undefined,
  };
  if (ranges.length) {
    spec.minIndex = Math.min(...ranges.map((r) => r.first));
    spec.maxIndex = Math.max(...ranges.map(rangeTop));
  }
  const total = ranges.reduce((n, r) => n + rangeCount(r), 0);
  if (total <= 100000) {
    const set = new Set<number>();
    for (const r of ranges) for (let k = r.first; k <= r.last; k += r.step) set.add(k);
    spec.count = set.size;
    if (set.size <= 1000) spec.indices = [...set].sort((a, b) => a - b);
  } else {
    spec.count = countDistinct(ranges);
  }
  return { ok: true, spec };
}

/** Counts distinct indices of large specs without listing them (exact for unit steps). */
function countDistinct(ranges: ArrayRange[]): number {
  if (ranges.some((r) => r.step !== 1)) return ranges.reduce((n, r) => n + rangeCount(r), 0);
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  let count = 0;
  let reach = -1;
  for (const r of sorted) {
    const from = Math.max(r.first, reach + 1);
    if (r.last >= from) count += r.last - from + 1;
    reach = Math.max(reach, r.last);
  }
  return count;
}

function validateArray(value: string): ValueProblem[] {
  if (value === '') return [];
  const result = readArraySpec(value);
  if (!result.ok) {
    return [error(`Invalid job array specification ${result.why}. Use indices like 0-99, 1,3,5, 1-99:2, optionally with %LIMIT.`, result.start, result.end)];
  }
  const spec = result.spec;
  const problems: ValueProblem[] = [];
  const bare = tokenize(value, ',').find((t) => /^\[?%/.test(t.text));
  if (bare) {
    problems.push(warning(`${JSON.stringify(bare.text)} has no index before %, so it is read as index 0.`, bare.start, bare.start + bare.text.length));
  }
  if (spec.ranges.length === 0) {
    problems.push(warning('No index is given, so the job is submitted as an ordinary job, not an array.'));
  }
  if (spec.throttleText !== undefined && spec.throttle === undefined) {
    const at = value.indexOf('%');
    problems.push(warning(`The limit after % (${JSON.stringify(spec.throttleText)}) is not a positive number, so it is ignored and all tasks may run at once.`, at, value.length));
  } else if (spec.throttleText !== undefined && spec.throttleText.includes('%')) {
    problems.push(warning(`Only the first % limit counts (${spec.throttle}); later ones are ignored.`));
  } else if (spec.throttleText !== undefined && !/^\s*[+-]?\d+(,|$)/.test(spec.throttleText)) {
    problems.push(warning(`Only the number right after % is read (${spec.throttle}); anything after it is ignored.`));
  }
  return problems;
}

/** Why an array spec is refused by a site whose MaxArraySize is `maxArraySize`; undefined when it fits. */
export interface ArrayLimitProblem {
  message: string;
  /** What exceeds the limit: the largest index, the largest step, or arrays at all (MaxArraySize 0). */
  kind: 'index' | 'step' | 'disabled';
}

/**
 * Compares a valid array spec with a MaxArraySize: the controller refuses an index or a step
 * that is not below it, and every array when it is 0. Called by the `array/too-large` rule;
 * returns undefined when the spec fits (or names no index).
 *
 * @param known true when `maxArraySize` is the site's real value, not Slurm's default
 */
export function arrayLimitProblem(spec: ArraySpec, maxArraySize: number, known: boolean): ArrayLimitProblem | undefined {
  if (spec.ranges.length === 0) return undefined;
  const limitText = known ? `the cluster's MaxArraySize (${maxArraySize})` : `MaxArraySize (${maxArraySize === 1001 ? 'default ' : ''}${maxArraySize})`;
  if (maxArraySize <= 0) return { kind: 'disabled', message: 'MaxArraySize is 0 on this cluster, so job arrays are disabled and the controller refuses the job.' };
  if (spec.maxIndex >= maxArraySize) return { kind: 'index', message: `Index ${spec.maxIndex} is not below ${limitText}: the controller refuses the job.` };
  if (spec.maxStep >= maxArraySize) return { kind: 'step', message: `A step of ${spec.maxStep} is not below ${limitText}: the controller refuses the job.` };
  return undefined;
}

/** Puts a valid array spec into words: "100 tasks (indices 0–99), at most 8 at once". */
export function describeArraySpec(spec: ArraySpec): string {
  if (spec.count === 0) return 'no tasks: submitted as an ordinary job';
  let which: string;
  const single = spec.ranges.length === 1 ? spec.ranges[0] : undefined;
  const contiguous = spec.count === spec.maxIndex - spec.minIndex + 1;
  if (spec.count === 1) which = `index ${spec.minIndex}`;
  else if (contiguous) which = `indices ${spec.minIndex}–${spec.maxIndex}`;
  else if (spec.indices && spec.count <= 10) which = spec.indices.join(', ');
  else if (single && single.step > 1) which = `indices ${spec.minIndex}–${spec.maxIndex} in steps of ${single.step}`;
  else which = `indices from ${spec.minIndex} to ${spec.maxIndex}`;
  const throttle = spec.throttle !== undefined ? `, at most ${spec.throttle} at once` : '';
  return `${plural(spec.count, 'task')} (${which})${throttle}`;
}

/** `--array`. */
export const ARRAY_GRAMMAR: ValueGrammar = {
  validate: validateArray,
  describe: (value) => {
    const spec = parseArraySpec(value);
    return spec ? describeArraySpec(spec) : undefined;
  },
  completions: () => ['0-9', '1-10', '0-99%10', '1-100:2'],
};
