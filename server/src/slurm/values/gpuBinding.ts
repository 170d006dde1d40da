import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { atLeast, describeVersion, error, startsNoCase, tokenize, validateAcrossVersions, warning } from './util';

/**
 * GPU binding: `--gpu-bind` and `--tres-bind`, checked by Slurm's
 * `tres_bind_verify_cmdline`. `--gpu-bind=V` is checked as `gpu:V` (22.05–23.02,
 * items split on `;`) or `gres/gpu:V` (23.11+, items split on `+`). A spec is
 * `[verbose,]` then closest, none, `map_gpu:LIST`, `mask_gpu:LIST`,
 * `per_task:N` or `single:N` (23.11+ also `map:` and `mask:`).
 */

/** Checks a comma list of numbers with optional `*count` (`_valid_num_list`). */
function checkNumList(list: string, hex: boolean): string | undefined {
  for (const { text } of tokenize(list, ',')) {
    const item = hex && text.startsWith('0x') ? text.slice(2) : text;
    const digits = hex ? /^[0-9a-fA-F*]*$/ : /^[0-9*]*$/;
    if (!digits.test(item)) return `${JSON.stringify(text)} is not a ${hex ? 'hexadecimal mask' : 'GPU index'}`;
    const [, count, extra] = item.split('*');
    if (extra !== undefined) return `${JSON.stringify(text)} is not a valid list item`;
    if (count !== undefined && !/^\d*$/.test(count)) return `${JSON.stringify(text)}: the repeat count after * must be a number`;
  }
  return undefined;
}

/** Reads N for per_task:/single: (`_valid_num`: strtol with any base, trailing text ignored). */
function checkNum(text: string): string | undefined {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|\d+)?/.exec(text);
  if (m && m[1] === '-' && m[2] !== undefined && Number(m[2]) !== 0) return 'the number must not be negative';
  return undefined;
}

/** What one GPU binding spec asks for. */
export interface GpuBindReading {
  verbose: boolean;
  mode: 'closest' | 'none' | 'map' | 'mask' | 'per_task' | 'single';
  argument?: string;
  /** Set when the series' check misreads the `map:`/`mask:` spelling. */
  misread?: boolean;
}

/** Reads one spec (the part after `gpu:`) the way the given series does. */
export function readGpuBindSpec(spec: string, version: SlurmVersion): { ok: true; reading: GpuBindReading } | { ok: false; why: string } {
  let arg = spec;
  let verbose = false;
  if (startsNoCase(arg, 'verbose,')) {
    verbose = true;
    arg = arg.slice(8);
  }
  const newer = atLeast(version, '23.11');
  const buggyShort = newer && !atLeast(version, '26.05');
  const fail = (why: string) => ({ ok: false as const, why });
  if (startsNoCase(arg, newer ? 'closest' : 'c')) return { ok: true, reading: { verbose, mode: 'closest' } };
  const lists: [string, 'map' | 'mask', boolean, number][] = [
    ['map_gpu:', 'map', false, 8], ['mask_gpu:', 'mask', true, 9],
  ];
  if (newer) lists.splice(1, 0, ['map:', 'map', false, buggyShort ? 8 : 4]);
  if (newer) lists.push(['mask:', 'mask', true, buggyShort ? 9 : 5]);
  for (const [prefix, mode, hex, offset] of lists) {
    if (!startsNoCase(arg, prefix)) continue;
    const list = arg.slice(prefix.length);
    if (offset !== prefix.length) {
      // NOTE: 23.11–25.11 check the list from the offset of the long spelling.
      if (arg.length <= offset) return { ok: true, reading: { verbose, mode, argument: list, misread: true } };
      const bad = checkNumList(arg.slice(offset), hex);
      if (bad) return fail(`${bad} (this release checks ${prefix} lists from the wrong position; write ${mode}_gpu: instead)`);
      return { ok: true, reading: { verbose, mode, argument: list } };
    }
    const bad = checkNumList(list, hex);
    if (bad) return fail(bad);
    return { ok: true, reading: { verbose, mode, argument: list } };
  }
  if (startsNoCase(arg, newer ? 'none' : 'n')) return { ok: true, reading: { verbose, mode: 'none' } };
  for (const [prefix, mode] of [['per_task:', 'per_task'], ['single:', 'single']] as const) {
    if (!startsNoCase(arg, prefix)) continue;
    const bad = checkNum(arg.slice(prefix.length));
    return bad ? fail(bad) : { ok: true, reading: { verbose, mode, argument: arg.slice(prefix.length) } };
  }
  return fail(`${JSON.stringify(arg)} is not a GPU binding: use closest, none, map_gpu:LIST, mask_gpu:LIST, per_task:N or single:N`);
}

