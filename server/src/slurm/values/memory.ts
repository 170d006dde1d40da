import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { describeSeconds, readDuration } from './time';
import { error, readCInteger, warning } from './util';

/**
 * Memory sizes (`--mem`, `--mem-per-cpu`, `--mem-per-gpu`, `--tmp`): Slurm's
 * `str_to_mbytes`. A whole number, optionally followed by K, M, G or T (either
 * case) and an optional B; no unit means megabytes. All units are powers of 1024,
 * so `4GB` is 4 GiB. Also `--mem-update` (26.05+): MARGIN@DELAY.
 */

/** What a memory value means. */
export interface MemoryReading {
  /** The number as written. */
  amount: number;
  /** The unit letter written (upper case), or '' for none. */
  unit: '' | 'K' | 'M' | 'G' | 'T';
  /** True when a `B`/`b` followed the unit letter. */
  trailingB: boolean;
  /** The size Slurm stores, in MiB (KiB rounded up). */
  mib: number;
}

const MULTIPLIER_TO_MIB: Record<'M' | 'G' | 'T', number> = { M: 1, G: 1024, T: 1024 * 1024 };

/**
 * Reads a memory size the way sbatch does. Returns undefined when sbatch refuses it.
 * Called by the memory grammar and `parseMemoryToMiB`.
 */
export function readMemory(value: string): MemoryReading | undefined {
  const n = readCInteger(value);
  if (!n.hasDigits || n.overflow || n.value < 0) return undefined;
  const rest = value.slice(n.end);
  if (rest === '') return { amount: n.value, unit: '', trailingB: false, mib: n.value };
  const m = /^([kKmMgGtT])([bB]?)$/.exec(rest);
  if (!m) return undefined;
  const unit = m[1].toUpperCase() as 'K' | 'M' | 'G' | 'T';
  const mib = unit === 'K' ? Math.ceil(n.value / 1024) : n.value * MULTIPLIER_TO_MIB[unit];
  return { amount: n.value, unit, trailingB: m[2] !== '', mib };
}

/**
 * The size in MiB that sbatch stores for a memory value (`4G` -> 4096,
 * `4000` -> 4000, `100K` -> 1), or undefined when sbatch refuses it.
 * Note that 0 is valid and, for `--mem`, means all of each node's memory.
 */
export function parseMemoryToMiB(value: string): number | undefined {
  return readMemory(value)?.mib;
}

/** Puts a size in MiB into words: 4096 -> "4 GiB (4096 MiB)", 4000 -> "4000 MiB (about 3.9 GiB)". */
export function describeMiB(mib: number): string {
  if (mib >= 1024 * 1024 && mib % (1024 * 1024) === 0) return `${mib / (1024 * 1024)} TiB (${mib} MiB)`;
  if (mib >= 1024 && mib % 1024 === 0) return `${mib / 1024} GiB (${mib} MiB)`;
  if (mib >= 1024 * 1024) return `${mib} MiB (about ${(mib / (1024 * 1024)).toFixed(1)} TiB)`;
  if (mib >= 1024) return `${mib} MiB (about ${(mib / 1024).toFixed(1)} GiB)`;
  return `${mib} MiB`;
}

const UNIT_WORDS = { K: 'KiB', M: 'MiB', G: 'GiB', T: 'TiB' } as const;

function validateMemory(value: string, ctx: ValueContext): ValueProblem[] {
  const reading = readMemory(value);
  if (reading) {
    if (reading.mib > Number.MAX_SAFE_INTEGER) {
      return [warning('This size is too large for Slurm to store: the number wraps around and is not what is written.')];
    }
    return [];
  }
  const n = readCInteger(value);
  const rest = n.hasDigits ? value.slice(n.end) : value;
  let hint = 'write a whole number with an optional K, M, G or T suffix, e.g. 4G or 500M';
  if (n.hasDigits && n.value < 0) hint = 'the size cannot be negative';
  else if (n.hasDigits && rest.startsWith('.')) hint = `fractions are not accepted: write ${suggestWhole(value) ?? 'a whole number in a smaller unit'}`;
  else if (n.hasDigits && /^\s+[kKmMgGtT]/.test(rest)) hint = 'remove the space between the number and the unit';
  else if (n.hasDigits && /^[kKmMgGtT]i[bB]$/.test(rest)) hint = `write ${value.slice(0, n.end)}${rest[0].toUpperCase()} (Slurm's units are already 1024-based)`;
  else if (n.hasDigits && /^[pPeE]/.test(rest)) hint = 'the largest unit is T';
  const start = n.hasDigits ? n.end : 0;
  return [error(`Invalid --${ctx.option} size ${JSON.stringify(value)}: ${hint}.`, start, value.length)];
}

