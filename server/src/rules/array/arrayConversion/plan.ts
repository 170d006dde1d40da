/**
 * The submit-loop conversion as a whole: from a loop of sbatch calls in a submit script (and the
 * text of the job script it submits) to the fixes "Convert to one job array": the driver edit
 * that replaces the loop by one array submission, and the new array script. Pure (files are read
 * through the injected reader); never throws.
 */
import type { Fix } from '../../../core/types';
import type { ShellModel } from '../../../shell/model';
import type { OptionCatalog } from '../../../slurm/catalog';
import { parseJobScript } from '../../../slurm/jobScript';
import { positionAt } from '../../../slurm/lines';
import type { SbatchCall } from '../../feedback/sbatchCalls';
import type { FileReader } from '../../types';
import { arrayScriptPath, listFilePath, pathWord, prologueLines, shellProblem, withPrologue, type TaskIndex } from './arrayScript';
import { checkLoopBody } from './loopBody';
import { listWords, loopIndent, readLoop, roundCount } from './loopValues';
import { rewriteSbatch, type SbatchRewrite, type SubmissionShape } from './sbatchRewrite';
import { freshName } from './shellText';
import { driverText, staticPath, type DriverText } from './textPlaces';
import type { LoopReading, NoFix } from './types';

/** The throttle the second fix adds (`%10`): few enough to leave room for others, enough to keep the array moving. */
export const CONVERSION_THROTTLE = 10;

/** The environment variable that carries a chunk's first task number into the array script. */
export const OFFSET_VARIABLE = 'HPCW_TASK_OFFSET';

export const CONVERT_TITLE = 'Convert to one job array';

/** One submit loop: the submit script, its shell model, the loop and its one sbatch call. */
export interface ConversionInput {
  text: string;
  model: ShellModel;
  catalog: OptionCatalog;
  maxArraySize: number;
  loopIndex: number;
  call: SbatchCall;
}

/** Everything the submit script alone tells about a convertible loop. */
interface DriverPlan {
  d: DriverText;
  reading: LoopReading;
  moved: string[];
  rewrite: SbatchRewrite;
  jobPath: string;
  captured: boolean;
}

/**
 * The checks that need only the submit script: nesting, the loop's values, its body and the
 * sbatch line. Returns the plan, or why the loop cannot be converted. Cheap enough for linting.
 */
export function planDriver(input: ConversionInput): DriverPlan | NoFix {
  const { model, loopIndex, call } = input;
  const loop = model.loops[loopIndex];
  if (!loop || call.command.loops[call.command.loops.length - 1] !== loopIndex) return { reason: 'loop-values', detail: 'the sbatch call is not in that loop' };
  if (loop.parent !== undefined || call.command.loops.length > 1) return { reason: 'nested-loop', detail: 'the sbatch loop runs inside another loop' };
  const d = driverText(input.text);
  if (call.options.some((o) => o.name === 'wrap')) return { reason: 'wrap', detail: 'sbatch --wrap has no job script to turn into an array script' };
  const reading = readLoop(model, d, loopIndex);
  if ('reason' in reading) return reading;
  const v = reading.values;
  const listKeepsVariable = v.kind === 'lines' && v.list.kind === 'written' && v.readCommand === undefined;
  const body = checkLoopBody(model, d, loopIndex, call, reading.variables, listKeepsVariable);
  if ('reason' in body) return body;
  const captured = call.assignment !== undefined;
  const rewrite = rewriteSbatch(d, call, body.roundVariables, body.statement, captured);
  if ('reason' in rewrite) return rewrite;
  const jobPath = call.script ? staticPath(model, call.script, call.command.range.start) : undefined;
  if (!jobPath) return { reason: 'job-script-varies', detail: 'the job script\'s name depends on the run' };
  return { d, reading, moved: body.moved, rewrite, jobPath, captured };
}

/** How the tasks are numbered and submitted. */
interface Numbering {
  /** The `--array` value without a throttle (`1-10:2`, `0-4`, `1-"$n"`), or undefined for chunks. */
  spec?: string;
  /** True when the task index is the loop's own value. */
  identity: boolean;
  /** Number of tasks when split into chunks of at most maxArraySize. */
  chunkedCount?: number;
}

function numbering(reading: LoopReading, maxArraySize: number): Numbering {
  const v = reading.values;
  if (v.kind === 'lines') return { spec: '1-"$n"', identity: false };
  const count = roundCount(v) ?? 0;
  if (v.kind === 'numbers') {
    const last = v.first + (count - 1) * v.step;
    if (v.first >= 0 && v.step > 0 && last < maxArraySize) {
      return { spec: count === 1 ? `${v.first}` : `${v.first}-${last}${v.step > 1 ? `:${v.step}` : ''}`, identity: true };
    }
  }
  if (count <= maxArraySize) return { spec: count === 1 ? '0' : `0-${count - 1}`, identity: false };
  return { identity: false, chunkedCount: count };
}

