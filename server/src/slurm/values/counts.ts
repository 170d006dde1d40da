import type { SlurmVersion } from '../versions';
import type { ValueGrammar, ValueProblem } from './grammar';
import { readNodeCount } from './nodes';
import { readDuration, describeSeconds } from './time';
import { atLeast, error, plural, readCInteger, siteWarning, validateAcrossVersions, warning } from './util';

/**
 * Whole numbers: the plain counts read by Slurm's `parse_int`, `--wait-all-nodes`,
 * `--segment` (`parse_uint16`), `-B` (S[:C[:T]]), `--switches`, `--nice` and
 * `--priority`. Node counts (`--nodes`) live in nodes.ts.
 */

const INT_MAX = 2147483647;

/**
 * Checks a value the way `parse_int` does: a decimal integer with nothing after it
 * (leading blanks and a sign are allowed), not negative, and above 0 when
 * `positive`. 23.02+ also refuses values at or above INT_MAX.
 */
function checkInt(value: string, option: string, positive: boolean, version: SlurmVersion): ValueProblem[] {
  const n = readCInteger(value);
  const whole = n.hasDigits && n.end === value.length;
  if (!whole || n.value < 0 || (positive && n.value <= 0)) {
    const need = positive ? 'a whole number greater than 0' : 'a whole number, 0 or more';
    return [error(`Invalid numeric value ${JSON.stringify(value)} for --${option}: it must be ${need}.`)];
  }
  if (n.overflow || n.value >= INT_MAX) {
    if (atLeast(version, '23.02') || n.overflow || n.value >= 2 ** 63 - 1) {
      return [error(`The value ${value} is too large for --${option}.`)];
    }
    return [warning(`The value ${value} does not fit Slurm's 32-bit integer: it wraps around to another number.`)];
  }
  return [];
}

function intGrammar(positive: boolean, completions: string[]): ValueGrammar {
  return {
    validate: (value, ctx) => validateAcrossVersions(value, ctx, (v, version) => checkInt(v, ctx.option, positive, version)),
    completions: () => completions,
  };
}

/** Options that take a positive count (`--ntasks`, `--cpus-per-task`, ...). */
export const COUNT_GRAMMAR = intGrammar(true, ['1', '2', '4', '8', '16', '32']);

/** Options that take a count of 0 or more (`--core-spec`, `--resv-ports`). */
export const COUNT_OR_ZERO_GRAMMAR = intGrammar(false, ['0', '1', '2']);

/** `--wait-all-nodes`: 0 or 1. */
export const ZERO_OR_ONE_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) =>
    validateAcrossVersions(value, ctx, (v, version) => {
      const problems = checkInt(v, ctx.option, false, version);
      if (problems.length) return problems;
      const n = readCInteger(v).value;
      if (n <= 1) return [];
      // NOTE: sbatch keeps the number in 16 bits before comparing it with 1.
      const wrapped = n % 65536;
      if (wrapped <= 1) return [warning(`${v} wraps around to ${wrapped} in Slurm's 16-bit field; write ${wrapped}.`)];
      return [error(`Invalid --${ctx.option} value ${JSON.stringify(v)}: use 0 or 1.`)];
    }),
  describe: (value) => {
    const n = readCInteger(value);
    if (!n.hasDigits || n.end !== value.length) return undefined;
    const wrapped = n.value % 65536;
    if (wrapped === 1) return 'start the script only when every allocated node is ready';
    if (wrapped === 0) return 'start the script as soon as the allocation is made';
    return undefined;
  },
  completions: () => ['0', '1'],
};

/** `--segment` (24.05+): an integer from 0 to 65533 (`parse_uint16`). */
export const UINT16_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => {
    const n = readCInteger(value);
    if (!n.hasDigits || n.end !== value.length || n.value < 0 || n.value >= 0xfffe) {
      return [error(`Invalid --${ctx.option} value ${JSON.stringify(value)}: use a whole number from 0 to 65533.`)];
    }
    return [];
  },
  completions: () => ['1', '2', '4', '8'],
};

