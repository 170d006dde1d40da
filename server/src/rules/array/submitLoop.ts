import type { Finding, Fix } from '../../core/types';
import type { ShellModel } from '../../shell/model';
import { sbatchCalls, type SbatchCall } from '../feedback/sbatchCalls';
import type { FileReader, Rule, RuleContext } from '../types';
import { convertLoop, planDriver, type ConversionInput } from './arrayConversion/plan';
import { jobCount } from './arrayConversion/loopValues';
import { variablesRead } from './arrayConversion/shellText';
import { driverText } from './arrayConversion/textPlaces';

const ID = 'array/submit-loop';

/**
 * True when the call waits for a job submitted in the same loop (`jid=$(sbatch --dependency=afterok:$jid ...)`):
 * a chain of jobs that run one after the other, which an array cannot express.
 */
function isChain(calls: SbatchCall[], call: SbatchCall, loop: number): boolean {
  const idsOfLoop = new Set(calls.filter((c) => c.capturedInto && c.command.loops.includes(loop)).map((c) => c.capturedInto as string));
  if (idsOfLoop.size === 0) return false;
  const dependencies = call.options.filter((o) => o.name === 'dependency').map((o) => `${o.word.text} ${o.valueWord?.text ?? ''}`);
  return dependencies.some((text) => [...variablesRead(text)].some((n) => idsOfLoop.has(n)));
}

/** The names a loop sets each round: its variable, or the variables of its `read`. */
function loopNames(model: ShellModel, loop: number): string[] {
  const l = model.loops[loop];
  if (!l) return [];
  if (l.kind === 'for-in') return [l.variable.name];
  if (l.kind === 'c-style') return l.variable ? [l.variable.name] : [];
  return l.read?.variables.map((v) => v.name) ?? [];
}

/**
 * The names whose value changes from round to round of the call's loops: the variables of the
 * loops around it and every variable assigned inside the innermost one.
 */
function roundNames(model: ShellModel, call: SbatchCall, loop: number): Set<string> {
  const names = new Set(call.command.loops.flatMap((l) => loopNames(model, l)));
  for (const a of model.assignments) if (a.loops.includes(loop)) names.add(a.name);
  return names;
}

/**
 * Options that may differ between the tasks of one array (each task has its own environment,
 * log files and command), so a loop that varies them is still one array's worth of work. A loop
 * that varies anything else (nodes, GRES, partition, time, dependency...) needs separate jobs.
 */
const PER_TASK_OPTIONS = new Set(['export', 'output', 'error', 'job-name', 'wrap', 'comment']);

/**
 * Why the loop is not one array's worth of work, if it is not: an option of the allocation
 * differs between rounds, sbatch's own input variables do (`SBATCH_PARTITION=$p sbatch`), or the
 * loop waits for room in the queue (`squeue` in the loop: every array task counts against the
 * site's MaxSubmitJobs too, so such a loop is the way around that limit).
 */
function notAnArray(model: ShellModel, call: SbatchCall, loop: number, round: ReadonlySet<string>): boolean {
  const reads = (text: string) => [...variablesRead(text)].some((n) => round.has(n));
  for (const o of call.options) if (!PER_TASK_OPTIONS.has(o.name) && reads(`${o.word.text} ${o.valueWord?.text ?? ''}`)) return true;
  for (const k of call.command.assignments) {
    const a = model.assignments[k];
    if (a && /^(SBATCH|SLURM)_/.test(a.name) && reads(a.valueText)) return true;
  }
  return model.commands.some((c) => c.loops.includes(loop) && (c.name?.value === 'squeue' || c.name?.value?.endsWith('/squeue')));
}

/** The message: how many jobs when the loops' rounds are known, and what one array does instead. */
function messageFor(jobs: number | undefined): string {
  const what = jobs !== undefined && jobs > 1 ? `This loop submits ${jobs} separate jobs with sbatch` : 'This loop submits a separate job with sbatch in every round';
  return `${what}; one job array does the same with a single submission: Slurm queues and schedules the tasks as one job, and a %N limit caps how many run at once (tip 6: use job arrays)`;
}

/** The loop and call a finding of this rule is about, from its data. */
function locate(ctx: RuleContext, finding: Finding): ConversionInput | undefined {
  const shell = ctx.shell;
  const data = finding.data;
  if (!shell || shell.status !== 'parsed' || !data || typeof data.loop !== 'number' || typeof data.command !== 'number') return undefined;
  const call = sbatchCalls(shell, ctx.script.catalog).find((c) => c.index === data.command);
  if (!call || !shell.loops[data.loop]) return undefined;
  return { text: ctx.script.text, model: shell, catalog: ctx.script.catalog, maxArraySize: ctx.settings.maxArraySize, loopIndex: data.loop, call };
}

/**
 * sbatch run once per round of a loop (tip 6): a submit loop that one job array replaces. A
 * warning on the `sbatch` word of the first such call of each innermost loop, in submit scripts
 * and job scripts. Not for calls that already pass `--array` (a loop over chunks of a large
 * array) nor for chains (each round's job waits for the previous one's). The conversion is
 * offered through `fixesWithFiles`, since it reads the submitted job script.
 */
export const submitLoop: Rule = {
  meta: {
    id: ID,
    description: 'sbatch called in a loop, once per sample or parameter, where one job array would do',
    defaultSeverity: 'warning',
    fixable: true,
    tip: 6,
    submitScripts: true,
  },
  check(ctx) {
    const { shell, script } = ctx;
    if (!shell || shell.status !== 'parsed') return [];
    const calls = sbatchCalls(shell, script.catalog);
    const findings: Finding[] = [];
    const reported = new Set<number>();
    const d = driverText(script.text);
    for (const call of calls) {
      const loop = call.command.loops[call.command.loops.length - 1];
      if (loop === undefined || reported.has(loop)) continue;
      if (call.options.some((o) => o.name === 'array')) continue;
      if (isChain(calls, call, loop)) continue;
      const round = roundNames(shell, call, loop);
      // A loop over different job scripts (`for step in qc.sh align.sh`) runs a pipeline, not one job many times.
      if (call.script && [...variablesRead(call.script.text)].some((n) => round.has(n))) continue;
      if (notAnArray(shell, call, loop, round)) continue;
      reported.add(loop);
      const jobs = jobCount(shell, d, loop);
      const plan = planDriver({ text: script.text, model: shell, catalog: script.catalog, maxArraySize: ctx.settings.maxArraySize, loopIndex: loop, call });
      findings.push({
        code: ID,
        severity: 'warning',
        range: call.nameWord.range,
        message: messageFor(jobs),
        fixes: [],
        data: {
          loop,
          command: call.index,
          ...(jobs !== undefined ? { jobs } : {}),
          ...('reason' in plan ? { noFix: plan.reason, why: plan.detail } : {}),
        },
      });
    }
    return findings;
  },
  fixesWithFiles(ctx: RuleContext, finding: Finding, read: FileReader): Fix[] {
    try {
      const input = locate(ctx, finding);
      if (!input) return [];
      const result = convertLoop(input, read);
      return Array.isArray(result) ? result : [];
    } catch {
      // NOTE: the planner is meant never to throw; a bug must not break the editor's code actions.
      return [];
    }
  },
};
