/**
 * Reads `apptainer|singularity exec|run|shell [options] IMAGE [COMMAND ...]` out of the shell
 * model, for the container rules. Also finds the invocation behind a launcher (`srun apptainer
 * exec ...`, `mpirun -n 4 singularity run ...`), and resolves `$NAME`/`${NAME}` from assignments
 * in the script whose value does not depend on the run.
 */
import type { ShellAssignment, ShellCommand, ShellModel, ShellWord } from '../../shell/model';

/** The action verbs that start a container. */
const VERBS = new Set(['exec', 'run', 'shell']);

/** Options of exec/run/shell that take a value (the next word unless written `--opt=value`). */
const VALUE_OPTIONS = new Set([
  'add-caps', 'app', 'apply-cgroups', 'authfile', 'bind', 'blkio-weight', 'blkio-weight-device', 'cdi',
  'cpu-shares', 'cpus', 'cpuset-cpus', 'cpuset-mems', 'cwd', 'device', 'dns', 'docker-host', 'drop-caps',
  'env', 'env-file', 'fusemount', 'home', 'hostname', 'memory', 'memory-reservation', 'memory-swap', 'mount',
  'network', 'network-args', 'no-mount', 'overlay', 'pem-path', 'pids-limit', 'pwd', 'scratch', 'security',
  'shell', 'workdir',
]);

/** Short options of exec/run/shell that take a value, and the long name each stands for. */
const SHORT_VALUE_OPTIONS: Record<string, string> = { B: 'bind', H: 'home', o: 'overlay', S: 'scratch', W: 'workdir', s: 'shell' };

/** Global options written between `apptainer` and the verb that take a value. */
const GLOBAL_VALUE_OPTIONS = new Set(['-c', '--config']);

/** One option given to the verb, before the image. */
export interface ContainerOption {
  /** Long name without dashes (`bind` for `-B`), or the short letter when it has no known long name. */
  name: string;
  word: ShellWord;
  /** The value's text (after `=`, attached to a short option, or the next word). */
  valueText?: string;
  /** The word holding the value when it is the next word. */
  valueWord?: ShellWord;
}

/** One container start found in the script. */
export interface ContainerInvocation {
  command: ShellCommand;
  /** `apptainer` or `singularity`, as the program's base name. */
  tool: string;
  verb: ShellWord;
  options: ContainerOption[];
  image?: ShellWord;
  /** The words after the image: the command (exec) or the runscript's arguments (run). */
  rest: ShellWord[];
}

/** The base name of a word's static value (`/usr/bin/apptainer` -> `apptainer`). */
function baseName(word: ShellWord | undefined): string | undefined {
  const v = word?.value;
  return v === undefined ? undefined : v.slice(v.lastIndexOf('/') + 1);
}

/** Reads container options from `words[start]` on; returns them and the index of the first other word. */
export function readOptions(words: ShellWord[], start: number): { options: ContainerOption[]; next: number } {
  const options: ContainerOption[] = [];
  let i = start;
  while (i < words.length) {
    const word = words[i];
    const text = word.value ?? word.text;
    if (text === '--') return { options, next: i + 1 };
    if (!text.startsWith('-') || text === '-') break;
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = eq < 0 ? text.slice(2) : text.slice(2, eq);
      if (eq >= 0) options.push({ name, word, valueText: text.slice(eq + 1) });
      else if (VALUE_OPTIONS.has(name) && i + 1 < words.length) {
        options.push({ name, word, valueText: words[i + 1].value ?? words[i + 1].text, valueWord: words[i + 1] });
        i++;
      } else options.push({ name, word });
    } else {
      const letter = text[1];
      const long = SHORT_VALUE_OPTIONS[letter];
      if (long !== undefined && text.length > 2) options.push({ name: long, word, valueText: text.slice(2) });
      else if (long !== undefined && i + 1 < words.length) {
        options.push({ name: long, word, valueText: words[i + 1].value ?? words[i + 1].text, valueWord: words[i + 1] });
        i++;
      } else options.push({ name: long ?? letter, word });
    }
    i++;
  }
  return { options, next: i };
}

/** The container start among one command's words, if any (the first one only). */
function invocationOf(command: ShellCommand): ContainerInvocation | undefined {
  const words = command.name ? [command.name, ...command.args] : command.args;
  for (let k = 0; k < words.length; k++) {
    const tool = baseName(words[k]);
    if (tool !== 'apptainer' && tool !== 'singularity') continue;
    let v = k + 1;
    while (v < words.length && (words[v].value ?? '').startsWith('-')) v += GLOBAL_VALUE_OPTIONS.has(words[v].value ?? '') ? 2 : 1;
    const verb = words[v];
    if (verb === undefined || !VERBS.has(verb.value ?? '')) return undefined;
    const { options, next } = readOptions(words, v + 1);
    return { command, tool, verb, options, image: words[next], rest: words.slice(next + 1) };
  }
  return undefined;
}

