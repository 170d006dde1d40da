import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { describeSeconds } from './time';
import { atLeast, error, isCSpace, readCInteger, startsNoCase, validateAcrossVersions, describeVersion, warning } from './util';

/**
 * `--begin` and `--deadline`: Slurm's `parse_time`. The value is a run of parts,
 * each a keyword (today, tomorrow, midnight, noon, elevenses, fika, teatime), `now`
 * with an optional `+`/`-` offset, a clock time `HH:MM[:SS][AM|PM]` or a date
 * (`YYYY-MM-DD`, `MMDD[YY]`, `MM/DD[/YY]`, `MM.DD[.YY]`); blanks, `-` and `T`
 * between parts are skipped. `uts<seconds>` gives a Unix time directly.
 */

/** Where the date or the clock time of the result came from. */
type Source = 'explicit' | 'today' | 'tomorrow' | 'now' | 'keyword';

/** What a valid begin/deadline value means, for hover. */
export interface DateTimeReading {
  epoch?: number;
  date?: { source: Source; year?: number; month: number; day: number };
  time?: { source: Source; hour: number; minute: number; second: number; keyword?: string };
  /** The `now` offset in seconds, when `now` was used. */
  nowOffset?: number;
  /** Days of month past the month's end (e.g. 02/31): Slurm rolls them over. */
  rolledOver?: boolean;
}

type ParseResult = { ok: true; reading: DateTimeReading } | { ok: false; pos: number; why: string };

const UNITS: [string, number][] = [
  ['seconds', 1], ['second', 1], ['minutes', 60], ['minute', 60], ['hours', 3600],
  ['hour', 3600], ['days', 86400], ['day', 86400], ['weeks', 604800], ['week', 604800],
];

const CLOCK_KEYWORDS: [string, number, SlurmVersion][] = [
  ['midnight', 0, '22.05'], ['noon', 12, '22.05'], ['elevenses', 11, '24.05'], ['fika', 15, '22.05'], ['teatime', 16, '22.05'],
];

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Reads the `+N[unit]` after `now`; `from` is the index of the sign. Mirrors `_get_delta`. */
function readOffset(s: string, from: number): { ok: boolean; end: number; seconds: number } {
  let count = 0;
  let digits = 0;
  let i = from + 1;
  for (; i < s.length && s[i] !== '\n'; i++) {
    if (isCSpace(s[i])) continue;
    const unit = UNITS.find(([name]) => startsNoCase(s.slice(i), name));
    if (unit) {
      i += unit[0].length;
      count *= unit[1];
      break;
    }
    if (isDigit(s[i])) {
      count = count * 10 + Number(s[i]);
      digits++;
      continue;
    }
    return { ok: false, end: i - 1, seconds: 0 };
  }
  if (!digits) return { ok: false, end: from, seconds: 0 };
  return { ok: true, end: i - 1, seconds: count };
}

/** Reads `H[H]:MM[:SS][ ][AM|PM]` at `pos`. Mirrors `_get_time`. */
function readClock(s: string, pos: number): { ok: boolean; end: number; hour: number; minute: number; second: number } {
  const fail = (at: number) => ({ ok: false, end: at, hour: 0, minute: 0, second: 0 });
  let i = pos;
  if (!isDigit(s[i])) return fail(i);
  let hour = Number(s[i++]);
  if (s[i] !== ':') {
    if (!isDigit(s[i])) return fail(i);
    hour = hour * 10 + Number(s[i++]);
  }
  if (hour > 23) return fail(i - 2);
  if (s[i] !== ':') return fail(i);
  i++;
  if (!isDigit(s[i]) || !isDigit(s[i + 1])) return fail(isDigit(s[i]) ? i + 1 : i);
  const minute = Number(s[i]) * 10 + Number(s[i + 1]);
  i += 2;
  if (minute > 59) return fail(i - 2);
  let second = 0;
  if (s[i] === ':') {
    i++;
    if (!isDigit(s[i]) || !isDigit(s[i + 1])) return fail(isDigit(s[i]) ? i + 1 : i);
    second = Number(s[i]) * 10 + Number(s[i + 1]);
    i += 2;
    if (second > 59) return fail(i - 2);
  }
  while (isCSpace(s[i])) i++;
  const suffix = s.slice(i, i + 2).toLowerCase();
  if (suffix === 'pm') {
    hour += 12;
    if (hour > 23) {
      if (hour !== 24) return fail(i);
      hour = 12;
    }
    i += 2;
  } else if (suffix === 'am') {
    if (hour > 11) {
      if (hour !== 12) return fail(i);
      hour = 0;
    }
    i += 2;
  }
  return { ok: true, end: i - 1, hour, minute, second };
}

