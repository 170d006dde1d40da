import { lineRange, type Finding } from '../../core/types';
import type { ShellCommand, ShellModel, ShellWord } from '../../shell/model';
import { staticVariable } from '../container/invocation';
import type { JobScript } from '../../slurm/jobScript';
import type { TargetVersion } from '../../slurm/versions';
import type { Rule } from '../types';
import { lastRequested, requestedOptions, wholeNumber, type RequestedOption } from './jobRequest';
import { commandWords, programName, wordText } from './shellWords';

const ID = 'resources/threads-mismatch';

/** Anything in the script that passes the CPU count on (or reads it): then the rule trusts the script. */
const COUNT_PASSED = /SLURM_CPUS_PER_TASK|SRUN_CPUS_PER_TASK|SLURM_CPUS_ON_NODE|SLURM_JOB_CPUS_PER_NODE|SLURM_TRES_PER_TASK|_NUM_THREADS|\bnproc\b|cpu_count|sched_getaffinity/;

/**
 * Programs that run one thread (or a small fixed number) unless told how many to use, each with
 * the options that tell them (the first is the one messages name). Programs that size themselves
 * from the CPUs they may run on (OpenMP programs, GROMACS, Java, salmon, pigz) are deliberately
 * not here.
 */
const ONE_THREAD_PROGRAMS = new Map<string, string[]>(Object.entries({
  bwa: ['-t'], 'bwa-mem2': ['-t'], bowtie2: ['-p', '--threads'], hisat2: ['-p', '--threads'], STAR: ['--runThreadN'],
  samtools: ['-@', '--threads'], bcftools: ['--threads'], minimap2: ['-t'], blastn: ['-num_threads'], blastp: ['-num_threads'],
  blastx: ['-num_threads'], tblastn: ['-num_threads'], kraken2: ['--threads'], featureCounts: ['-T'], trimmomatic: ['-threads'],
  cutadapt: ['-j', '--cores'], fastqc: ['-t', '--threads'], 'trim_galore': ['-j', '--cores'],
}));

/** Slurm series whose srun does not take the job's --cpus-per-task over (it reads only SRUN_CPUS_PER_TASK). */
const SRUN_NOT_INHERITING = new Set(['22.05', '23.02']);

/** Programs that start the tasks of a step. */
const LAUNCH_TOOLS = new Set(['srun', 'mpirun', 'mpiexec']);

/** srun and mpirun options that take no value (so the word after them is the program). */
const LAUNCHER_FLAGS = new Set([
  '--exclusive', '--overlap', '-l', '--label', '-u', '--unbuffered', '-K', '--kill-on-bad-exit', '-v', '--verbose', '-Q', '--quiet',
  '-X', '--disable-status', '--pty', '--multi-prog', '--oversubscribe', '--report-bindings', '--tag-output', '--allow-run-as-root',
  '--display-map', '--timestamp-output', '-q', '--no-kill', '-k',
]);

/** The count a word gives: its static value, or the static value of the one variable it expands (`$THREADS`, `"${N}"`). */
function countOf(shell: ShellModel, command: ShellCommand, word: ShellWord): string {
  if (word.value !== undefined) return word.value;
  const m = /^"?\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))"?$/.exec(word.text);
  return (m && staticVariable(shell, m[1] ?? m[2], command)) ?? word.text;
}

/**
 * True when some word of a command is the CPU count given as an option value (`-t 8`,
 * `--threads=8`, `-@8`), written out or through a variable set to it (`THREADS=8 ... -t $THREADS`).
 */
function passesCount(shell: ShellModel, command: ShellCommand, count: string): boolean {
  const words = commandWords(command);
  return words.some((w, i) => {
    if (i > 0 && wordText(words[i - 1]).startsWith('-') && countOf(shell, command, w) === count) return true;
    const m = /^(?:--?[A-Za-z][\w-]*=|-[A-Za-z@])(\d+)$/.exec(wordText(w));
    return m !== null && m[1] === count;
  });
}

/** True when an `srun` command gives its step a CPU count per task (`-c`, `--cpus-per-task`). */
function srunGivesCpus(words: ShellWord[]): boolean {
  return programName(words[0]) === 'srun' && words.some((w) => /^(-c|--cpus-per-task)(=|\d|$)/.test(wordText(w)));
}

