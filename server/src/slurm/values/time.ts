import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { error, info, plural, warning } from './util';

/**
 * Durations: `--time`, `--time-min` (read in minutes, seconds rounded up) and
 * `--delay-boot` (read in seconds). Mirrors Slurm's `time_str2secs`: the text may
 * hold only digits, one `-` (before any `:`) and at most two `:`; `-1`,
 * `INFINITE` and `UNLIMITED` mean no limit.
 */

/** What a duration value means. */
export type DurationReading =
  | { kind: 'unlimited' }
  | { kind: 'seconds'; seconds: number; form: DurationForm; fields: number[] };

/** Which of the accepted layouts the value used. */
export type DurationForm = 'M' | 'M:S' | 'H:M:S' | 'D-H' | 'D-H:M' | 'D-H:M:S';

/** Slurm keeps durations in a C `int`; past this the arithmetic wraps. */
const INT_MAX = 2147483647;

/**
 * Counts the parts of a duration the way Slurm's `_is_valid_timespec` does.
 * Returns false when the shape is not one Slurm accepts.
 */
function hasValidShape(text: string): boolean {
  let digitGroups = 0;
  let dashes = 0;
  let colons = 0;
  let inDigits = false;
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') {
      if (!inDigits) digitGroups++;
      inDigits = true;
    } else if (ch === '-') {
      inDigits = false;
      dashes++;
      if (colons > 0) return false;
    } else if (ch === ':') {
      inDigits = false;
      colons++;
    } else {
      return false;
    }
  }
  if (digitGroups === 0 || dashes > 1 || colons > 2) return false;
  const needed = dashes > 0 ? colons + 2 : colons + 1;
  return colons === 0 || digitGroups >= needed;
}

/**
 * Reads up to `count` signed integers separated by the given literal characters,
 * as C's `sscanf("%d-%d:%d:%d")` does: it stops at the first mismatch.
 */
function scanFields(text: string, separators: string[]): number[] {
  const values: number[] = [];
  let i = 0;
  for (let field = 0; field <= separators.length; field++) {
    const m = /^[+-]?\d+/.exec(text.slice(i));
    if (!m) break;
    values.push(Number(m[0]));
    i += m[0].length;
    if (field === separators.length || text[i] !== separators[field]) break;
    i++;
  }
  return values;
}

/**
 * Reads a duration the way sbatch does. Returns undefined when sbatch refuses it.
 * Called by the time grammars and by `parseTimeToSeconds`.
 */
export function readDuration(value: string): DurationReading | undefined {
  if (value === '') return undefined;
  const lower = value.toLowerCase();
  if (lower === '-1' || lower === 'infinite' || lower === 'unlimited') return { kind: 'unlimited' };
  if (!hasValidShape(value)) return undefined;
  if (value.includes('-')) {
    const [d = 0, h = 0, m = 0, s = 0] = scanFields(value, ['-', ':', ':']);
    const colons = (value.match(/:/g) ?? []).length;
    const form: DurationForm = colons === 0 ? 'D-H' : colons === 1 ? 'D-H:M' : 'D-H:M:S';
    return { kind: 'seconds', seconds: d * 86400 + h * 3600 + m * 60 + s, form, fields: [d, h, m, s] };
  }
  const fields = scanFields(value, [':', ':']);
  if (fields.length === 3) {
    const [h, m, s] = fields;
    return { kind: 'seconds', seconds: h * 3600 + m * 60 + s, form: 'H:M:S', fields: [0, h, m, s] };
  }
  const [m = 0, s = 0] = fields;
  return { kind: 'seconds', seconds: m * 60 + s, form: fields.length === 2 ? 'M:S' : 'M', fields: [0, 0, m, s] };
}

/**
 * The duration in seconds, as sbatch reads `--time`-style values, before any
 * rounding to minutes. `Infinity` for `UNLIMITED`, `INFINITE` and `-1`;
 * undefined when sbatch refuses the value. Note that for `--time` a result of 0
 * also means "no limit".
 */
export function parseTimeToSeconds(value: string): number | undefined {
  const reading = readDuration(value);
  if (!reading) return undefined;
  return reading.kind === 'unlimited' ? Number.POSITIVE_INFINITY : reading.seconds;
}

/**
 * Puts a number of seconds into words: 5400 -> "1 hour 30 minutes",
 * 129600 -> "1 day 12 hours", 0 -> "0 seconds".
 */