/** Reads a date at `pos`. Mirrors `_get_date`. */
function readDate(s: string, pos: number): { ok: boolean; end: number; year?: number; month: number; day: number } {
  const fail = (at: number) => ({ ok: false, end: at, month: 0, day: 0 });
  let i = pos;
  const code = (ch: string | undefined) => (ch === undefined ? -48 : ch.charCodeAt(0) - 48);
  if (s.length >= pos + 7 && s[pos + 4] === '-' && s[pos + 7] === '-') {
    let year = 0;
    for (let k = 0; k < 4; k++) {
      if (!isDigit(s[i])) return fail(i);
      year = year * 10 + Number(s[i++]);
    }
    i++;
    let month = code(s[i++]);
    if (isDigit(s[i])) month = month * 10 + Number(s[i++]);
    if (month < 1 || month > 12) return fail(i - 2);
    i++;
    if (!isDigit(s[i])) return fail(i);
    let day = Number(s[i++]);
    if (isDigit(s[i])) day = day * 10 + Number(s[i++]);
    if (day < 1 || day > 31) return fail(i - 2);
    return { ok: true, end: i - 1, year, month, day };
  }
  let month = code(s[i++]);
  if (isDigit(s[i])) month = month * 10 + Number(s[i++]);
  if (month < 1 || month > 12) return fail(i - 2);
  if (s[i] === '.' || s[i] === '/') i++;
  if (!isDigit(s[i])) return fail(i);
  let day = Number(s[i++]);
  if (isDigit(s[i])) day = day * 10 + Number(s[i++]);
  if (day < 1 || day > 31) return fail(i - 2);
  if (s[i] === '.' || s[i] === '/') i++;
  let year: number | undefined;
  if (isDigit(s[i])) {
    year = Number(s[i++]);
    if (!isDigit(s[i])) return fail(i);
    year = year * 10 + Number(s[i++]);
    // NOTE: Slurm treats a two-digit year of 00 as "no year given".
    year = year === 0 ? undefined : 2000 + year;
  }
  return { ok: true, end: i - 1, year, month, day };
}

/**
 * Reads a `--begin`/`--deadline` value the way the given Slurm series does.
 * Returns what it means, or where reading failed.
 */
