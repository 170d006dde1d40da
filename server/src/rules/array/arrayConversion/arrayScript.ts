/**
 * The array script of a submit-loop conversion: the submitted job script with a prologue, placed
 * right after its `#SBATCH` header, that gives each task the values its round of the loop had
 * (and the arguments and exported variables that came with them). Also picks the new file's
 * name next to the job script. Pure; never throws.
 */
import type { FileReader } from '../../types';
import type { JobScript } from '../../../slurm/jobScript';
import { shellQuote } from './shellText';
import type { LoopReading, NoFix } from './types';

/** How the task's index is written in the prologue (`$SLURM_ARRAY_TASK_ID`, or a chunk's `$task`). */
export interface TaskIndex {
  /** The prologue line computing it, for arrays split into chunks. */
  line?: string;
  /** The variable holding it, without `$` (`SLURM_ARRAY_TASK_ID`, `task`). */
  name: string;
}

/** What the prologue holds besides the loop's values. */
export interface PrologueParts {
  reading: LoopReading;
  index: TaskIndex;
  /** For `numbers`: true when the task index is the value itself. */
  identity: boolean;
  /** For `values`: the array's name in the script. */
  valuesName: string;
  /** For `lines`: the list as the job names it. */
  listInJob?: string;
  moved: string[];
  exports: string[];
  setArguments?: string;
}

/** Bash arithmetic for first + index * step, written the short way. */
function arithmetic(first: number, step: number, index: string): string {
  const times = Math.abs(step) === 1 ? index : `${index} * ${Math.abs(step)}`;
  if (first === 0 && step === 1) return `$${index}`;
  if (first === 0 && step > 0) return `$((${times}))`;
  return `$((${first} ${step < 0 ? '-' : '+'} ${times}))`;
}

/** `name=(a 'b c' ...)`, wrapped to lines of about 100 characters. */
function arrayAssignment(name: string, values: string[]): string[] {
  const words = values.map((v) => shellQuote(v));
  const oneLine = `${name}=(${words.join(' ')})`;
  if (oneLine.length <= 100) return [oneLine];
  const lines = [`${name}=(`];
  let line = ' ';
  for (const w of words) {
    if (line.length + w.length + 1 > 100 && line.trim() !== '') {
      lines.push(line);
      line = ' ';
    }
    line += ` ${w}`;
  }
  if (line.trim() !== '') lines.push(line);
  lines.push(')');
  return lines;
}

/** The prologue's lines: a comment, the round's values, then the moved assignments, exports and arguments. */
export function prologueLines(p: PrologueParts): string[] {
  const lines = [
    '# One task of the job array that replaces a loop of sbatch calls (converted by HPC Workflows).',
    `# The loop was: ${p.reading.header}`,
  ];
  if (p.index.line) lines.push(p.index.line);
  const values = p.reading.values;
  const [variable] = p.reading.variables;
  const index = p.index.name;
  if (values.kind === 'numbers') {
    lines.push(p.identity ? `${variable}=$${index}` : `${variable}=${arithmetic(values.first, values.step, index)}`);
  } else if (values.kind === 'values') {
    lines.push(...arrayAssignment(p.valuesName, values.values), `${variable}=\${${p.valuesName}[$${index}]}`);
  } else {
    const line = `sed -n "\${${index}}p" ${p.listInJob ?? ''}`;
    lines.push(values.readCommand ? `${values.readCommand} < <(${line})` : `${variable}=$(${line})`);
  }
  lines.push(...p.moved, ...p.exports);
  if (p.setArguments) lines.push(p.setArguments);
  return lines;
}

/** The shells a prologue may run in: bash for everything, a POSIX sh when it needs no bash feature. */
export function shellProblem(jobText: string, needsBash: boolean): NoFix | undefined {
  const first = jobText.split(/\r?\n/, 1)[0];
  if (/^#!.*\bbash\b/.test(first)) return undefined;
  if (!needsBash && /^#!\s*\S*\/(?:env\s+)?(?:sh|dash|ksh)\b/.test(first.replace(/\/usr\/bin\/env\s+/, '/'))) return undefined;
  return { reason: 'job-script-shell', detail: needsBash ? 'the array script needs bash (arrays or process substitution) but the job script is not a bash script' : 'the job script is not a shell script' };
}

/**
 * The job script's text with the prologue inserted after its last `#SBATCH` line (sbatch stops
 * reading directives at the first command, so nothing may come before or between them), or
 * after the `#!` line when it has none. Keeps the script's line breaks.
 */
export function withPrologue(job: JobScript, lines: string[]): string {
  const text = job.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const starts = job.lines.starts;
  const directiveLines = job.directives.map((d) => d.line);
  const after = directiveLines.length > 0 ? Math.max(...directiveLines) : text.startsWith('#!') ? 0 : -1;
  const block = lines.join(eol) + eol;
  if (after < 0) return block + text;
  if (after + 1 < starts.length) return text.slice(0, starts[after + 1]) + block + text.slice(starts[after + 1]);
  return text + eol + block;
}

/** Splits `dir/name.ext` into the folder part (with its slash), the name without extension and the extension. */
function pathParts(path: string): { dir: string; stem: string; ext: string } {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const file = path.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? { dir, stem: file.slice(0, dot), ext: file.slice(dot) } : { dir, stem: file, ext: '' };
}

/**
 * A free name next to the job script for the array script: `align.sh` -> `align.array.sh`, or
 * `align.array2.sh`, ... when `read` finds that one taken. Undefined when none of 99 is free.
 */
export function arrayScriptPath(jobPath: string, read: FileReader): string | undefined {
  const { dir, stem, ext } = pathParts(jobPath);
  for (let k = 1; k < 100; k++) {
    const candidate = `${dir}${stem}.array${k === 1 ? '' : k}${ext}`;
    if (read(candidate) === undefined) return candidate;
  }
  return undefined;
}

/** The list file a driver writes for the array script (`align.array.list`), in the folder the driver runs in. */
export function listFilePath(arrayPath: string, read: FileReader): string {
  const { stem } = pathParts(arrayPath);
  for (let k = 1; k < 100; k++) {
    const candidate = `${stem}${k === 1 ? '' : `.${k}`}.list`;
    if (read(candidate) === undefined) return candidate;
  }
  return `${stem}.list`;
}

/** A path as one shell word, keeping a leading `~/` unquoted so it still expands. */
export function pathWord(path: string): string {
  return path.startsWith('~/') ? `~/${shellQuote(path.slice(2))}` : shellQuote(path);
}
