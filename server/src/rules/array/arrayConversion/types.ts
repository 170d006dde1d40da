/**
 * Values shared by the parts of the submit-loop conversion: how a task finds its value, why a
 * loop cannot be converted, and offset edits in the driver text.
 */

/**
 * Why a loop gets no conversion. Also stored in the finding's `data.noFix` when the submit
 * script alone shows it, so the docs' table and the editor can say why.
 */
export type NoFixReason =
  | 'nested-loop' // the sbatch loop runs inside another loop
  | 'wrap' // `sbatch --wrap`: no job script to turn into an array script
  | 'no-job-script' // the script comes from standard input, or cannot be found on the line
  | 'job-script-varies' // the script's name depends on the loop or the run
  | 'loop-values' // the loop's values cannot be listed (no count, a `while` without `read`, a here-string...)
  | 'empty-loop' // the loop never runs
  | 'loop-body' // the body does more than submit (other commands, conditions, several sbatch)
  | 'loop-placement' // the loop shares its line with other commands, is piped on or backgrounded
  | 'job-id-used' // the job id captured in the loop is used (a chain or a list of ids)
  | 'option-uses-loop' // an option other than --export/--output/--error/--job-name uses the loop's values
  | 'driver-variable' // a word that moves into the job reads a variable only the driver has
  | 'unreadable-job-script' // the job script could not be read
  | 'job-script-array' // the job script already asks for an array
  | 'job-script-shell'; // the job script does not run in bash (or sh, for the plain cases)

/** A refusal: why, in one of the reasons above, with a sentence for the docs and logs. */
export interface NoFix {
  reason: NoFixReason;
  detail: string;
}

/** A replacement of text in the driver between two offsets. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * How each task finds the value(s) the loop gave its round:
 * - `numbers`: the loop counts (`{1..10}`, `seq 3 2 11`, `for ((...))`): value = first + index*step;
 * - `values`: a fixed list (`a 'b c' d`, `{x,y}`, a literal array): value = values[index];
 * - `lines`: the values are known only when the driver runs (a glob, `$(cat list)`, the lines
 *   of a sample sheet): the driver writes them one per line into a list file (or the loop's input
 *   file is that list) and task N reads line N.
 */
export type TaskValues =
  | { kind: 'numbers'; first: number; step: number; count: number }
  | { kind: 'values'; values: string[] }
  | {
      kind: 'lines';
      /** Where the lines come from: the loop's input file itself, or a list the driver writes first. */
      list: { kind: 'file'; path: string } | { kind: 'written'; write: (listWord: string) => string[] };
      /** For `while read` loops: the loop's `read` command as written (variables, options, IFS prefix). */
      readCommand?: string;
    };

/** What the conversion learned about a loop and its one sbatch call from the submit script alone. */
export interface LoopReading {
  /** The names the loop sets each round (the loop variable, or the `read` variables). */
  variables: string[];
  values: TaskValues;
  /** The driver text the conversion replaces: the loop (with the pipeline stage feeding it and its input redirect). */
  replace: { start: number; end: number };
  /** The loop's first line, trimmed, for a comment in the array script. */
  header: string;
  /** True when the job needs bash for what the loop did (arrays, `read < <(...)`). */
  needsBash: boolean;
}
