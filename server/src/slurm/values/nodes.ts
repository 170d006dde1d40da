import type { SlurmVersion } from '../versions';
import type { ValueGrammar, ValueProblem } from './grammar';
import { atLeast, describeVersion, error, isBlank, joinWords, readCInteger, tokenize, validateAcrossVersions, warning } from './util';

/**
 * `--nodes`/`-N`: Slurm's `verify_node_count`. `N` or `MIN-MAX`, each number with
 * an optional k (x1024) or m (x1048576) multiplier. From 23.02 a value holding `,`
 * or `:` is a set of allowed node counts (`1,4,8` or `2-10:2`); from 24.11 each
 * number there must be below 16384. MAX must not be less than MIN (0 = no maximum).
 */

/** What a `--nodes` value asks for. */
export type NodeCountReading =
  | {
      ok: true;
      min: number;
      /** Upper bound; 0 means none. */
      max: number;
      /** The allowed counts, for the 23.02+ list/step forms. */
      sizes?: number[];
      /** True for the 23.02+ list/step forms. */
      isSet?: boolean;
      /** Stepped form whose end Slurm leaves out although it lies on the step. */
      droppedStepEnd?: number;
      /** Set when a number was too large and wrapped around (22.05). */
      wrapped?: boolean;
    }
  | { ok: false; message: string };

const INT_MAX = 2147483647;
const MAX_JOB_SIZE_BITMAP = 16384;

/** Reads one count with its k/m multipliers (`str_to_nodes`). */
function readCount(text: string, version: SlurmVersion): { value: number; leftover: string; wrapped: boolean } {
  const n = readCInteger(text);
  if (!n.hasDigits) return { value: -1, leftover: text, wrapped: false };
  let value = n.value;
  let i = n.end;
  if (text[i] === 'k' || text[i] === 'K') {
    value *= 1024;
    i++;
  }
  if (text[i] === 'm' || text[i] === 'M') {
    value *= 1024 * 1024;
    i++;
  }
  const tooBig = n.overflow || value > INT_MAX || value < -INT_MAX - 1;
  if (atLeast(version, '23.02') && (value < 0 || tooBig)) return { value: -1, leftover: text.slice(i), wrapped: false };
  if (tooBig) {
    const wrappedValue = ((value % 2 ** 32) + 2 ** 32) % 2 ** 32;
    return { value: wrappedValue >= 2 ** 31 ? wrappedValue - 2 ** 32 : wrappedValue, leftover: text.slice(i), wrapped: true };
  }
  return { value, leftover: text.slice(i), wrapped: false };
}

/** Reads the 23.02+ list and step forms (`bit_unfmt`). */
function readCountSet(value: string, version: SlurmVersion): NodeCountReading {
  let largest = 0;
  for (const tok of tokenize(value, ',-:')) {
    const n = readCInteger(tok.text);
    if (!n.hasDigits || n.end !== tok.text.length) return { ok: false, message: `${JSON.stringify(tok.text)} is not a valid node count` };
    if (atLeast(version, '24.11') && (n.overflow || n.value >= MAX_JOB_SIZE_BITMAP)) {
      return { ok: false, message: `${JSON.stringify(tok.text)} is not a valid node count: in a list each number must be below ${MAX_JOB_SIZE_BITMAP}` };
    }
    largest = Math.max(largest, n.value);
  }
  const ranges: [number, number, number][] = []; // [from, to, step], all non-empty
  let droppedStepEnd: number | undefined;
  if (value.includes(':')) {
    const m = /^\s*\+?(\d+)-\s*\+?(\d+):\s*\+?(\d+)$/.exec(value);
    if (!m) return { ok: false, message: `${JSON.stringify(value)} is not a valid node count: a stepped range is MIN-MAX:STEP alone` };
    const [start, end, step] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (end < start || step <= 0) return { ok: false, message: `${JSON.stringify(value)} is not a valid node count` };
    // NOTE: Slurm's stepped-range reader stops before the end value.
    if (end > start) ranges.push([start, start + Math.floor((end - 1 - start) / step) * step, step]);
    if ((end - start) % step === 0 && end > start) droppedStepEnd = end;
  } else {
    let sum = 0;
    let rangeStart = -1;
    for (let i = 0; i <= value.length; i++) {
      const ch = value[i];
      if (ch !== undefined && ch >= '0' && ch <= '9') sum = sum * 10 + Number(ch);
      else if (ch === '-') {
        rangeStart = sum;
        sum = 0;
      } else if (ch === ',' || ch === undefined) {
        if (i === 0) break;
        const from = rangeStart === -1 ? sum : rangeStart;
        if (from <= sum) ranges.push([from, Math.min(sum, largest), 1]);
        rangeStart = -1;
        sum = 0;
      }
    }
  }
  if (ranges.length === 0) return { ok: false, message: `${JSON.stringify(value)} allows no node count at all` };
  const min = Math.min(...ranges.map((r) => r[0]));
  const max = Math.max(...ranges.map((r) => r[1]));
  const total = ranges.reduce((sum, [from, to, step]) => sum + Math.floor((to - from) / step) + 1, 0);
  let sizes: number[] | undefined;
  if (total <= 64) {
    const set = new Set<number>();
    for (const [from, to, step] of ranges) for (let k = from; k <= to; k += step) set.add(k);
    sizes = [...set].sort((a, b) => a - b);
  }
  return { ok: true, min, max, sizes, droppedStepEnd, isSet: true };
}