export function describeSeconds(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return 'no limit';
  const negative = totalSeconds < 0;
  let rest = Math.abs(Math.trunc(totalSeconds));
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const parts: string[] = [];
  if (days) parts.push(plural(days, 'day'));
  if (hours) parts.push(plural(hours, 'hour'));
  if (minutes) parts.push(plural(minutes, 'minute'));
  if (seconds) parts.push(plural(seconds, 'second'));
  const text = parts.length ? parts.join(' ') : '0 seconds';
  return negative ? `minus ${text}` : text;
}

/** The usual spelling of a number of seconds as D-HH:MM:SS (or HH:MM:SS). */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.trunc(totalSeconds));
  const days = Math.floor(s / 86400);
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return days ? `${days}-${hh}:${mm}:${ss}` : `${hh}:${mm}:${ss}`;
}

const SHAPES = 'minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes or days-hours:minutes:seconds';

/** Problems shared by both duration grammars. */
function validateDuration(value: string, ctx: ValueContext, inMinutes: boolean): ValueProblem[] {
  const reading = readDuration(value);
  if (!reading) {
    return [error(`Invalid --${ctx.option} value ${JSON.stringify(value)}: use ${SHAPES} (or UNLIMITED).`)];
  }
  if (reading.kind === 'unlimited') return [];
  const problems: ValueProblem[] = [];
  if (reading.fields.some((f) => Math.abs(f) > INT_MAX) || Math.abs(reading.seconds) > INT_MAX) {
    problems.push(warning('This duration is too large for Slurm, which keeps it in a 32-bit counter: the number it stores wraps around and is not what is written.'));
    return problems;
  }
  if (reading.seconds < 0) {
    problems.push(warning('A negative duration is accepted by sbatch but means nothing sensible; write a positive time.'));
    return problems;
  }
  if (inMinutes && reading.seconds === 0 && (ctx.option === 'time' || ctx.option === 'time-min')) {
    problems.push(info('A time of 0 is read as "no limit": the partition\'s maximum then applies.'));
  }
  const [, h, m, s] = reading.fields;
  const hasHours = reading.form === 'H:M:S' || reading.form.startsWith('D-');
  const overflowing =
    (reading.form.startsWith('D-') && h > 23) ||
    (hasHours && reading.form !== 'D-H' && m > 59) ||
    ((reading.form === 'M:S' || reading.form.endsWith(':S')) && s > 59);
  if (overflowing) {
    problems.push(info(`Fields past their usual range are added up: this is ${formatClock(reading.seconds)}.`));
  }
  return problems;
}

/** Reads a duration back in words; `inMinutes` notes the rounding `--time` applies. */
function describeDuration(value: string, ctx: ValueContext, inMinutes: boolean): string | undefined {
  const reading = readDuration(value);
  if (!reading) return undefined;
  if (reading.kind === 'unlimited') {
    return ctx.option === 'time' || ctx.option === 'time-min' ? "no limit (the partition's maximum applies)" : 'no limit';
  }
  if (reading.seconds < 0 || Math.abs(reading.seconds) > INT_MAX) return undefined;
  if (inMinutes && reading.seconds === 0 && (ctx.option === 'time' || ctx.option === 'time-min')) {
    return "no limit: 0 is read as unlimited (the partition's maximum applies)";
  }
  const words = describeSeconds(reading.seconds);
  if (inMinutes && reading.seconds % 60 !== 0) {
    const minutes = Math.ceil(reading.seconds / 60);
    return `${words}, rounded up to ${describeSeconds(minutes * 60)}`;
  }
  return words;
}

const TIME_COMPLETIONS = ['00:30:00', '01:00:00', '04:00:00', '12:00:00', '1-00:00:00', '2-00:00:00', '7-00:00:00', 'UNLIMITED'];

/** `--time`, `--time-min`: durations read in whole minutes. */
export const TIME_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateDuration(value, ctx, true),
  describe: (value, ctx) => describeDuration(value, ctx, true),
  completions: () => TIME_COMPLETIONS,
};

/** `--delay-boot`: the same grammar, kept in seconds. */
export const TIME_SECONDS_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateDuration(value, ctx, false),
  describe: (value, ctx) => describeDuration(value, ctx, false),
  completions: () => ['5', '10', '30', '60'],
};
