import type { OptionSpec } from './types';

/** Names, labels, accounting, profiling and mail notifications. */
export const ACCOUNTING_OPTIONS: OptionSpec[] = [
  {
    name: 'account',
    short: 'A',
    arg: 'required',
    value: 'name',
    valueHint: 'account',
    env: ['SBATCH_ACCOUNT'],
    documented: true,
    category: 'accounting',
    summary: 'Account (project or allocation) to charge the job to',
    description:
      'Charges the resources the job uses to this account. Without it your default account is used; `sacctmgr show assoc user=$USER format=account,partition` lists the ones you belong to. ' +
      'Where the site enforces associations, an account you are not a member of (or one not allowed on the partition) gets the job refused at submission. ' +
      'Researchers on several projects should set it explicitly so usage lands on the right grant. It can be changed later with scontrol.',
    example: '#SBATCH --account=proj_genomics',
    siteDependent: 'Account names and their partition/QOS associations live in the site Slurm database.',
  },
  {
    name: 'job-name',
    short: 'J',
    arg: 'required',
    value: 'string',
    valueHint: 'name',
    env: ['SBATCH_JOB_NAME'],
    documented: true,
    category: 'accounting',
    summary: 'Name of the job in squeue, sacct and output file names',
    description:
      'The name shown by squeue and sacct, substituted for `%x` in `--output`/`--error`, and the key for `--dependency=singleton`. ' +
      'The default is the file name of the script (`sbatch` when the script comes from standard input, `wrap` with `--wrap`). ' +
      'Quote names containing spaces: an unquoted space in an #SBATCH line makes sbatch reject the script. Short, descriptive names such as `bwa_S12` make jobs easy to find.',
    example: '#SBATCH --job-name=alphafold_msa',
  },
  {
    name: 'comment',
    arg: 'required',
    value: 'string',
    valueHint: 'text',
    documented: true,
    category: 'accounting',
    summary: 'Free-text comment stored with the job',
    description:
      'Attaches arbitrary text to the job, visible with `squeue -o %k` and `scontrol show job`. ' +
      'Quote it if it contains spaces; an unquoted space in an #SBATCH line makes sbatch reject the script. ' +
      'Whether sacct can show it later depends on the site storing job comments in accounting.',
    example: '#SBATCH --comment="rerun of sample S12 after QC"',
    siteDependent: 'Kept in the accounting database only with AccountingStoreFlags=job_comment.',
  },
  {
    name: 'extra',
    arg: 'required',
    value: 'string',
    valueHint: 'text',
    since: '23.02',
    documented: true,
    category: 'accounting',
    summary: 'Arbitrary extra text, usable for node filtering on some sites',
    description:
      'Stores a string with the job. Where the site enables SchedulerParameters=extra_constraints, the scheduler uses it as an expression to filter nodes by their Extra field; elsewhere it is plain metadata. ' +
      'Quote it if it contains spaces or special characters.',
    example: '#SBATCH --extra="pipeline=rnaseq"',
    siteDependent: 'Node filtering needs SchedulerParameters=extra_constraints.',
  },
  {
    name: 'mcs-label',
    arg: 'required',
    value: 'string',
    valueHint: 'label',
    documented: true,
    category: 'accounting',
    summary: 'Security label for the MCS plugin',
    description:
      'Used only when the site runs a multi-category security (MCS) plugin, which controls which jobs may share nodes or see each other. ' +
      'With mcs/group it is one of your groups; with mcs/label any label string. No label is assigned by default.',
    example: '#SBATCH --mcs-label=lab_smith',
    siteDependent: 'Meaningful only with an MCSPlugin configured.',
  },
  {
    name: 'wckey',
    arg: 'required',
    value: 'name',
    valueHint: 'wckey',
    env: ['SBATCH_WCKEY'],
    documented: true,
    category: 'accounting',
    summary: 'Workload characterization key for accounting reports',
    description:
      'Tags the job with a key for accounting reports, independent of the account, e.g. to split one grant by sub-project. ' +
      'It is ignored unless the site sets TrackWCKey=yes.',
    example: '#SBATCH --wckey=variant_calling',
    siteDependent: 'Only recorded when TrackWCKey=yes; keys may be restricted by the site.',
  },
  {
    name: 'profile',
    arg: 'required',
    value: 'profile',
    valueHint: 'all | none | type[,type...]',
    enumValues: ['none', 'all', 'task', 'energy', 'lustre', 'network'],
    env: ['SBATCH_PROFILE'],
    documented: true,
    category: 'accounting',
    summary: 'Collect detailed time-series profiling data for the job',
    description:
      'Turns on the acct_gather_profile plugin for the job: `task` records CPU, memory and I/O of each task over time, and `energy`, `lustre` and `network` (InfiniBand) add those sources; `all` and `none` cannot be combined with others. ' +
      'Sampling intervals come from `--acctg-freq`. ' +
      'Handy for seeing how memory grows during an assembly or training run; ask the site where the data goes (HDF5 files or InfluxDB).',
    example: '#SBATCH --profile=task',
    siteDependent: 'Needs an acct_gather_profile plugin configured by the site.',
  },
  {
    name: 'acctg-freq',
    arg: 'required',
    value: 'acctg-freq',
    valueHint: 'seconds | type=seconds[,type=seconds...]',
    enumValues: ['task=', 'energy=', 'network=', 'filesystem='],
    env: ['SBATCH_ACCTG_FREQ'],
    documented: true,
    category: 'accounting',
    summary: 'Sampling intervals for accounting and profiling, in seconds',
    description:
      '`task=N` sets how often task usage is sampled (default 30 seconds; a bare number means the same), and `energy=`, `network=` and `filesystem=` set the profiling intervals (default 0, off). ' +
      'The task interval is also how often memory use is checked, so where memory limits are enforced this way it cannot be made longer than the site setting. ' +
      'Very short intervals add overhead; `task=0` collects only at the end of the job.',
    example: '#SBATCH --acctg-freq=task=10',
    siteDependent: 'JobAcctGatherFrequency gives the defaults and limits.',
  },
  {
    name: 'mail-type',
    arg: 'required',
    value: 'mail-type',
    valueHint: 'type[,type...]',
    enumValues: [
      'NONE',
      'BEGIN',
      'END',
      'FAIL',
      'REQUEUE',
      'ALL',
      'INVALID_DEPEND',
      'STAGE_OUT',
      'TIME_LIMIT',
      'TIME_LIMIT_90',
      'TIME_LIMIT_80',
      'TIME_LIMIT_50',
      'ARRAY_TASKS',
    ],
    documented: true,
    category: 'notification',
    summary: 'Job events that trigger an e-mail',
    description:
      'A comma list of `BEGIN`, `END`, `FAIL`, `REQUEUE`, `INVALID_DEPEND`, `STAGE_OUT`, `TIME_LIMIT`, `TIME_LIMIT_50`/`_80`/`_90` and `ARRAY_TASKS`; `ALL` means BEGIN, END, FAIL, INVALID_DEPEND, REQUEUE and STAGE_OUT (not the time-limit warnings), and `NONE` turns mail off. ' +
      'For an array, one mail covers the whole array unless `ARRAY_TASKS` is given, and then a 1000-task array sends thousands of e-mails. ' +
      'Unknown words are ignored without a message; only a value with no valid word is an error. ' +
      'When the option is repeated, versions up to 24.11 combine the values and 25.05 onwards keep only the last.',
    example: '#SBATCH --mail-type=END,FAIL',
  },
  {
    name: 'mail-user',
    arg: 'required',
    value: 'mail-user',
    valueHint: 'address',
    documented: true,
    category: 'notification',
    summary: 'E-mail address that receives job notifications',
    description:
      'Where the messages chosen with `--mail-type` are sent; without `--mail-type` nothing is sent. ' +
      'The default is the submitting user; a bare user name gets the site MailDomain appended. ' +
      'Use an address you read: mail to a local account on the cluster is easily lost.',
    example: '#SBATCH --mail-user=jane.doe@example.org',
    siteDependent: 'MailDomain and MailProg in slurm.conf decide how addresses are completed and delivered.',
  },
];