/** The driver lines that replace the loop, for one throttle (or none). */
function driverLines(plan: DriverPlan, n: Numbering, shape: Omit<SubmissionShape, 'arraySpec'>, names: { n: string; offset: string; list?: string }, throttle: string, max: number): string[] {
  const v = plan.reading.values;
  if (v.kind === 'lines') {
    const list = names.list ?? '';
    const write = v.list.kind === 'written' ? v.list.write(list) : [];
    const spec = `1-"$${names.n}"${throttle}`;
    return [
      ...write,
      `${names.n}=$(wc -l < ${list})`,
      `if [ "$${names.n}" -gt 0 ]; then`,
      `  ${plan.rewrite.statement({ ...shape, arraySpec: spec })}`,
      'else',
      `  echo 'No job submitted: the list of values is empty' >&2`,
      'fi',
    ];
  }
  if (n.chunkedCount === undefined) return [plan.rewrite.statement({ ...shape, arraySpec: `${n.spec ?? ''}${throttle}` })];
  const total = n.chunkedCount;
  const o = names.offset;
  const spec = `0-$((${total} - ${o} > ${max} ? ${max - 1} : ${total} - ${o} - 1))${throttle}`;
  return [
    `# ${total} tasks are more than one array may hold (MaxArraySize ${max}): submit them in chunks.`,
    `${o}=0`,
    `while [ "$${o}" -lt ${total} ]; do`,
    `  ${plan.rewrite.statement({ ...shape, arraySpec: spec, extraExport: `${OFFSET_VARIABLE}=$${o}` })}`,
    `  ${o}=$((${o} + ${max}))`,
    'done',
  ];
}

/** The `--export` value the job has when the sbatch call gives none: its script's last `--export` directive, else ALL. */
function directiveExport(options: ReturnType<typeof parseJobScript>['options']): string {
  const found = options.filter((o) => o.spec.name === 'export' && o.value !== undefined);
  return found.length > 0 ? (found[found.length - 1].value as string) : 'ALL';
}

/**
 * The fixes for one submit loop: "Convert to one job array" (preferred) and, when the loop runs
 * more than ten rounds or an unknown number, the same with at most ten tasks at once. Both create
 * the array script next to the job script and replace the loop. Returns why not when the loop,
 * its body, its sbatch line or the job script stand in the way.
 */
export function convertLoop(input: ConversionInput, read: FileReader): Fix[] | NoFix {
  const plan = planDriver(input);
  if ('reason' in plan) return plan;
  const jobText = read(plan.jobPath);
  if (jobText === undefined) return { reason: 'unreadable-job-script', detail: `${plan.jobPath} could not be read` };
  const job = parseJobScript(jobText, input.catalog);
  if (job.options.some((o) => o.spec.name === 'array')) return { reason: 'job-script-array', detail: `${plan.jobPath} already asks for a job array` };
  const needsBash = plan.reading.needsBash || (plan.rewrite.setArguments ?? '').includes('${@:');
  const shell = shellProblem(jobText, needsBash);
  if (shell) return shell;
  const arrayPath = arrayScriptPath(plan.jobPath, read);
  if (!arrayPath) return { reason: 'unreadable-job-script', detail: 'no free name for the array script' };

  const max = Math.max(1, Math.floor(input.maxArraySize));
  const n = numbering(plan.reading, max);
  const v = plan.reading.values;
  const jobWords = [jobText, ...plan.reading.variables, ...plan.moved];
  const taskName = freshName('task', jobWords);
  const index: TaskIndex = n.chunkedCount !== undefined ? { name: taskName, line: `${taskName}=$((SLURM_ARRAY_TASK_ID + \${${OFFSET_VARIABLE}:-0}))` } : { name: 'SLURM_ARRAY_TASK_ID' };
  const names = { n: freshName('n', [input.text]), offset: freshName('offset', [input.text]), list: undefined as string | undefined };
  let listInJob: string | undefined;
  if (v.kind === 'lines') {
    const path = v.list.kind === 'file' ? v.list.path : listFilePath(arrayPath, read);
    const words = listWords(path);
    names.list = words.inDriver;
    listInJob = words.inJob;
  }
  const prologue = prologueLines({
    reading: plan.reading,
    index,
    identity: n.identity,
    valuesName: freshName('values', jobWords),
    ...(listInJob ? { listInJob } : {}),
    moved: plan.moved,
    exports: plan.rewrite.exports,
    ...(plan.rewrite.setArguments ? { setArguments: plan.rewrite.setArguments } : {}),
  });
  const arrayText = withPrologue(job, prologue);
  const shape = { scriptWord: pathWord(arrayPath), taskPattern: n.chunkedCount !== undefined ? '%A_%a' : '%a', defaultExport: directiveExport(job.options) };

  const d = plan.d;
  const indent = loopIndent(d, plan.reading);
  const range = { start: positionAt(d.starts, plan.reading.replace.start), end: positionAt(d.starts, plan.reading.replace.end) };
  const count = roundCount(v);
  const throttles = count === undefined || count > CONVERSION_THROTTLE ? ['', `%${CONVERSION_THROTTLE}`] : [''];
  return throttles.map((throttle): Fix => {
    const lines = driverLines(plan, n, shape, names, throttle, max);
    const newText = lines.map((l, k) => (k === 0 ? l : `${indent}${l}`)).join(d.eol);
    return {
      title: throttle ? `${CONVERT_TITLE}, at most ${CONVERSION_THROTTLE} tasks running at once (${throttle})` : CONVERT_TITLE,
      edits: [{ range, newText }],
      ...(throttle ? {} : { isPreferred: true }),
      // NOTE: never safe: the jobs' names, log names and scheduling change, and a new file appears.
      safe: false,
      files: [{ kind: 'create', path: arrayPath, text: arrayText }],
    };
  });
}
