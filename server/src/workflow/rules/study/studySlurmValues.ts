import { isScalar } from 'yaml';
import type { Finding } from '../../../core/types';
import { optionCatalog } from '../../../slurm/catalog';
import { grammarFor } from '../../../slurm/values/registry';
import type { WorkflowContext, WorkflowRule } from '../../types';
import { entriesOf, scalarText, type YamlEntry } from '../engines/yamlEntries';
import { rangeOf, readStudy, studyFinding, type StudySpec } from './studyModel';
import { pyyamlBase60 } from '../../read/pyyamlNumbers';

const CODE = 'workflow/study-slurm-values';

/** Batch keys whose value becomes an sbatch option, and the option. */
const BATCH_OPTIONS: Record<string, string> = { queue: 'partition', bank: 'account', qos: 'qos', reservation: 'reservation', walltime: 'time' };
/** Step keys whose value becomes an sbatch option. */
const STEP_OPTIONS: Record<string, string> = { walltime: 'time' };
/** Step keys that must be whole numbers above zero. */
const COUNTS = ['nodes', 'procs', 'cores per task', 'gpus'];


/** The value as the engine hands it on: its text with `$(NAME)` replaced from env.variables; undefined while a token remains. */
function resolved(spec: StudySpec, text: string): string | undefined {
  const variables = new Map(spec.variables.map((v) => [v.key, scalarText(v.value)]));
  let out = text;
  for (let round = 0; round < 8 && out.includes('$('); round++) {
    out = out.replace(/\$\(([^()\s$]+)\)/g, (whole, name: string) => variables.get(name) ?? whole);
  }
  return out.includes('$(') ? undefined : out;
}

function optionProblems(ctx: WorkflowContext, spec: StudySpec, entry: YamlEntry, option: string): Finding[] {
  const written = scalarText(entry.value);
  if (written === undefined || !entry.value || !isScalar(entry.value) || written.trim() === '') return [];
  const range = rangeOf(ctx, entry.value);
  const plain = entry.value.type === 'PLAIN';
  const minutes = option === 'time' && plain ? pyyamlBase60(written) : undefined;
  if (minutes !== undefined) {
    return [studyFinding(CODE, 'warning', range, `Unquoted, \`${written}\` is read by the engine's YAML 1.1 loader as the number ${minutes} (base 60), which sbatch takes as ${minutes} minutes. Quote it: \`"${written}"\`.`)];
  }
  const asText = plain ? written : String(entry.value.value);
  const text = resolved(spec, asText);
  if (text === undefined) return [];
  const spec2 = optionCatalog(ctx.settings.version, ctx.settings.siteOptions).byName(option);
  if (!spec2) return [];
  const problems = grammarFor(spec2.value).validate(text, { option, version: ctx.settings.version, maxArraySize: ctx.settings.maxArraySize, maxArraySizeKnown: ctx.settings.maxArraySizeKnown, gresTypes: ctx.settings.gresTypes });
  const via = text !== asText ? ` (\`${asText}\` is \`${text}\`)` : '';
  return problems.filter((p) => p.severity === 'error').map((p) => studyFinding(CODE, 'warning', range, `\`${entry.key}: ${asText}\`${via} becomes \`sbatch --${option}=${text}\`, which sbatch refuses: ${p.message}`));
}

/** A count given as `$(NAME)` whose variable is not a whole number above zero (the schema judges literal counts). */
function countProblem(ctx: WorkflowContext, spec: StudySpec, entry: YamlEntry): Finding[] {
  const written = scalarText(entry.value);
  if (written === undefined || !entry.value || !written.includes('$(')) return [];
  const text = resolved(spec, written);
  if (text === undefined || /^[1-9]\d*$/.test(text.trim()) || (entry.key === 'gpus' && text.trim() === '0')) return [];
  return [studyFinding(CODE, 'warning', rangeOf(ctx, entry.value), `\`${entry.key}: ${written}\` is \`${text}\`, not a whole number above zero: the job script written for Slurm carries it as it is, and sbatch refuses it.`)];
}

function batchIsSlurm(entries: YamlEntry[]): boolean {
  return scalarText(entries.find((e) => e.key === 'type')?.value ?? null) === 'slurm';
}

function check(ctx: WorkflowContext, spec: StudySpec): Finding[] {
  const out: Finding[] = [];
  const batchBlocks: YamlEntry[][] = [spec.batch];
  for (const w of spec.workers) batchBlocks.push(entriesOf(entriesOf(w.value).find((e) => e.key === 'batch')?.value));
  const anySlurm = batchBlocks.some(batchIsSlurm);
  for (const block of batchBlocks) {
    if (!batchIsSlurm(block)) continue;
    for (const e of block) if (BATCH_OPTIONS[e.key]) out.push(...optionProblems(ctx, spec, e, BATCH_OPTIONS[e.key]));
    for (const e of block) if (e.key === 'nodes') out.push(...countProblem(ctx, spec, e));
  }
  if (!anySlurm) return out;
  for (const step of spec.steps) {
    for (const e of step.run) {
      if (STEP_OPTIONS[e.key]) out.push(...optionProblems(ctx, spec, e, STEP_OPTIONS[e.key]));
      if (COUNTS.includes(e.key)) out.push(...countProblem(ctx, spec, e));
    }
  }
  return out;
}

/**
 * `workflow/study-slurm-values`: values of a Maestro/Merlin study that runs on Slurm which reach
 * sbatch and are refused there: walltimes, partitions, accounts and QOS read with the option
 * table's grammars, node/process counts that are not whole numbers above zero, and unquoted
 * `H:MM:SS` walltimes that YAML 1.1 reads as numbers.
 */
export const studySlurmValues: WorkflowRule = {
  meta: { id: CODE, description: 'A value of a Maestro/Merlin study on Slurm that sbatch refuses: walltime, queue, bank, qos, node or process counts', defaultSeverity: 'warning', fixable: false, tip: 12 },
  check(ctx) {
    const spec = readStudy(ctx);
    return spec ? check(ctx, spec) : [];
  },
};
