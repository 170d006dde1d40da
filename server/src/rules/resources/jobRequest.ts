/**
 * What the job asks Slurm for, as the resource rules need it: every option with a value from the
 * `#SBATCH` lines, then the options sbatch makes of `#PBS`/`#BSUB` lines (applied after them), so
 * the last one of a name is the one the job gets.
 */
import type { JobScript } from '../../slurm/jobScript';
import { swallowedOption } from '../slurm/shared';
import { translatedOptions } from '../translatedOptions';
import type { AnalysisSettings } from '../types';

/** One option the job gets, from either kind of directive. */
export interface RequestedOption {
  /** sbatch's long option name without dashes (`gres`, `ntasks`). */
  name: string;
  value: string;
  /** 0-based line of the directive it comes from. */
  line: number;
  /** How it reads in a message: `--gres=gpu:1`, `#PBS -l nodes=1:ppn=4`. */
  shown: string;
  /** Het-job component (0 for the first; translated options belong to the first). */
  component: number;
}

/** The options the job gets, in the order sbatch applies them. */
export function requestedOptions(script: JobScript, settings: AnalysisSettings): RequestedOption[] {
  const found: RequestedOption[] = [];
  for (const c of script.components) {
    for (const o of c.options) {
      if (o.value === undefined || swallowedOption(o)) continue;
      found.push({ name: o.spec.name, value: o.value, line: o.line, shown: `${o.written}${o.valueFromNextArg || o.form === 'short' ? ' ' : '='}${o.value}`, component: c.index });
    }
  }
  for (const t of translatedOptions(script, settings)) {
    if (t.value === undefined) continue;
    found.push({ name: t.option, value: t.value, line: t.name.line, shown: `${t.dialect === 'pbs' ? '#PBS' : '#BSUB'} ${t.written}`, component: 0 });
  }
  return found;
}

/** The option of that name the job ends up with (the last one), in the first component. */
export function lastRequested(options: RequestedOption[], name: string): RequestedOption | undefined {
  let last: RequestedOption | undefined;
  for (const o of options) if (o.name === name && o.component === 0) last = o;
  return last;
}

/** Options that ask for GPUs by count. */
const GPU_COUNT_OPTIONS = new Set(['gpus', 'gpus-per-node', 'gpus-per-task', 'gpus-per-socket']);

/** Options whose comma list may hold a `gpu` GRES or TRES. */
const GRES_LIST_OPTIONS = new Set(['gres', 'tres-per-task']);

/**
 * True when an option (long name, value) asks for at least one GPU, or a share of one: a GPU
 * count that is not zero, or a `gpu`, `shard` or `mps` item (`gpu`, `gpu:2`, `gpu:a100:2`,
 * `gres/gpu=1`, `shard:2`, `mps:50`) in a GRES/TRES list that is not zero. Shards (Slurm 22.05+)
 * and MPS shares give the job a GPU as surely as a whole one does.
 */
export function optionAsksForGpu(name: string, value: string): boolean {
  if (GPU_COUNT_OPTIONS.has(name)) return !/^0+$/.test(value.replace(/^.*:/, '').trim());
  if (GRES_LIST_OPTIONS.has(name)) {
    return value.split(',').some((item) => {
      const t = item.trim();
      return /^(gres\/|gres:)?(gpu|shard|mps)(:|=|$)/i.test(t) && !/[:=]0+$/.test(t);
    });
  }
  return false;
}

/** True when a requested option asks for at least one GPU (see optionAsksForGpu). */
export function asksForGpu(o: RequestedOption): boolean {
  return optionAsksForGpu(o.name, o.value);
}

/** Reads a whole positive number (`4`), or undefined for anything else (`2-4`, `$N`, `1k`). */
export function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,7}$/.test(text.trim())) return undefined;
  return Number(text.trim());
}
