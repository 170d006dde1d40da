/** A number as Python's `int()`/`eval` reads it from a resource string. */
export const NUMBER = /^[+]?\d+(\.\d*)?([eE][+-]?\d+)?$/;

/** humanfriendly's time units (singular, plural and abbreviations), which Snakemake's `runtime` accepts. */
const TIME_UNITS = new Set([
  'ns', 'nanosecond', 'nanoseconds', 'us', 'microsecond', 'microseconds', 'ms', 'millisecond', 'milliseconds',
  's', 'sec', 'secs', 'second', 'seconds', 'm', 'min', 'mins', 'minute', 'minutes', 'h', 'hour', 'hours',
  'd', 'day', 'days', 'w', 'week', 'weeks', 'y', 'year', 'years',
]);

/**
 * True when Snakemake reads a `runtime` string as a time span (humanfriendly's parse_timespan): one
 * number, alone (seconds) or followed by one unit in any case (`2h`, `90 min`, `1.5 hours`).
 * `2h30m` is two spans and is not read.
 */
export function isTimespan(value: string): boolean {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/.exec(value);
  return m !== null && (m[2] === '' || TIME_UNITS.has(m[2].toLowerCase()));
}

/** The text inside one pair of matching quotes (`"'compute'"` is the Python string `compute`). */
export function unquoteOnce(value: string): string {
  const m = /^(['"])(.*)\1$/s.exec(value);
  return m ? m[2] : value;
}

/**
 * True when a resource string is a Python expression Snakemake evaluates per job (uses `attempt`,
 * `input`, `threads`, `wildcards`, a call or arithmetic): its value cannot be judged here.
 */
export function looksLikeExpression(value: string): boolean {
  return /\b(attempt|input|threads|wildcards|min|max|int|round|lambda|if)\b|[()*/+]|\d\s*-\s*\d/.test(value);
}