/**
 * One field of `-B`/`--extra-node-info` (`get_resource_arg_range`). Returns an
 * error message, or undefined when the field is accepted; `ignored` collects text
 * that sbatch silently skips.
 */
function checkRangeField(field: string): { error?: string; ignored?: string; min?: number; max?: number } {
  if (field === '' || field.startsWith('*')) return field.length > 1 ? { ignored: field.slice(1) } : {};
  const readPart = (text: string, from: number) => {
    const n = readCInteger(text, from);
    let value = n.value;
    let end = n.end;
    if (/[kK]/.test(text[end] ?? '')) {
      value *= 1024;
      end++;
    } else if (/[mM]/.test(text[end] ?? '')) {
      value *= 1048576;
      end++;
    }
    return { value, end, overflow: n.overflow };
  };
  const min = readPart(field, 0);
  const after = field[min.end];
  if ((after !== undefined && after !== '-') || min.value < 0) return { error: `${JSON.stringify(field)} is not a count or MIN-MAX range` };
  if (min.overflow || min.value > INT_MAX) return { error: `${JSON.stringify(field)} is too large` };
  if (after === undefined) return { min: min.value };
  const max = readPart(field, min.end + 1);
  const next = field[max.end];
  if ((next !== undefined && next !== '-') || max.value <= 0) return { error: `${JSON.stringify(field)} is not a count or MIN-MAX range` };
  if (max.overflow || max.value > INT_MAX) return { error: `${JSON.stringify(field)} is too large` };
  return { min: min.value, max: max.value, ignored: next === '-' ? field.slice(max.end) : undefined };
}

const SCT_NAMES = ['sockets per node', 'cores per socket', 'threads per core'];

/** Splits S[:C[:T]] the way sbatch does: a fourth field is ignored. */
function splitSocketCoreThread(value: string): { fields: string[]; extra?: string } {
  const parts = value.split(':');
  return { fields: parts.slice(0, 3), extra: parts.length > 3 ? parts.slice(3).join(':') : undefined };
}

/** `-B`/`--extra-node-info`: S[:C[:T]], each field N, MIN-MAX, `*` or empty. */
export const SOCKET_CORE_THREAD_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => {
    const { fields, extra } = splitSocketCoreThread(value);
    const problems: ValueProblem[] = [];
    for (let i = 0; i < fields.length; i++) {
      const r = checkRangeField(fields[i]);
      if (r.error) problems.push(error(`Invalid --${ctx.option} field for ${SCT_NAMES[i]}: ${r.error}.`));
      else if (r.ignored) problems.push(warning(`sbatch ignores ${JSON.stringify(r.ignored)} in the ${SCT_NAMES[i]} field.`));
    }
    if (extra !== undefined) problems.push(warning(`Only sockets:cores:threads are read; ${JSON.stringify(extra)} is ignored.`));
    return problems;
  },
  describe: (value) => {
    const { fields } = splitSocketCoreThread(value);
    const words: string[] = [];
    for (let i = 0; i < fields.length; i++) {
      const r = checkRangeField(fields[i]);
      if (r.error) return undefined;
      if (r.min === undefined) continue;
      const what = SCT_NAMES[i];
      words.push(r.max !== undefined ? `${r.min} to ${r.max} ${what}` : `at least ${r.min} ${what}`);
    }
    return words.length ? `nodes with ${words.join(', ')}` : 'any node layout';
  },
  completions: () => ['2:8:1', '*:*:1', '1'],
};

