import type { OptionSpec } from './types';

const NO_EXPANSION =
  'sbatch does not run #SBATCH lines through a shell, so `$HOME`, `$USER` or `~` stay literal text; use a relative path or a `%` pattern instead.';

/** Standard input, output, error and the working directory. */
export const IO_OPTIONS: OptionSpec[] = [
  {
    name: 'output',
    short: 'o',
    arg: 'required',
    value: 'filename-pattern',
    valueHint: 'filename pattern',
    env: ['SBATCH_OUTPUT'],
    documented: true,
    category: 'io',
    summary: "File for the job's standard output",
    description:
      "Sends the batch script's standard output to this file, and its standard error too unless `--error` is given. The default is `slurm-%j.out` (`slurm-%A_%a.out` for arrays) in the working directory. " +
      'Useful patterns: `%j` job ID, `%x` job name, `%A` array job ID, `%a` array index, `%u` user name, `%N` node name, `%%` a literal percent. ' +
      'The directory must exist before the job starts: if it does not, the job fails and no output file is written to tell you why. ' +
      NO_EXPANSION,
    example: '#SBATCH --output=logs/%x_%j.out',
  },
  {
    name: 'error',
    short: 'e',
    arg: 'required',
    value: 'filename-pattern',
    valueHint: 'filename pattern',
    env: ['SBATCH_ERROR'],
    documented: true,
    category: 'io',
    summary: "File for the job's standard error",
    description:
      'Sends standard error to its own file; without it, errors go to the same file as `--output`. It takes the same `%` patterns (`%j`, `%x`, `%A`, `%a`, ...). ' +
      'Keep the names consistent with `--output` (e.g. `logs/%x_%j.err`) so the two files of a run sort together. ' +
      'As with `--output`, a directory that does not exist makes the job fail without a log. ' +
      NO_EXPANSION,
    example: '#SBATCH --error=logs/%x_%j.err',
  },
  {
    name: 'input',
    short: 'i',
    arg: 'required',
    value: 'filename-pattern',
    valueHint: 'filename pattern',
    env: ['SBATCH_INPUT'],
    documented: true,
    category: 'io',
    summary: "File connected to the batch script's standard input",
    description:
      'Connects standard input of the batch script to this file; the default is `/dev/null`, and the value `none` means the same. ' +
      'It accepts the `%` patterns of `--output`, so an array task can read its own file with `inputs/sample_%a.txt`. ' +
      'Passing a file name as an argument to your program is usually clearer than redirecting stdin.',
    example: '#SBATCH --input=params/run_%a.txt',
  },
  {
    name: 'open-mode',
    arg: 'required',
    value: 'open-mode',
    valueHint: 'append|truncate',
    enumValues: ['append', 'truncate'],
    env: ['SBATCH_OPEN_MODE'],
    documented: true,
    category: 'io',
    summary: 'Append to or overwrite existing output and error files',
    description:
      '`truncate` starts the output and error files empty; `append` adds to them. The default comes from the JobFileAppend setting of the cluster (normally truncate). ' +
      '`append` is useful for jobs that requeue themselves after a checkpoint, so the log of every run is kept in one file. ' +
      'Only the first letter is looked at (`a` or `t`, any case); anything else is an error.',
    example: '#SBATCH --open-mode=append',
  },
  {
    name: 'chdir',
    short: 'D',
    arg: 'required',
    value: 'path',
    valueHint: 'directory',
    documented: true,
    category: 'io',
    summary: 'Working directory in which the batch script runs',
    description:
      'Changes to this directory before the script starts; by default the script runs where sbatch was called. A relative path is taken relative to that directory. ' +
      'Relative `--output`, `--error` and `--input` paths are resolved against it as well. ' +
      'Nothing checks that the directory exists at submission: if it is missing on the compute node, the script runs in `/tmp` instead, which is easy to miss. ' +
      NO_EXPANSION,
    example: '#SBATCH --chdir=/scratch/project/rnaseq',
  },
];
