import type { OptionSpec } from './types';

const DATETIME_WORDS = ['now+', 'today', 'tomorrow', 'midnight', 'noon', 'teatime', 'fika', 'elevenses'];

/** Time limits, start times, deadlines and end-of-job signals. */
export const TIME_OPTIONS: OptionSpec[] = [
  {
    name: 'time',
    short: 't',
    arg: 'required',
    value: 'time',
    valueHint: '[days-]hours:minutes:seconds',
    env: ['SBATCH_TIMELIMIT'],
    documented: true,
    category: 'time',
    summary: 'Wall-clock limit for the job',
    description:
      "When the job has run this long its steps get SIGTERM and, after the site's KillWait grace period, SIGKILL. " +
      'Formats are `minutes`, `minutes:seconds`, `hours:minutes:seconds`, `days-hours`, `days-hours:minutes` and `days-hours:minutes:seconds`: `--time=90` is 90 minutes, and `--time=1:30` is 1 minute 30 seconds, not an hour and a half. ' +
      '`0`, `UNLIMITED` or `INFINITE` ask for no limit, which few partitions allow. ' +
      "A limit above the partition's MaxTime leaves the job pending indefinitely, while a realistic, shorter limit helps the backfill scheduler start it sooner. Without it the partition's default applies.",
    example: '#SBATCH --time=1-12:00:00',
    siteDependent: 'DefaultTime and MaxTime of the partition (and QOS limits) decide the default and the ceiling.',
  },
  {
    name: 'time-min',
    arg: 'required',
    value: 'time',
    valueHint: '[days-]hours:minutes:seconds',
    documented: true,
    category: 'time',
    summary: 'Shortest time limit the scheduler may cut --time down to',
    description:
      "Lets the backfill scheduler lower the job's `--time` to any value down to this one if that lets the job start earlier; the limit is fixed once the job starts. " +
      'Same formats as `--time`. ' +
      'It suits jobs that checkpoint and can use whatever slot they get; read the granted limit inside the job (e.g. `squeue -h -j $SLURM_JOB_ID -o %l`) rather than assuming `--time`.',
    example: '#SBATCH --time-min=04:00:00',
  },
  {
    name: 'begin',
    short: 'b',
    arg: 'required',
    value: 'datetime',
    valueHint: 'time | date[Ttime] | now+count[units]',
    enumValues: DATETIME_WORDS,
    documented: true,
    category: 'time',
    summary: 'Earliest time the job may start',
    description:
      'The job is submitted at once but is not considered for scheduling before this time. ' +
      'Accepted forms include a time of day (`16:00`, meaning its next occurrence), a date (`YYYY-MM-DD`, `MM/DD[/YY]`, `MMDD[YY]`), both joined by `T` (`2025-03-01T08:00`), a relative time such as `now+2hours` (seconds by default; minutes, hours, days, weeks), and the words `today`, `tomorrow`, `midnight`, `noon`, `fika` (3 PM), `teatime` (4 PM) and, from 24.05, `elevenses` (11 AM). ' +
      'The scheduler works in cycles, so the actual start can lag the requested second. The value can be changed after submission with scontrol.',
    example: '#SBATCH --begin=now+2hours',
  },
  {
    name: 'deadline',
    arg: 'required',
    value: 'datetime',
    valueHint: 'date[Ttime] | now+count[units]',
    enumValues: DATETIME_WORDS,
    documented: true,
    category: 'time',
    summary: 'Remove the job if it cannot finish before this time',
    description:
      'Slurm removes the job when it can no longer end by this time, that is when it has not started by the deadline minus its time limit (`--time-min` if given, else `--time`). ' +
      'It takes the same forms as `--begin`, and sbatch rejects a deadline earlier than the `--begin` time. ' +
      "If the partition defines neither DefaultTime nor MaxTime the job must set `--time` for the deadline to work. Useful when results are worthless after a fixed date.",
    example: '#SBATCH --deadline=2025-06-30T18:00:00',
  },
  {
    name: 'signal',
    arg: 'required',
    value: 'signal',
    valueHint: '[{R|B}:]signal[@seconds]',
    enumValues: ['B:USR1', 'B:USR2', 'B:TERM', 'USR1', 'USR2', 'TERM', 'INT'],
    env: ['SBATCH_SIGNAL'],
    documented: true,
    category: 'time',
    summary: 'Send a signal a given number of seconds before the time limit',
    description:
      'Sends `signal` (a name such as `USR1` or a number) this many seconds before the time limit; the default lead is 60 seconds and delivery can be up to a minute early. ' +
      'Without a prefix only job steps started with `srun` are signalled, not the batch script; `B:` signals only the batch shell, which is what a `trap` in the script needs. ' +
      'With `B:` a program run directly by the script does not get the signal: start it in the background, `wait` for it, and forward the signal from the trap. ' +
      'Typical use: `--signal=B:USR1@300` to save a training checkpoint and requeue. `R:` lets the job overlap a reservation that has MaxStartDelay set.',
    example: '#SBATCH --signal=B:USR1@300',
  },
  {
    name: 'delay-boot',
    arg: 'required',
    value: 'time-seconds',
    valueHint: 'time',
    env: ['SBATCH_DELAY_BOOT'],
    documented: true,
    category: 'time',
    summary: 'How long to wait for ready nodes before rebooting others to get features',
    description:
      'When the job asks for node features that need a reboot to change, Slurm uses only nodes that already have them until the job has been eligible this long, and only then reboots other nodes. ' +
      'It accepts the `--time` formats; a bare number is minutes. ' +
      'Without it the administrator default (`delay_boot` in SchedulerParameters) applies, otherwise zero.',
    example: '#SBATCH --delay-boot=30',
    siteDependent: 'Only relevant on clusters with node features that need a reboot (a NodeFeatures plugin).',
  },
];
