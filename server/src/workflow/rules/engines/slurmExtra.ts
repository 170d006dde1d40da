import type { AnalysisSettings } from '../../../rules/types';
import { optionCatalog } from '../../../slurm/catalog';
import { splitDirectiveArgs } from '../../../slurm/directiveArgs';
import { readOptions } from '../../../slurm/getopt';
import { grammarFor } from '../../../slurm/values/registry';

/** A problem in a `slurm_extra` string, at characters [start, end) of the string. */
export interface ExtraProblem {
  start: number;
  end: number;
  message: string;
}

/**
 * The sbatch options the SLURM executor plugin writes on its own `sbatch` line and refuses in
 * `slurm_extra` (its validation.py), with the resource to use instead where there is one.
 * `chdir` only by its short form `-D` (the plugin looks for `--workdir` or `-D`).
 */
const SET_BY_PLUGIN: Record<string, string | undefined> = {
  'job-name': undefined,
  output: undefined,
  error: undefined,
  parsable: undefined,
  export: undefined,
  comment: undefined,
  account: 'slurm_account',
  partition: 'slurm_partition',
  mem: 'mem_mb',
  'mem-per-cpu': 'mem_mb_per_cpu',
  ntasks: 'tasks',
  'ntasks-per-gpu': 'tasks_per_gpu',
  'cpus-per-task': 'cpus_per_task',
  'cpus-per-gpu': 'cpus_per_gpu',
  time: 'runtime',
  constraint: 'constraint',
  qos: 'qos',
  nodes: 'nodes',
  clusters: 'clusters',
  gres: 'gres',
  gpus: 'gpu',
};

/**
 * Reads a `slurm_extra` string as the options it adds to the plugin's `sbatch` line: options sbatch
 * does not know (or cannot tell apart), words that are no options, options the plugin sets itself
 * (it refuses the job), and values sbatch refuses, each with its place in the string. Never throws.
 */
export function slurmExtraProblems(extra: string, settings: AnalysisSettings): ExtraProblem[] {
  const split = splitDirectiveArgs(extra, 0);
  if (split.error) return [{ start: split.error.column, end: extra.length, message: split.error.kind === 'unmatched-quote' ? `an unclosed ${split.error.quote ?? ''} quote` : 'a word sbatch cannot read' }];
  const catalog = optionCatalog(settings.version, settings.siteOptions);
  const read = readOptions(split.args.map((arg) => ({ line: 0, arg })), catalog);
  const out: ExtraProblem[] = [];
  for (const p of read.problems) {
    const what =
      p.kind === 'unknown' ? `sbatch has no option \`${p.written}\``
      : p.kind === 'ambiguous' ? `\`${p.written}\` could be any of ${(p.candidates ?? []).map((c) => `--${c}`).join(', ')}`
      : p.kind === 'missing-value' ? `\`${p.written}\` needs a value`
      : p.kind === 'unexpected-value' ? `\`${p.written}\` takes no value`
      : `\`${p.written}\` is not an option: sbatch would take it for the job script`;
    out.push({ start: p.start, end: p.end, message: what });
  }
  for (const o of read.options) {
    const name = o.spec.name;
    if (name in SET_BY_PLUGIN || (name === 'chdir' && o.form === 'short')) {
      const instead = SET_BY_PLUGIN[name];
      const use = instead ? `; use the \`${instead}\` resource instead` : '';
      // NOTE: the plugin looks for the full names and short letters; an abbreviation slips past its check.
      const message = o.form === 'abbreviated'
        ? `the SLURM executor plugin sets \`--${name}\` itself; written as \`${o.written}\` it slips past the plugin's check and replaces the plugin's value${use}`
        : `the SLURM executor plugin sets \`--${name}\` itself and refuses a \`slurm_extra\` that contains it${use}`;
      out.push({ start: o.nameStart, end: o.nameEnd, message });
      continue;
    }
    if (o.value === undefined || o.spec.value === 'flag') continue;
    for (const v of grammarFor(o.spec.value).validate(o.value, { option: name, version: settings.version, maxArraySize: settings.maxArraySize, maxArraySizeKnown: settings.maxArraySizeKnown, gresTypes: settings.gresTypes })) {
      if (v.severity !== 'error') continue;
      const first = o.valueColumns[0] ?? o.valueAnchor;
      out.push({ start: first, end: (o.valueColumns[o.valueColumns.length - 1] ?? first - 1) + 1, message: `\`--${name}=${o.value}\`: ${v.message}` });
    }
  }
  return out;
}
