import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { atLeast, describeVersion, error, readCInteger, siteWarning, startsNoCase, tokenize, validateAcrossVersions, warning, own } from './util';

/**
 * `--cpu-freq` (Slurm's `cpu_freq_verify_cmdline`): `p1[-p2][:governor]`, where a
 * frequency is a number in kHz or low / medium / high / highm1, and `p1` may be a
 * governor itself. Names are matched by prefix. The governor must be allowed by the
 * site's CpuFreqGovernors (default OnDemand, Performance, UserSpace). 23.11 added
 * stricter rules for ranges and governors.
 * `--gpu-freq` (`tres_freq_verify_cmdline`): a comma list of a GPU clock, `memory=`
 * clock and `verbose`.
 */

type Governor = 'conservative' | 'performance' | 'powersave' | 'userspace' | 'ondemand' | 'schedutil';

const GOVERNOR_PREFIXES: [string, Governor][] = [
  ['co', 'conservative'], ['perf', 'performance'], ['pow', 'powersave'], ['user', 'userspace'], ['onde', 'ondemand'], ['sche', 'schedutil'],
];

const DEFAULT_GOVERNORS: Governor[] = ['ondemand', 'performance', 'userspace'];

/** Symbolic frequencies carry Slurm's internal codes so ranges compare as Slurm does. */
const SYMBOLS: [string, string, number][] = [
  ['lo', 'low', 0x80000001], ['him1', 'highm1', 0x80000004], ['highm1', 'highm1', 0x80000004], ['hi', 'high', 0x80000003], ['med', 'medium', 0x80000002],
];
const NO_VAL = 0xfffffffe;

type Freq = { value: number; symbol?: string; trailing?: string };

function readGovernor(text: string): Governor | undefined {
  return GOVERNOR_PREFIXES.find(([prefix]) => startsNoCase(text, prefix))?.[1];
}

function readFrequency(text: string, version: SlurmVersion): Freq | undefined {
  const symbol = SYMBOLS.find(([prefix]) => startsNoCase(text, prefix));
  if (symbol) return { value: symbol[2], symbol: symbol[1] };
  const n = readCInteger(text);
  if (!n.hasDigits) return undefined;
  const value = ((n.value % 2 ** 32) + 2 ** 32) % 2 ** 32;
  const trailing = text.slice(n.end);
  if (atLeast(version, '23.11') && trailing !== '') return undefined;
  if (value === 0) return undefined;
  return { value, trailing: trailing || undefined };
}

/** What a valid `--cpu-freq` value asks for. */
export interface CpuFreqReading {
  min?: Freq;
  max?: Freq;
  governor?: Governor;
  /** True when 23.11+ picked the userspace governor for a single frequency. */
  impliedUserspace?: boolean;
  /** True when a range without a governor relies on the site's CpuFreqDef (23.11+). */
  needsCpuFreqDef?: boolean;
}

type CpuFreqParse = { ok: true; reading: CpuFreqReading } | { ok: false; why: string };

/** Reads a `--cpu-freq` value the way the given series does (site checks left out). */
export function readCpuFreq(arg: string, version: SlurmVersion): CpuFreqParse {
  const strict = atLeast(version, '23.11');
  const colon = arg.indexOf(':');
  const dash = arg.indexOf('-');
  const p3 = colon >= 0 ? arg.slice(colon + 1) : undefined;
  let p1: string;
  let p2: string | undefined;
  if (dash >= 0) {
    p1 = arg.slice(0, dash);
    p2 = colon > dash ? arg.slice(dash + 1, colon) : arg.slice(dash + 1);
  } else {
    p1 = colon >= 0 ? arg.slice(0, colon) : arg;
  }
  const r: CpuFreqReading = {};
  const g1 = readGovernor(p1);
  if (g1) {
    if (p3 !== undefined) return { ok: false, why: 'a governor is given twice' };
    r.governor = g1;
  } else {
    const f = readFrequency(p1, version);
    if (!f) return { ok: false, why: `${JSON.stringify(p1)} is not a frequency (kHz, low, medium, high, highm1) or governor` };
    r.max = f;
  }
  if (p2 !== undefined) {
    if (strict && p3 === undefined) r.needsCpuFreqDef = true;
    const f2 = readFrequency(p2, version);
    if (!f2) return { ok: false, why: `${JSON.stringify(p2)} is not a frequency` };
    r.min = r.max ?? { value: NO_VAL };
    r.max = f2;
    if (r.max.value < r.min.value) return { ok: false, why: 'the first frequency of a range must not be above the second' };
  }
  if (p3 !== undefined) {
    if (!strict && p2 === undefined) return { ok: false, why: 'a governor after : needs a MIN-MAX range' };
    const g = readGovernor(p3);
    if (!g) return { ok: false, why: `${JSON.stringify(p3)} is not a governor (conservative, ondemand, performance, powersave, schedutil, userspace)` };
    if (strict && p2 === undefined && g !== 'userspace') return { ok: false, why: 'with a single frequency only the userspace governor may follow :' };
    if (strict && p2 !== undefined && g === 'userspace') return { ok: false, why: 'the userspace governor takes a single frequency, not a range' };
    r.governor = g;
  }
  if (strict && !r.governor && p2 === undefined && p3 === undefined) {
    r.governor = 'userspace';
    r.impliedUserspace = true;
  }
  return { ok: true, reading: r };
}

