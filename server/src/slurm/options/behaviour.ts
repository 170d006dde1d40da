import type { OptionSpec } from './types';

/**
 * NOTE: sbatch handles help, usage, version, verbose, quiet and wrap in an early pass over the
 * command line only. In the pass that reads #SBATCH lines they are skipped without a message
 * (checked with sbatch 22.05 and in slurm_opt.c:slurm_process_option on master).
 */
const IGNORED_IN_SCRIPT = 'In an #SBATCH line it is silently ignored: sbatch only acts on it on the command line.';

/** Options about sbatch itself: messages, output, waiting, testing, and submitting without a script. */
export const BEHAVIOUR_OPTIONS: OptionSpec[] = [
  {
    name: 'help',
    commandLineOnly: true,
    short: 'h',
    arg: 'none',
    value: 'flag',
    documented: true,
    category: 'behaviour',
    summary: 'Print the list of sbatch options and exit',
    description: `Prints a summary of every option and exits without submitting. ${IGNORED_IN_SCRIPT}`,
    example: '#SBATCH --help',
  },
  {
    name: 'usage',
    commandLineOnly: true,
    arg: 'none',
    value: 'flag',
    documented: true,
    category: 'behaviour',
    summary: 'Print a short usage message and exit',
    description: `Prints a brief synopsis of the command line and exits without submitting. ${IGNORED_IN_SCRIPT}`,
    example: '#SBATCH --usage',
  },
  {
    name: 'version',
    commandLineOnly: true,
    short: 'V',
    arg: 'none',
    value: 'flag',
    documented: true,
    category: 'behaviour',
    summary: 'Print the Slurm version of sbatch and exit',
    description:
      'Prints the Slurm version and exits without submitting; `sbatch --version` is the quickest way to learn which series your cluster runs, which decides what options exist. ' +
      IGNORED_IN_SCRIPT,
    example: '#SBATCH --version',
  },
  {
    name: 'verbose',
    commandLineOnly: true,
    short: 'v',
    arg: 'none',
    value: 'flag',
    env: ['SBATCH_DEBUG'],
    documented: true,
    category: 'behaviour',
    summary: "Print more of sbatch's informational messages",
    description:
      'Each use raises the detail of the messages sbatch prints while submitting (`-vv` for more); with one `-v` it lists every option it ended up with, which is a good way to check how #SBATCH lines, environment and command line combined. ' +
      IGNORED_IN_SCRIPT +
      ' `SBATCH_DEBUG` in the environment does work.',
    example: '#SBATCH --verbose',
  },
  {
    name: 'quiet',
    commandLineOnly: true,
    short: 'Q',
    arg: 'none',
    value: 'flag',
    documented: true,
    category: 'behaviour',
    summary: 'Print only errors, not the submitted job ID',
    description:
      'Suppresses informational messages, including the "Submitted batch job" line, so only errors are printed. To capture the job ID in a script use `--parsable` instead. ' +
      IGNORED_IN_SCRIPT,
    example: '#SBATCH --quiet',
  },
  {
    name: 'parsable',
    arg: 'none',
    value: 'flag',
    documented: true,
    category: 'behaviour',
    summary: 'Print only the job ID (and cluster), for use in scripts',
    description:
      'Prints just `jobid` (or `jobid;cluster`) instead of "Submitted batch job N"; errors are still shown. ' +
      'It is the standard way to chain jobs: `jid=$(sbatch --parsable step1.sh)` and then `sbatch --dependency=afterok:$jid step2.sh`. ' +
      'It also takes effect in an #SBATCH line, but it is clearer on the command line where the output is captured.',
    example: '#SBATCH --parsable',
  },
  {
    name: 'wait',
    short: 'W',
    arg: 'none',
    value: 'flag',
    env: ['SBATCH_WAIT'],
    documented: true,
    category: 'behaviour',
    summary: 'Do not return until the job has finished',
    description:
      "sbatch blocks until the job ends and exits with the job's exit code (1 if the job was ended by a signal; the highest code across tasks for an array). " +
      'Useful in workflow tools and CI that must wait for a result. It also works from an #SBATCH line, which then makes every plain `sbatch script.sh` block, so it is usually better on the command line.',
    example: '#SBATCH --wait',
  },
  {
    name: 'test-only',
    arg: 'none',
    value: 'flag',
    documented: true,
    category: 'behaviour',
    summary: 'Check the script and estimate a start time without submitting',
    description:
      'Validates the request with the controller and prints when the job would be expected to start; no job is created. ' +
      'It catches requests no node can satisfy, and can be stricter than a real submission, which might be accepted and then pend. ' +
      'It also takes effect from an #SBATCH line, where it is easy to forget: the script then never actually gets submitted.',
    example: '#SBATCH --test-only',
  },
  {
    name: 'wrap',
    commandLineOnly: true,
    arg: 'required',
    value: 'command',
    valueHint: '"command string"',
    documented: true,
    category: 'behaviour',
    summary: 'Submit a one-line command instead of a script file',
    description:
      'sbatch wraps the command in a small `sh` script and submits that, e.g. `sbatch -c 8 --mem=16G --wrap="samtools sort -@ 8 -o out.bam in.bam"`; the default job name becomes `wrap`. ' +
      'No script file or script arguments may be given with it. ' +
      IGNORED_IN_SCRIPT,
    example: '#SBATCH --wrap="python train.py --epochs 10"',
  },
  {
    name: 'autocomplete',
    arg: 'required',
    value: 'string',
    valueHint: 'partial-option',
    since: '23.02',
    documented: false,
    category: 'behaviour',
    summary: 'Print option names completing a prefix and exit (for shell completion)',
    description:
      'Used by the bash completion script shipped with Slurm: prints the options that complete the given text and exits. The man page does not document it. ' +
      'Unlike `--help`, it is not confined to the command line: in an #SBATCH line it prints the completions and makes sbatch exit successfully without submitting the job.',
    example: '#SBATCH --autocomplete=--mem',
  },
  {
    name: 'ignore-pbs',
    arg: 'none',
    value: 'flag',
    env: ['SBATCH_IGNORE_PBS'],
    documented: true,
    category: 'behaviour',
    summary: 'Ignore #PBS and #BSUB lines in the script',
    description:
      'sbatch normally translates `#PBS` (and `#BSUB`) directives of scripts written for other schedulers; this turns that off. ' +
      'It works from an #SBATCH line too, because the translation happens after the #SBATCH lines are read. ' +
      'Use it when a script ported from PBS/Torque still carries old `#PBS` lines that would otherwise change the request.',
    example: '#SBATCH --ignore-pbs',
  },
  {
    name: 'external',
    arg: 'none',
    value: 'flag',
    since: '25.05',
    documented: false,
    category: 'behaviour',
    summary: 'Submit an external job with no batch script or environment (undocumented)',
    description:
      'Creates an allocation whose work is started by something outside Slurm: no batch script and no environment are sent, and no node Prolog or Epilog runs for it. The man page does not document it. ' +
      'sbatch decides whether to read a script before it reads #SBATCH lines, so the flag belongs on the command line (where it cannot be combined with a script or `--wrap`); in a script it would produce an external job that still carries a script, which the development branch rejects.',
    example: '#SBATCH --external',
  },
  {
    name: 'uid',
    arg: 'required',
    value: 'user',
    valueHint: 'user',
    documented: true,
    category: 'behaviour',
    summary: 'Submit the job as another user (root only)',
    description:
      'Only root may use it: sbatch submits and runs the job as the named user (name or numeric ID); anyone else gets an error. ' +
      'From 25.05 the nobody user is refused, and the 26.05 man page marks the option deprecated.',
    example: '#SBATCH --uid=jdoe',
  },
  {
    name: 'gid',
    arg: 'required',
    value: 'group',
    valueHint: 'group',
    documented: true,
    category: 'behaviour',
    summary: 'Submit the job with another group (root only)',
    description:
      "Only root may use it: the job gets the given group's permissions (name or numeric ID); anyone else gets an error. " +
      'From 25.05 the nobody group is refused, and the 26.05 man page marks the option deprecated.',
    example: '#SBATCH --gid=genomics',
  },
];