/** The program among a command's words that runs one thread unless told, with where it stands and its thread options. */
function oneThreadProgram(words: ShellWord[]): { at: number; name: string; options: string[] } | undefined {
  const at = words.findIndex((w, i) => (i === 0 || programName(words[0]) === 'srun') && ONE_THREAD_PROGRAMS.has(programName(w) ?? ''));
  if (at < 0) return undefined;
  const name = programName(words[at]) ?? '';
  return { at, name, options: ONE_THREAD_PROGRAMS.get(name) ?? [] };
}

/** True when the program at `at` is given one of its thread options, with any value (`-t 16`, `-j 0`, `-@7`, `--threads=$N`). */
function givenThreadOption(words: ShellWord[], at: number, options: string[]): boolean {
  return words.slice(at + 1).some((w) => {
    const t = wordText(w);
    return options.some((option) => t === option || t.startsWith(`${option}=`) || (/^-[A-Za-z@]$/.test(option) && t.startsWith(option) && /^\d/.test(t.slice(option.length))));
  });
}

/**
 * The `--cpus-per-task` finding: CPUs the body never passes on. It fires for the first program
 * that runs one thread unless told, or (on Slurm 22.05/23.02) an `srun` step without `-c`, which
 * then gets one CPU per task; never when anything in the script mentions a thread count variable,
 * passes the count, or gives any of those programs its thread option (then the author splits the
 * CPUs on purpose: `bwa -t 16 | samtools sort -@ 4`, `cutadapt -j 0`, `samtools -@ 7`).
 */
function unusedCpus(script: JobScript, shell: ShellModel, cpus: RequestedOption, count: number, version: TargetVersion): Finding | undefined {
  if (COUNT_PASSED.test(script.text)) return undefined;
  if (shell.commands.some((c) => passesCount(shell, c, String(count)))) return undefined;
  const commands = shell.commands.map(commandWords);
  if (commands.some((words) => {
    const program = oneThreadProgram(words);
    return srunGivesCpus(words) || (program !== undefined && givenThreadOption(words, program.at, program.options));
  })) return undefined;
  let why: string | undefined;
  for (const words of commands) {
    const program = oneThreadProgram(words);
    if (program) {
      why = `${program.name} runs one thread unless given ${program.options[0]}`;
      break;
    }
    if (programName(words[0]) === 'srun' && SRUN_NOT_INHERITING.has(version)) {
      why = `srun in Slurm ${version} does not take --cpus-per-task over from the job, so each task of the step gets one CPU unless given -c`;
      break;
    }
  }
  if (why === undefined) return undefined;
  return {
    code: ID,
    severity: 'hint',
    range: lineRange(cpus.line, 0, script.lines.lines[cpus.line].trimEnd().length),
    message: `${cpus.shown} asks for ${count} CPUs per task, but nothing in the script passes that count on (no $SLURM_CPUS_PER_TASK, OMP_NUM_THREADS, srun -c or thread option) and ${why}: the other CPUs sit idle`,
    fixes: [],
    data: { cpusPerTask: count },
  };
}

/** The tasks the job is given: --ntasks, else nodes x --ntasks-per-node; undefined when not written as numbers. */
function allocatedTasks(requested: RequestedOption[]): number | undefined {
  const ntasks = lastRequested(requested, 'ntasks');
  if (ntasks) return wholeNumber(ntasks.value);
  const perNode = wholeNumber(lastRequested(requested, 'ntasks-per-node')?.value);
  if (perNode === undefined) return undefined;
  const nodes = lastRequested(requested, 'nodes');
  if (!nodes) return perNode;
  const [min, max] = nodes.value.split('-');
  const n = wholeNumber(min);
  return n !== undefined && (max === undefined || wholeNumber(max) === n) ? n * perNode : undefined;
}