/** Every `apptainer|singularity exec|run|shell` of the script, in source order. */
export function containerInvocations(shell: ShellModel): ContainerInvocation[] {
  const found: ContainerInvocation[] = [];
  for (const command of shell.commands) {
    const inv = invocationOf(command);
    if (inv) found.push(inv);
  }
  return found;
}

/** Options of exec/run/shell that set up the container (and make no sense to most programs). */
const CONTAINER_OPTIONS = new Set([
  'bind', 'mount', 'nv', 'nvccli', 'rocm', 'env', 'env-file', 'home', 'containall', 'contain', 'cleanenv',
  'writable', 'writable-tmpfs', 'fakeroot', 'overlay', 'pwd', 'workdir', 'no-home', 'no-mount', 'scratch',
]);

/**
 * For `run`, the words after the image are the runscript's arguments, and a runscript may have
 * its own `--env`, `--home` or `--workdir`: only options no program is likely to share count.
 */
const RUN_CONTAINER_OPTIONS = new Set(['bind', 'mount', 'nv', 'nvccli', 'rocm', 'containall', 'cleanenv', 'writable-tmpfs', 'fakeroot', 'no-home']);

/**
 * The container options written right after the image (before the first other word), which
 * apptainer does not read: container/bind-after-image reports them, and container/missing-bind
 * takes their binds as meant (so it does not report what moving them fixes).
 */
export function misplacedOptions(inv: ContainerInvocation): ContainerOption[] {
  const { options } = readOptions(inv.rest, 0);
  const known = inv.verb.value === 'run' ? RUN_CONTAINER_OPTIONS : CONTAINER_OPTIONS;
  const found: ContainerOption[] = [];
  for (const o of options) {
    if (!known.has(o.name)) break;
    found.push(o);
  }
  return found;
}

/** True when `a` ends before `b` starts. */
function before(a: ShellAssignment, command: ShellCommand): boolean {
  const s = a.range.start;
  const c = command.range.start;
  return s.line < c.line || (s.line === c.line && s.character < c.character);
}

/**
 * The value of variable `name` at `command`: the last assignment before it when every assignment
 * of that name in the script has a value that does not depend on the run (none appends, none is
 * an array, none is local to one command or function); undefined otherwise.
 */
export function staticVariable(shell: ShellModel, name: string, command: ShellCommand): string | undefined {
  const all = shell.assignments.filter((a) => a.name === name);
  if (all.length === 0 || all.some((a) => a.value === undefined || a.append || a.array || a.scope === 'prefix' || a.scope === 'local')) return undefined;
  const earlier = all.filter((a) => before(a, command));
  return earlier.length > 0 ? earlier[earlier.length - 1].value : undefined;
}

/** Marks, in {@link markUnknown}'s result, where a value that depends on the run stood. */
export const UNKNOWN = '\u0000';

/**
 * The word's text with double quotes removed and `$NAME`/`${NAME}` replaced by their static
 * values; every expansion that cannot be known becomes {@link UNKNOWN}. Undefined for words with
 * single quotes, backslashes or backquotes (not worth guessing).
 */
export function markUnknown(shell: ShellModel, word: ShellWord, command: ShellCommand): string | undefined {
  if (word.value !== undefined) return word.value;
  if (word.text.includes("'") || word.text.includes('\\') || word.text.includes('`')) return undefined;
  const unquoted = word.text.replace(/"/g, '');
  return unquoted
    .replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_match, braced?: string, plain?: string) => staticVariable(shell, braced ?? plain ?? '', command) ?? UNKNOWN)
    .replace(/\$/g, UNKNOWN);
}

/** True when the option is one of the GPU switches (`--nv`, `--nvccli`, `--rocm`). */
export function isGpuOption(name: string): boolean {
  return name === 'nv' || name === 'nvccli' || name === 'rocm';
}

/** Environment variables that set binds or GPU support for every container start. */
export const BIND_ENV = ['APPTAINER_BIND', 'APPTAINER_BINDPATH', 'SINGULARITY_BIND', 'SINGULARITY_BINDPATH'];
export const GPU_ENV = ['APPTAINER_NV', 'APPTAINER_NVCCLI', 'APPTAINER_ROCM', 'SINGULARITY_NV', 'SINGULARITY_NVCCLI', 'SINGULARITY_ROCM'];