/**
 * Checks a full TRES binding string (`gpu:...` before 23.11, `gres/gpu:...` from
 * 23.11) and returns the readings of its items, or why it is refused.
 */
function readTresBind(text: string, version: SlurmVersion): { ok: true; readings: GpuBindReading[] } | { ok: false; why: string } {
  const newer = atLeast(version, '23.11');
  const readings: GpuBindReading[] = [];
  for (const { text: item } of tokenize(text, newer ? '+' : ';')) {
    const colon = item.indexOf(':');
    if (colon < 0) return { ok: false, why: `${JSON.stringify(item)} needs the form ${newer ? 'gres/gpu:SPEC' : 'gpu:SPEC'}` };
    const name = item.slice(0, colon);
    if (newer ? !name.startsWith('gres/') : name !== 'gpu') return { ok: false, why: `${JSON.stringify(name)} cannot be bound; ${newer ? 'use gres/<name>' : 'only gpu is supported'}` };
    const shared = newer && ['mps', 'shard'].includes(name.slice(5));
    const spec = item.slice(colon + 1);
    if (shared) {
      const s = startsNoCase(spec, 'verbose,') ? spec.slice(8) : spec;
      if (!startsNoCase(s, 'none') && !startsNoCase(s, 'per_task:')) return { ok: false, why: `shared GRES ${name.slice(5)} takes only none or per_task:N` };
      readings.push({ verbose: s !== spec, mode: startsNoCase(s, 'none') ? 'none' : 'per_task', argument: s.slice(9) || undefined });
      continue;
    }
    const r = readGpuBindSpec(spec, version);
    if (!r.ok) return r;
    readings.push(r.reading);
  }
  return { ok: true, readings };
}

function problemsFor(result: ReturnType<typeof readTresBind>, option: string): ValueProblem[] {
  if (!result.ok) return [error(`Invalid --${option} argument: ${result.why}.`)];
  if (result.readings.some((r) => r.misread)) {
    return [warning('Slurm 23.11–25.11 check a short map:/mask: list past its end, so the outcome is unpredictable; write map_gpu:/mask_gpu: instead.')];
  }
  return [];
}

const MODE_WORDS: Record<GpuBindReading['mode'], (arg?: string) => string> = {
  closest: () => 'bind each task to the GPUs closest to its CPUs',
  none: () => 'no GPU binding',
  map: (a) => `bind tasks to GPUs by index (${a ?? ''})`,
  mask: (a) => `bind tasks to GPUs by mask (${a ?? ''})`,
  per_task: (a) => `bind ${a ?? 'N'} GPUs to each task`,
  single: (a) => `bind each task to a single nearby GPU, ${a ?? 'N'} tasks per GPU`,
};

function describeReadings(readings: GpuBindReading[]): string {
  return readings.map((r) => MODE_WORDS[r.mode](r.argument) + (r.verbose ? ', and report it' : '')).join('; ');
}

/** `--gpu-bind`. */
export const GPU_BIND_GRAMMAR: ValueGrammar = {
  validate: (value: string, ctx: ValueContext) =>
    validateAcrossVersions(value, ctx, (v, version) => problemsFor(readTresBind(`${atLeast(version, '23.11') ? 'gres/gpu' : 'gpu'}:${v}`, version), ctx.option)),
  describe: (value: string, ctx: ValueContext) => {
    const version = describeVersion(ctx);
    const r = readTresBind(`${atLeast(version, '23.11') ? 'gres/gpu' : 'gpu'}:${value}`, version);
    return r.ok ? describeReadings(r.readings) : undefined;
  },
  completions: () => ['closest', 'none', 'map_gpu:', 'mask_gpu:', 'per_task:1', 'single:1', 'verbose,closest'],
};

/** `--tres-bind` (23.11+): `gres/<name>:SPEC[+gres/<name>:SPEC...]`. */
export const TRES_BIND_GRAMMAR: ValueGrammar = {
  validate: (value: string, ctx: ValueContext) => {
    const version = ctx.version === 'any' || !atLeast(ctx.version, '23.11') ? 'master' : ctx.version;
    return problemsFor(readTresBind(value, version), ctx.option);
  },
  describe: (value: string, ctx: ValueContext) => {
    const r = readTresBind(value, describeVersion(ctx));
    return r.ok ? describeReadings(r.readings) : undefined;
  },
  completions: () => ['gres/gpu:closest', 'gres/gpu:single:1', 'gres/gpu:per_task:1', 'gres/gpu:map:'],
};
