/** Small readers over the shell model shared by the resource and I/O rules. */
import type { ShellCommand, ShellWord } from '../../shell/model';

/** The base name of a word's static value (`/usr/bin/srun` -> `srun`); undefined when it depends on the run. */
export function programName(word: ShellWord | undefined): string | undefined {
  const v = word?.value;
  return v === undefined ? undefined : v.slice(v.lastIndexOf('/') + 1);
}

/** The command's name followed by its arguments. */
export function commandWords(command: ShellCommand): ShellWord[] {
  return command.name ? [command.name, ...command.args] : [...command.args];
}

/** The static value of a word, else its source text. */
export function wordText(word: ShellWord): string {
  return word.value ?? word.text;
}

/** True for `python`, `python3`, `python3.11`. */
export function isPython(name: string | undefined): boolean {
  return name !== undefined && /^python(\d+(\.\d+)?)?$/.test(name);
}

/**
 * Programs that start other programs with their own arguments in front (`srun -n 4 prog`,
 * `time prog`): a rule looking for `prog` looks past them.
 */
export const LAUNCHERS = new Set([
  'srun', 'mpirun', 'mpiexec', 'time', 'env', 'nohup', 'stdbuf', 'numactl', 'taskset', 'timeout', 'exec', 'nice', 'ionice', 'chrt',
]);

/**
 * The index in `words` where the launched program's name may be: 0 for a plain command; for a
 * launcher (possibly several in a row), every later word may be it, since the launcher's own
 * options and their values are not known here. Returns the indices of candidate program names.
 */
export function programPositions(words: ShellWord[]): number[] {
  if (words.length === 0) return [];
  if (!LAUNCHERS.has(programName(words[0]) ?? '')) return [0];
  return words.map((_, i) => i);
}