export function readDateTime(value: string, version: SlurmVersion): ParseResult {
  const s = value;
  if (startsNoCase(s, 'uts')) {
    const n = readCInteger(s, 3);
    if (!n.hasDigits || n.end !== s.length || n.overflow || n.value < 1000000) {
      return { ok: false, pos: 0, why: 'uts must be followed by a Unix time of at least 1000000 seconds and nothing else' };
    }
    return { ok: true, reading: { epoch: n.value } };
  }
  const r: DateTimeReading = {};
  for (let pos = 0; pos < s.length && s[pos] !== '\n'; pos++) {
    const ch = s[pos];
    if (ch === ' ' || ch === '\t' || ch === '-' || ch === 'T') continue;
    const rest = s.slice(pos);
    if (startsNoCase(rest, 'today')) {
      r.date = { source: 'today', month: 0, day: 0 };
      pos += 4;
      continue;
    }
    if (startsNoCase(rest, 'tomorrow')) {
      r.date = { source: 'tomorrow', month: 0, day: 0 };
      pos += 7;
      continue;
    }
    const keyword = CLOCK_KEYWORDS.find(([name, , since]) => atLeast(version, since) && startsNoCase(rest, name));
    if (keyword) {
      r.time = { source: 'keyword', hour: keyword[1], minute: 0, second: 0, keyword: keyword[0] };
      pos += keyword[0].length - 1;
      continue;
    }
    if (startsNoCase(rest, 'now')) {
      let offset = 0;
      let i = pos + 3;
      for (;; i++) {
        const c = s[i];
        if (c === '+' || c === '-') {
          const start = pos + i;
          const delta = readOffset(s, start);
          if (!delta.ok) return { ok: false, pos: delta.end, why: 'after now+ or now- put a number with an optional unit (seconds, minutes, hours, days, weeks)' };
          pos = delta.end;
          offset = c === '-' ? -delta.seconds : delta.seconds;
          break;
        }
        if (c === ' ' || c === '\t') continue;
        if (c === undefined || c === '\n') {
          pos += i - 1;
          break;
        }
        return { ok: false, pos: pos + i, why: 'now may only be followed by +N or -N with an optional unit' };
      }
      r.nowOffset = offset;
      r.date = { source: 'now', month: 0, day: 0 };
      r.time = { source: 'now', hour: 0, minute: 0, second: 0 };
      continue;
    }
    if (!isDigit(ch)) return { ok: false, pos, why: 'expected a date, a time or a keyword here' };
    if (s[pos + 1] === ':' || s[pos + 2] === ':') {
      const clock = readClock(s, pos);
      if (!clock.ok) return { ok: false, pos: clock.end, why: 'a time is HH:MM[:SS] with hours up to 23, then optionally AM or PM' };
      r.time = { source: 'explicit', hour: clock.hour, minute: clock.minute, second: clock.second };
      pos = clock.end;
      continue;
    }
    const date = readDate(s, pos);
    if (!date.ok) return { ok: false, pos: date.end, why: 'a date is YYYY-MM-DD, MMDD[YY], MM/DD[/YY] or MM.DD[.YY]' };
    r.date = { source: 'explicit', year: date.year, month: date.month, day: date.day };
    r.rolledOver = date.day > daysInMonth(date.month, date.year);
    pos = date.end;
  }
  if (!r.date && !r.time) return { ok: false, pos: 0, why: 'no date or time was given' };
  return { ok: true, reading: r };
}

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validateFor(value: string, version: SlurmVersion, option: string): ValueProblem[] {
  const result = readDateTime(value, version);
  if (!result.ok) {
    const at = Math.max(0, Math.min(result.pos, value.length - 1));
    const capitalT = /T(?:[oO][dD][aA][yY]|[oO][mM][oO][rR][rR][oO][wW]|[eE][aA][tT][iI][mM][eE])/.test(value)
      ? ' A capital T is skipped as the date/time separator, so write today, tomorrow and teatime in lower case.'
      : '';
    const message = `Invalid --${option} time ${JSON.stringify(value)} (at character ${result.pos + 1}): ${result.why}.${capitalT}`;
    return [value === '' ? error(message) : error(message, at, at + 1)];
  }
  const problems: ValueProblem[] = [];
  if (result.reading.rolledOver) {
    problems.push(warning('That month has fewer days: Slurm rolls the extra days over into the next month.'));
  }
  return problems;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatClockTime(t: { hour: number; minute: number; second: number }): string {
  const hh = String(t.hour).padStart(2, '0');
  const mm = String(t.minute).padStart(2, '0');
  return t.second ? `${hh}:${mm}:${String(t.second).padStart(2, '0')}` : `${hh}:${mm}`;
}

function formatEpoch(epoch: number): string {
  const d = new Date(epoch * 1000);
  if (Number.isNaN(d.getTime())) return `Unix time ${epoch}`;
  const iso = d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  return `Unix time ${epoch} (${iso})`;
}

/** Puts a valid begin/deadline reading into words. */
export function describeDateTime(reading: DateTimeReading): string {
  if (reading.epoch !== undefined) return `at ${formatEpoch(reading.epoch)}`;
  if (reading.nowOffset !== undefined && reading.date?.source === 'now' && reading.time?.source === 'now') {
    const o = reading.nowOffset;
    if (o === 0) return 'at submission (no delay)';
    if (o > 0) return `${describeSeconds(o)} after submission`;
    return `${describeSeconds(-o)} before submission, so at once`;
  }
  const time = reading.time;
  const clock = time ? formatClockTime(time) : '00:00';
  const clockWords = time?.keyword ? `${clock} (${time.keyword})` : clock;
  const date = reading.date;
  if (!date) return `at the next ${clockWords} (today, or tomorrow if that time has passed)`;
  if (date.source === 'today') return `today at ${clockWords}`;
  if (date.source === 'tomorrow') return `tomorrow at ${clockWords}`;
  if (date.source === 'now') {
    const o = reading.nowOffset ?? 0;
    const shift = o === 0 ? 'on the day of submission' : `on the day that is ${describeSeconds(Math.abs(o))} ${o > 0 ? 'after' : 'before'} submission`;
    return `at ${clockWords} ${shift}`;
  }
  const day = `${date.day} ${MONTHS[date.month - 1] ?? `month ${date.month}`}`;
  if (date.year === undefined) return `on ${day} at ${clockWords} (this year, or next year if that moment has passed)`;
  return `on ${day} ${date.year} at ${clockWords}`;
}

/** `--begin`, `--deadline`. */
export const DATETIME_GRAMMAR: ValueGrammar = {
  validate: (value: string, ctx: ValueContext) =>
    validateAcrossVersions(value, ctx, (v, version) => validateFor(v, version, ctx.option)),
  describe: (value: string, ctx: ValueContext) => {
    const result = readDateTime(value, describeVersion(ctx));
    return result.ok ? describeDateTime(result.reading) : undefined;
  },
  completions: (ctx: ValueContext) => {
    const keywords = ['now+1hour', 'now+30minutes', 'tomorrow', 'midnight', 'noon', 'teatime', 'fika', 'today'];
    if (ctx.version === 'any' || atLeast(ctx.version, '24.05')) keywords.push('elevenses');
    return keywords;
  },
};