/** `--switches`: COUNT[@TIME]. */
export const SWITCHES_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) =>
    validateAcrossVersions(value, ctx, (v, version) => {
      const at = v.indexOf('@');
      const countText = at < 0 ? v : v.slice(0, at);
      const problems = checkInt(countText, ctx.option, true, version);
      if (at >= 0 && !readDuration(v.slice(at + 1))) {
        problems.push(warning(`sbatch does not check the wait time ${JSON.stringify(v.slice(at + 1))}; it is not a valid time, so the stored wait is meaningless.`, at + 1, v.length));
      }
      return problems;
    }),
  describe: (value) => {
    const at = value.indexOf('@');
    const count = readCInteger(at < 0 ? value : value.slice(0, at));
    if (!count.hasDigits || count.value <= 0) return undefined;
    const base = `at most ${plural(count.value, 'leaf switch', 'leaf switches')}`;
    if (at < 0) return base;
    const wait = readDuration(value.slice(at + 1));
    if (!wait) return base;
    return wait.kind === 'unlimited' ? `${base}, waiting as long as needed` : `${base}, waiting up to ${describeSeconds(wait.seconds)} for that`;
  },
  completions: () => ['1', '1@1:00:00'],
};

const NICE_LIMIT = 2147483645;

/** `--nice[=N]`: read by `strtoll`, trailing text ignored. */
export const NICE_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => {
    const n = readCInteger(value);
    const problems: ValueProblem[] = [];
    if (!n.hasDigits) {
      problems.push(warning(`--${ctx.option} reads ${JSON.stringify(value)} as 0: it is not a number.`));
      return problems;
    }
    if (n.overflow || Math.abs(n.value) > NICE_LIMIT) {
      return [error(`Invalid --${ctx.option} value: it must be between -${NICE_LIMIT} and ${NICE_LIMIT}.`)];
    }
    if (n.end !== value.length) {
      problems.push(warning(`sbatch ignores ${JSON.stringify(value.slice(n.end))} after the number.`, n.end, value.length));
    }
    if (n.value < 0) {
      problems.push(siteWarning('Only Slurm operators and administrators may use a negative nice value; the controller refuses it from other users.'));
    }
    return problems;
  },
  describe: (value) => {
    const n = readCInteger(value);
    const v = n.hasDigits ? n.value : 0;
    if (v === 0) return 'no change to the job\'s priority';
    return v > 0 ? `lower the job's priority by ${v}` : `raise the job's priority by ${-v}`;
  },
  completions: () => ['100', '1000', '10000'],
};

const PRIORITY_LIMIT = 4294967294;

/** `--priority`: TOP or an integer (trailing text ignored). */
export const PRIORITY_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => {
    const operatorOnly = siteWarning('Only Slurm operators and administrators may set a priority; for other users the controller ignores it.');
    if (value.toLowerCase() === 'top') return [operatorOnly];
    const n = readCInteger(value);
    if (n.hasDigits && n.value < 0) return [error(`Invalid --${ctx.option} value: the priority must be 0 or more.`)];
    if (n.overflow || n.value >= PRIORITY_LIMIT) return [error(`Invalid --${ctx.option} value: the priority must be below ${PRIORITY_LIMIT}.`)];
    const problems: ValueProblem[] = [];
    if (!n.hasDigits) problems.push(warning(`--${ctx.option} reads ${JSON.stringify(value)} as 0: write TOP or a number.`));
    else if (n.end !== value.length) problems.push(warning(`sbatch ignores ${JSON.stringify(value.slice(n.end))} after the number.`, n.end, value.length));
    problems.push(operatorOnly);
    return problems;
  },
  describe: (value) => {
    if (value.toLowerCase() === 'top') return 'the highest priority (operators and administrators only)';
    const n = readCInteger(value);
    return n.hasDigits && n.value >= 0 ? `priority ${n.value} (operators and administrators only)` : undefined;
  },
  completions: () => ['TOP'],
};

/** Re-exported so the registry can reach every count-like grammar from one module. */
export { NODES_GRAMMAR } from './nodes';

/** The node count range a `--nodes` value asks for (undefined when sbatch refuses it). */
export function parseNodeRange(value: string, version: SlurmVersion = 'master'): { min: number; max?: number } | undefined {
  const r = readNodeCount(value, version);
  return r.ok ? { min: r.min, max: r.max } : undefined;
}
