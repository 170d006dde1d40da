import type { OptionSpec } from './types';

/** What environment, limits and security context the job inherits. */
export const ENVIRONMENT_OPTIONS: OptionSpec[] = [
  {
    name: 'export',
    arg: 'required',
    value: 'export',
    valueHint: 'ALL | NONE | NIL | [ALL,]NAME[=value][,...]',
    enumValues: ['ALL', 'NONE', 'NIL'],
    env: ['SBATCH_EXPORT'],
    documented: true,
    category: 'environment',
    summary: 'Which environment variables of the submitting shell reach the job',
    description:
      '`ALL`, the default, copies your whole environment at submission time (loaded modules, an activated conda or virtualenv); convenient, but the job then depends on the shell you submitted from. ' +
      '`NONE` passes nothing else and makes Slurm build a login environment on the node (as `--get-user-env` does); `NIL` (from 23.02) passes nothing and builds nothing. ' +
      'A list passes only the named variables, with `NAME=value` to set one (`--export=REF=/data/hg38.fa,THREADS`); start it with `ALL,` to add to the full environment instead; `SLURM_*` variables are passed in every mode. ' +
      '`srun` steps inherit the setting; put `export SLURM_EXPORT_ENV=ALL` in the script if steps should see what the script itself set up.',
    example: '#SBATCH --export=NONE',
  },
  {
    name: 'export-file',
    arg: 'required',
    value: 'path',
    valueHint: 'file | fd',
    missingIn: ['23.11'],
    documented: true,
    category: 'environment',
    summary: 'Add environment variables read from a file or file descriptor',
    description:
      'Reads `NAME=value` entries separated by NUL characters from the file (or from an open file descriptor number of 3 or more) and adds them to the job environment. ' +
      'The NUL separator lets values contain newlines and other special characters; a file written by `env -0` has this format. ' +
      'sbatch 23.11 does not have the option (it was removed and then restored in 24.05), although the 23.11 man page still lists it.',
    example: '#SBATCH --export-file=job.env',
  },
  {
    name: 'get-user-env',
    arg: 'none',
    argChanges: [
      { since: '22.05', arg: 'optional' },
      { since: '25.05', arg: 'none' },
    ],
    value: 'get-user-env',
    valueHint: '[timeout][S|L] (up to 24.11)',
    env: ['SBATCH_GET_USER_ENV'],
    documented: true,
    category: 'environment',
    summary: "Load the job user's login environment on the node",
    description:
      "Has Slurm build the job environment from a login shell of the job's user (the user given with `--uid`, which only root may use); variables already in sbatch's own environment still take precedence. " +
      '`--export=NONE` and `--export` with a variable list turn it on implicitly. ' +
      'Up to 24.11 it took an optional value: a timeout in seconds (default 8) followed by `S` or `L` to run `su` without or with a login shell, e.g. `--get-user-env=10L`; from 25.05 it is a plain flag and a value is an error. ' +
      'If loading the environment fails or times out, the job is requeued and held.',
    example: '#SBATCH --get-user-env',
  },
  {
    name: 'propagate',
    arg: 'optional',
    value: 'propagate',
    valueHint: 'rlimit[,rlimit...]',
    enumValues: ['ALL', 'NONE', 'AS', 'CORE', 'CPU', 'DATA', 'FSIZE', 'MEMLOCK', 'NOFILE', 'NPROC', 'RSS', 'STACK'],
    documented: true,
    category: 'environment',
    summary: 'Which shell resource limits (ulimit) are copied to the job',
    description:
      'Copies the named soft limits of the submitting shell to the job; with no value all of them are copied. Names are `ALL`, `NONE`, `AS`, `CORE`, `CPU`, `DATA`, `FSIZE`, `MEMLOCK`, `NOFILE`, `NPROC`, `RSS` and `STACK`. ' +
      'Login nodes often have tight limits (virtual memory, processes, open files) that then silently apply to the job; `--propagate=NONE` keeps the compute node defaults. ' +
      'Without the option the cluster setting PropagateResourceLimits decides.',
    example: '#SBATCH --propagate=NONE',
    siteDependent: 'PropagateResourceLimits and PropagateResourceLimitsExcept in slurm.conf give the default.',
  },
  {
    name: 'context',
    arg: 'required',
    value: 'string',
    valueHint: 'selinux-context',
    documented: false,
    category: 'environment',
    summary: 'SELinux security context for the job (undocumented)',
    description:
      'Sets the SELinux context the job runs in. sbatch accepts it but the man page does not describe it. ' +
      'It only has an effect where Slurm was built with SELinux support; there the default is the context of the submitting process.',
    example: '#SBATCH --context=user_u:user_r:user_t:s0',
  },
];