/** For `1.5G` suggests `1536M`; undefined when no exact whole spelling exists. */
function suggestWhole(value: string): string | undefined {
  const m = /^\s*(\d+)\.(\d+)\s*([kKmMgGtT])?[bB]?$/.exec(value);
  if (!m) return undefined;
  const unit = (m[3] ?? 'M').toUpperCase();
  const smaller: Record<string, string | undefined> = { T: 'G', G: 'M', M: 'K', K: undefined };
  const next = smaller[unit];
  if (!next) return undefined;
  const whole = Number(`${m[1]}.${m[2]}`) * 1024;
  return Number.isInteger(whole) ? `${whole}${next}` : undefined;
}

function describeMemory(value: string, ctx: ValueContext): string | undefined {
  const reading = readMemory(value);
  if (!reading) return undefined;
  if (reading.mib === 0 && ctx.option === 'mem') return "0: all of each node's memory";
  let text = describeMiB(reading.mib);
  if (reading.unit === 'K') {
    text = `${reading.amount} KiB, rounded up to ${describeMiB(reading.mib)}`;
  } else if (reading.unit === '') {
    text = `${text}: a bare number is in megabytes`;
  }
  if (reading.trailingB && reading.unit !== '') {
    text += `; Slurm reads ${reading.unit}B as ${UNIT_WORDS[reading.unit]} (1024-based)`;
  }
  return text;
}

/** `--mem`, `--mem-per-cpu`, `--mem-per-gpu`, `--tmp`. */
export const MEMORY_GRAMMAR: ValueGrammar = {
  validate: validateMemory,
  describe: describeMemory,
  completions: () => ['1G', '2G', '4G', '8G', '16G', '32G', '64G', '128G', '500M'],
};

/** What a `--mem-update` value means: a margin in percent and a delay in minutes. */
export interface MemUpdateReading {
  marginPercent: number;
  delayMinutes: number;
}

/** Reads MARGIN@DELAY the way sbatch 26.05+ does; undefined when refused. */
export function readMemUpdate(value: string): MemUpdateReading | undefined {
  const at = value.indexOf('@');
  if (at < 0) return undefined;
  const marginText = value.slice(0, at);
  const n = readCInteger(marginText);
  if (!n.hasDigits || n.end !== marginText.length || n.value <= 0 || n.value > 65535) return undefined;
  const delay = readDuration(value.slice(at + 1));
  if (!delay || delay.kind === 'unlimited') return undefined;
  const minutes = Math.ceil(delay.seconds / 60);
  if (minutes <= 0 || minutes > 65535) return undefined;
  return { marginPercent: n.value, delayMinutes: minutes };
}

/** `--mem-update` (26.05+). */
export const MEM_UPDATE_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => {
    if (readMemUpdate(value)) return [];
    const reason = !value.includes('@')
      ? 'the form is MARGIN@DELAY, e.g. 20@1:00:00'
      : 'MARGIN must be a whole percentage from 1 to 65535 and DELAY a time from 1 minute to 65535 minutes';
    return [error(`Invalid --${ctx.option} value ${JSON.stringify(value)}: ${reason}.`)];
  },
  describe: (value) => {
    const r = readMemUpdate(value);
    if (!r) return undefined;
    return `${describeSeconds(r.delayMinutes * 60)} after the job starts, lower its memory limit to its usage then plus ${r.marginPercent}%`;
  },
  completions: () => ['20@1:00:00', '10@30'],
};