/**
 * Reads a `--nodes` value the way the given Slurm series does.
 * Called by the nodes grammar and by rules that compare node counts.
 */
export function readNodeCount(value: string, version: SlurmVersion): NodeCountReading {
  if (atLeast(version, '23.02') && (value.includes(',') || value.includes(':'))) return readCountSet(value, version);
  const dash = value.indexOf('-');
  let min: number;
  let max: number;
  let wrapped = false;
  if (dash >= 0) {
    const low = readCount(value.slice(0, dash), version);
    if (!isBlank(low.leftover)) return { ok: false, message: `${JSON.stringify(value.slice(0, dash))} is not a valid node count` };
    min = low.value < 0 ? 1 : low.value;
    const high = readCount(value.slice(dash + 1), version);
    if (!isBlank(high.leftover)) return { ok: false, message: `${JSON.stringify(value.slice(dash + 1))} is not a valid node count` };
    max = high.value;
    wrapped = low.wrapped || high.wrapped;
  } else {
    const single = readCount(value, version);
    if (!isBlank(single.leftover) || single.value < 0) return { ok: false, message: `${JSON.stringify(value)} is not a valid node count` };
    min = max = single.value;
    wrapped = single.wrapped;
  }
  if (max !== 0 && max < min) {
    const shownMax = max < 0 ? 'missing' : String(max);
    return { ok: false, message: `the maximum node count (${shownMax}) is less than the minimum (${min})` };
  }
  return { ok: true, min, max, wrapped };
}

function validateFor(value: string, version: SlurmVersion, option: string): ValueProblem[] {
  const r = readNodeCount(value, version);
  if (!r.ok) {
    const listHint = !atLeast(version, '23.02') && /[,:]/.test(value) ? ' (lists and steps of node counts need Slurm 23.02 or later)' : '';
    return [error(`Invalid --${option} value: ${r.message}${listHint}.`)];
  }
  const problems: ValueProblem[] = [];
  if (r.wrapped) problems.push(warning('A node count this large does not fit Slurm\'s 32-bit integer and wraps around to another number.'));
  if (r.droppedStepEnd !== undefined) {
    problems.push(warning(`Slurm leaves the end of a stepped range out: ${r.droppedStepEnd} is not among the allowed node counts (${r.sizes ? formatSizes(r.sizes) : `${r.min} to ${r.max}`}).`));
  }
  return problems;
}

function formatSizes(sizes: number[]): string {
  if (sizes.length > 8) return `${sizes.slice(0, 6).join(', ')}, … ${sizes[sizes.length - 1]}`;
  return joinWords(sizes.map(String), 'or');
}

/** Puts a valid reading into words: "at least 2, at most 4 nodes". */
export function describeNodeCount(r: NodeCountReading & { ok: true }): string {
  const nodes = (n: number) => (n === 1 ? 'node' : 'nodes');
  if (r.isSet) {
    return r.sizes ? `${formatSizes(r.sizes)} ${nodes(r.max)}` : `between ${r.min} and ${r.max} nodes (only the counts listed)`;
  }
  if (r.max === 0 && r.min === 0) return '0 nodes (no node count requested)';
  if (r.max === 0) return `at least ${r.min} ${nodes(r.min)}`;
  if (r.min === r.max) return `exactly ${r.min} ${nodes(r.min)}`;
  return `at least ${r.min}, at most ${r.max} nodes`;
}

/** `--nodes`/`-N`. */
export const NODES_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateAcrossVersions(value, ctx, (v, version) => validateFor(v, version, ctx.option)),
  describe: (value, ctx) => {
    const r = readNodeCount(value, describeVersion(ctx));
    return r.ok ? describeNodeCount(r) : undefined;
  },
  completions: () => ['1', '2', '4', '1-4'],
};
