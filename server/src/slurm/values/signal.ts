import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { atLeast, describeVersion, error, isBlank, isCSpace, readCInteger, startsNoCase, validateAcrossVersions, warning } from './util';

/**
 * `--signal`: Slurm's `get_signal_opts` with `sig_name2num`.
 * `[R|B|BR|RB][:]SIG[@SECONDS]`: B sends the signal to the batch shell only, R lets
 * the job overlap a reservation with MaxStartDelay. SIG is a number or a name
 * (with or without SIG, any case); SECONDS (default 60) is 0..65535.
 */

const BASE_SIGNALS: [string, number][] = [
  ['HUP', 1], ['INT', 2], ['QUIT', 3], ['ABRT', 6], ['KILL', 9], ['ALRM', 14], ['TERM', 15], ['USR1', 10], ['USR2', 12],
  ['URG', 23], ['CONT', 18], ['STOP', 19], ['TSTP', 20], ['TTIN', 21], ['TTOU', 22], ['XCPU', 24],
];
const NEWER_SIGNALS: [string, number][] = [['CHLD', 17], ['PIPE', 13]];

/** The signal names the given series knows. */
export function signalNames(version: SlurmVersion): [string, number][] {
  return atLeast(version, '23.11') ? [...BASE_SIGNALS, ...NEWER_SIGNALS] : BASE_SIGNALS;
}

/** What a `--signal` value asks for. */
export interface SignalReading {
  batchOnly: boolean;
  reservationOverlap: boolean;
  signal: number;
  /** The name it was given by, upper case without SIG, when a name was used. */
  name?: string;
  seconds: number;
  /** The number written, when the 16-bit store changed it. */
  wrappedFrom?: number;
}

type SignalParse = { ok: true; reading: SignalReading } | { ok: false; why: string };

/** Reads the SIG part the way `sig_name2num` does; 0 when unknown. */
function signalNumber(text: string, version: SlurmVersion): { value: number; name?: string } {
  const n = readCInteger(text);
  if (n.hasDigits) return { value: isBlank(text.slice(n.end)) ? n.value : 0 };
  let i = 0;
  while (isCSpace(text[i])) i++;
  let rest = text.slice(i);
  if (startsNoCase(rest, 'SIG')) rest = rest.slice(3);
  for (const [name, num] of signalNames(version)) {
    if (startsNoCase(rest, name) && isBlank(rest.slice(name.length))) return { value: num, name };
  }
  return { value: 0 };
}

/** Reads a `--signal` value the way the given series does. */
export function readSignal(value: string, version: SlurmVersion): SignalParse {
  let s = value;
  let reservationOverlap = false;
  let batchOnly = false;
  if (startsNoCase(s, 'R')) {
    reservationOverlap = true;
    s = s.slice(1);
  }
  if (startsNoCase(s, 'B')) {
    batchOnly = true;
    s = s.slice(1);
  }
  if (startsNoCase(s, 'R')) {
    reservationOverlap = true;
    s = s.slice(1);
  }
  if (s.startsWith(':')) s = s.slice(1);
  const at = s.indexOf('@');
  const sigText = at < 0 ? s : s.slice(0, at);
  const sig = signalNumber(sigText, version);
  // NOTE: sbatch keeps the number in 16 bits before checking it.
  const stored = ((sig.value % 65536) + 65536) % 65536;
  if (stored < 1) {
    const why = sigText === '' ? 'no signal is given' : `${JSON.stringify(sigText)} is not a signal name or number from 1 to 65535`;
    return { ok: false, why };
  }
  let seconds = 60;
  if (at >= 0) {
    const t = readCInteger(s, at + 1);
    if (t.value < 0 || t.value > 65535 || t.overflow) return { ok: false, why: 'the time after @ must be 0 to 65535 seconds' };
    if ((t.hasDigits ? t.end : at + 1) !== s.length) return { ok: false, why: `unexpected ${JSON.stringify(s.slice(t.hasDigits ? t.end : at + 1))} after @` };
    seconds = t.value;
  }
  const reading: SignalReading = { batchOnly, reservationOverlap, signal: stored, name: sig.name, seconds };
  if (stored !== sig.value) reading.wrappedFrom = sig.value;
  return { ok: true, reading };
}

function validateFor(value: string, version: SlurmVersion): ValueProblem[] {
  const r = readSignal(value, version);
  if (!r.ok) {
    const names = signalNames(version).map(([n]) => n).join(', ');
    return [error(`Invalid --signal specification: ${r.why}. Form: [B:]SIG[@SECONDS], with SIG one of ${names} or a number.`)];
  }
  const problems: ValueProblem[] = [];
  const reading = r.reading;
  if (reading.wrappedFrom !== undefined) {
    problems.push(warning(`Signal number ${reading.wrappedFrom} does not fit 16 bits and is read as ${reading.signal}.`));
  } else if (reading.signal > 64) {
    problems.push(warning(`There is no signal ${reading.signal} on Linux; nothing useful will be delivered.`));
  }
  const at = value.indexOf('@');
  if (at >= 0 && at === value.length - 1) problems.push(warning('Nothing follows @, so the signal is sent 0 seconds before the time limit.'));
  return problems;
}

const NUMBER_NAMES = new Map<number, string>([...BASE_SIGNALS, ...NEWER_SIGNALS].map(([n, v]) => [v, n]));

/** Puts a valid signal request into words. */
export function describeSignal(r: SignalReading): string {
  const name = r.name ?? NUMBER_NAMES.get(r.signal);
  const sig = name ? `SIG${name}` : `signal ${r.signal}`;
  const whom = r.batchOnly ? 'to the batch shell only' : 'to every job step (not the batch shell)';
  const when = `${r.seconds} s before the time limit`;
  const resv = r.reservationOverlap ? '; the job may also overlap a reservation that has MaxStartDelay' : '';
  return `send ${sig} ${whom}, ${when}${resv}`;
}

/** `--signal`. */
export const SIGNAL_GRAMMAR: ValueGrammar = {
  validate: (value: string, ctx: ValueContext) => validateAcrossVersions(value, ctx, validateFor),
  describe: (value: string, ctx: ValueContext) => {
    const r = readSignal(value, describeVersion(ctx));
    return r.ok ? describeSignal(r.reading) : undefined;
  },
  completions: (ctx: ValueContext) => {
    const names = signalNames(describeVersion(ctx)).map(([n]) => n);
    return ['B:USR1@60', 'USR1@60', 'B:TERM@120', ...names];
  },
};