function validateCpuFreqFor(value: string, version: SlurmVersion): ValueProblem[] {
  const result = readCpuFreq(value, version);
  if (!result.ok) return [error(`Invalid --cpu-freq value: ${result.why}.`)];
  const r = result.reading;
  const problems: ValueProblem[] = [];
  const trailing = r.max?.trailing ?? r.min?.trailing;
  if (trailing) problems.push(warning(`sbatch ignores ${JSON.stringify(trailing)} after the frequency (read in kHz).`));
  if (r.needsCpuFreqDef) {
    problems.push(siteWarning('A range without a governor is refused unless the site sets CpuFreqDef in slurm.conf; add a governor, e.g. :performance.'));
  }
  if (r.governor && !DEFAULT_GOVERNORS.includes(r.governor)) {
    problems.push(siteWarning(`The ${r.governor} governor is refused unless the site lists it in CpuFreqGovernors (default: OnDemand, Performance, UserSpace).`));
  }
  return problems;
}

function freqWords(f: Freq): string {
  if (f.symbol === 'low') return 'the lowest frequency';
  if (f.symbol === 'medium') return 'a middle frequency';
  if (f.symbol === 'high') return 'the highest frequency';
  if (f.symbol === 'highm1') return 'the frequency just below the highest';
  if (f.value >= 1000000) return `${+(f.value / 1000000).toFixed(3)} GHz`;
  if (f.value >= 1000) return `${+(f.value / 1000).toFixed(3)} MHz`;
  return `${f.value} kHz`;
}

/** Puts a valid cpu-freq reading into words. */
export function describeCpuFreq(r: CpuFreqReading): string {
  const gov = r.governor ? `${r.governor} governor${r.impliedUserspace ? ', implied' : ''}` : undefined;
  if (r.min && r.max) {
    const range = `CPU frequency between ${freqWords(r.min)} and ${freqWords(r.max)}`;
    return gov ? `${range}, ${gov}` : `${range}, the site's default governor (CpuFreqDef)`;
  }
  if (r.max) return `CPU frequency ${freqWords(r.max)}${gov ? ` (${gov})` : ''}`;
  return `use the ${gov ?? 'default governor'}`;
}

/** `--cpu-freq`. */
export const CPU_FREQ_GRAMMAR: ValueGrammar = {
  validate: (value: string, ctx: ValueContext) => validateAcrossVersions(value, ctx, validateCpuFreqFor),
  describe: (value: string, ctx: ValueContext) => {
    const r = readCpuFreq(value, describeVersion(ctx));
    return r.ok ? describeCpuFreq(r.reading) : undefined;
  },
  completions: () => ['low', 'medium', 'high', 'highm1', 'performance', 'ondemand', 'userspace', 'powersave', 'conservative', 'schedutil', 'low-high:ondemand'],
};

const GPU_SYMBOLS = ['low', 'medium', 'high', 'highm1'];

/** Checks one GPU clock value (`_test_val`): a number or a case-sensitive keyword. */
function validGpuClock(text: string): boolean {
  if (text === '') return false;
  if (text[0] >= '0' && text[0] <= '9') return /^\d+$/.test(text) && Number(text) < 2 ** 63 - 1;
  return GPU_SYMBOLS.includes(text);
}

/** Reads `--gpu-freq`; returns the items or why the value is refused. */
export function readGpuFreq(value: string): { ok: true; clock?: string; memory?: string; verbose: boolean } | { ok: false; why: string } {
  // NOTE: sbatch prefixes "gpu:" and splits on ';', so text after a ';' must itself start with "gpu:".
  const parts = `gpu:${value}`.split(';').filter((p) => p !== '');
  let clock: string | undefined;
  let memory: string | undefined;
  let verbose = false;
  for (const part of parts) {
    const colon = part.indexOf(':');
    if (colon < 0 || part.slice(0, colon) !== 'gpu') return { ok: false, why: `${JSON.stringify(part)} is not a GPU frequency` };
    const items = tokenize(part.slice(colon + 1), ',');
    if (items.length === 0) return { ok: false, why: 'no frequency is given' };
    for (const { text } of items) {
      const eq = text.indexOf('=');
      if (eq < 0) {
        if (validGpuClock(text)) clock = text;
        else if (text === 'verbose') verbose = true;
        else return { ok: false, why: `${JSON.stringify(text)} is not a clock (a number in MHz, low, medium, high or highm1, in lower case) or verbose` };
      } else if (text.slice(0, eq) === 'memory' && validGpuClock(text.slice(eq + 1))) {
        memory = text.slice(eq + 1);
      } else {
        return { ok: false, why: `${JSON.stringify(text)}: only memory=<clock> may use =` };
      }
    }
  }
  return { ok: true, clock, memory, verbose };
}

const GPU_CLOCK_WORDS: Record<string, string> = {
  low: 'its lowest', medium: 'a middle setting', high: 'its highest', highm1: 'just below its highest',
};

function gpuClockWords(clock: string): string {
  return own(GPU_CLOCK_WORDS, clock) ?? `${clock} MHz`;
}

/** `--gpu-freq`. */
export const GPU_FREQ_GRAMMAR: ValueGrammar = {
  validate: (value) => {
    const r = readGpuFreq(value);
    return r.ok ? [] : [error(`Invalid --gpu-freq argument: ${r.why}.`)];
  },
  describe: (value) => {
    const r = readGpuFreq(value);
    if (!r.ok) return undefined;
    const words: string[] = [];
    if (r.clock) words.push(`GPU clock at ${gpuClockWords(r.clock)}`);
    if (r.memory) words.push(`GPU memory clock at ${gpuClockWords(r.memory)}`);
    if (r.verbose) words.push('log the frequencies set');
    return words.join(', ') || undefined;
  },
  completions: () => ['high', 'medium', 'low', 'highm1', 'high,memory=high', 'verbose'],
};