/** The literal task count an srun/mpirun/mpiexec command starts, and the word holding it. */
function launchCount(words: ShellWord[]): { tool: string; count: number; word: ShellWord } | undefined {
  const tool = programName(words[0]);
  if (tool === undefined || !LAUNCH_TOOLS.has(tool)) return undefined;
  const names = tool === 'srun' ? ['-n', '--ntasks'] : ['-n', '-np', '--np', '--n'];
  for (let i = 1; i < words.length; i++) {
    const t = wordText(words[i]);
    if (!t.startsWith('-')) {
      // A value of the option before it, unless that option is a known flag: then the program.
      const prev = wordText(words[i - 1]);
      if (i === 1 || !prev.startsWith('-') || prev.includes('=') || LAUNCHER_FLAGS.has(prev)) return undefined;
      continue;
    }
    const eq = t.indexOf('=');
    const name = eq < 0 ? t : t.slice(0, eq);
    let value: string | undefined;
    if (names.includes(name)) value = eq < 0 ? wordText(words[i + 1] ?? words[i]) : t.slice(eq + 1);
    else if (/^-n\d+$/.test(t)) value = t.slice(2);
    if (value === undefined) continue;
    const count = wholeNumber(value);
    return count === undefined ? undefined : { tool, count, word: words[i] };
  }
  return undefined;
}

/** Launches whose literal task count disagrees with the tasks the job asks for. */
function taskCountFindings(requested: RequestedOption[], shell: ShellModel): Finding[] {
  const tasks = allocatedTasks(requested);
  if (tasks === undefined) return [];
  const cpus = wholeNumber(lastRequested(requested, 'cpus-per-task')?.value) ?? 1;
  const exclusive = requested.some((o) => o.name === 'exclusive');
  const launches = shell.commands.flatMap((command) => {
    const words = commandWords(command);
    const launch = launchCount(words);
    return launch ? [{ command, words, ...launch }] : [];
  });
  // Every launch counts for "the only launch", also those without a literal count (`srun gmx mdrun`).
  const launchCommands = shell.commands.filter((c) => LAUNCH_TOOLS.has(programName(c.name) ?? '')).length;
  const findings: Finding[] = [];
  for (const l of launches) {
    const range = { start: l.words[0].range.start, end: l.word.range.end };
    const oversubscribe = l.words.some((w) => /^--?oversubscribe$/.test(wordText(w)));
    if (l.count > tasks * cpus && !exclusive && !oversubscribe) {
      findings.push({
        code: ID,
        severity: 'warning',
        range,
        message: `${l.tool} starts ${l.count} tasks but the job asks for ${tasks}${cpus > 1 ? ` (of ${cpus} CPUs each)` : ''}: the allocation has no room for them, so the step is refused or waits. Make the counts agree, or launch with -n "$SLURM_NTASKS"`,
        fixes: [],
        data: { launched: l.count, allocated: tasks },
      });
    } else if (l.count < tasks && launchCommands === 1 && l.command.loops.length === 0 && l.command.functionName === undefined) {
      findings.push({
        code: ID,
        severity: 'hint',
        range,
        message: `${l.tool} starts ${l.count} tasks but the job asks for ${tasks}: the other ${tasks - l.count} stay idle for the whole run. Make the counts agree, or launch with -n "$SLURM_NTASKS"`,
        fixes: [],
        data: { launched: l.count, allocated: tasks },
      });
    }
  }
  return findings;
}

/**
 * CPUs asked for and CPUs used that disagree: `--cpus-per-task` above 1 that the body never passes
 * on to a program that needs to be told (hint), and `srun -n`/`mpirun -np` with a literal count above the allocation (warning) or, for
 * the script's only launch, below it (hint). Het jobs are left alone.
 */
export const threadsMismatch: Rule = {
  meta: { id: ID, description: 'CPUs per task never passed to the program, or a launch count that disagrees with --ntasks', defaultSeverity: 'hint', fixable: false, tip: 4 },
  check({ script, settings, shell }) {
    if (!shell || shell.status !== 'parsed' || script.shape || script.components.length > 1) return [];
    const requested = requestedOptions(script, settings);
    const findings: Finding[] = [];
    const cpus = lastRequested(requested, 'cpus-per-task');
    const count = wholeNumber(cpus?.value);
    if (cpus && count !== undefined && count > 1) {
      const f = unusedCpus(script, shell, cpus, count, settings.version);
      if (f) findings.push(f);
    }
    findings.push(...taskCountFindings(requested, shell));
    return findings;
  },
};
