import type { OptionSpec } from './types';

/** What happens around the job's run: requeueing, node failures, OOM, reboots, node readiness. */
export const LIFECYCLE_OPTIONS: OptionSpec[] = [
  {
    name: 'requeue',
    arg: 'optional',
    argChanges: [
      { since: '22.05', arg: 'none' },
      { since: '25.11', arg: 'optional' },
    ],
    value: 'requeue',
    valueHint: '[expedite]',
    enumValues: ['expedite'],
    env: ['SBATCH_REQUEUE'],
    documented: true,
    category: 'scheduling',
    summary: 'Allow the job to be requeued after node failure or preemption',
    description:
      "Makes the job eligible to go back into the queue after a node failure, preemption or an administrator's requeue; it then restarts from the top of the script with the same job ID. The cluster default comes from JobRequeue. " +
      'The script must cope with running again: skip finished work or resume from a checkpoint, and consider `--open-mode=append` so the earlier log is kept. ' +
      'Up to 25.05 the option takes no value. From 25.11 `--requeue=expedite` asks for a requeued job to restart at once with top priority where the site enables expedited requeue; 25.11 ignores other values and 26.05 rejects them.',
    example: '#SBATCH --requeue',
    siteDependent: 'JobRequeue gives the default; expedite needs SlurmctldParameters=enable_expedited_requeue.',
  },
  {
    name: 'no-requeue',
    arg: 'none',
    value: 'flag',
    env: ['SBATCH_NO_REQUEUE'],
    documented: true,
    category: 'scheduling',
    summary: 'Never requeue the job',
    description:
      'The job is never put back in the queue: after a node failure or preemption it simply ends, and administrators cannot restart it either. ' +
      'Use it for work that must not run twice, such as a step that appends to a database or publishes results. ' +
      'A site that sets ForceRequeueOnFail in PrologFlags can still requeue it after a prolog failure.',
    example: '#SBATCH --no-requeue',
  },
  {
    name: 'no-kill',
    short: 'k',
    arg: 'optional',
    value: 'no-kill',
    valueHint: '[off]',
    enumValues: ['off'],
    env: ['SBATCH_NO_KILL'],
    documented: true,
    category: 'scheduling',
    summary: 'Keep the allocation alive if one of its nodes fails',
    description:
      'By default the whole job is killed when any of its nodes fails; with this option the allocation survives and the script can carry on with the remaining nodes. ' +
      'It does not protect running steps: an `srun` step on the failed node is still killed unless the step itself uses `--no-kill` or `SLURM_NO_KILL` is set. ' +
      '`--no-kill=off` cancels a `SBATCH_NO_KILL` set in the environment.',
    example: '#SBATCH --no-kill',
  },
  {
    name: 'oom-kill-step',
    arg: 'optional',
    value: 'oom-kill-step',
    valueHint: '[0|1]',
    enumValues: ['0', '1'],
    since: '24.11',
    documented: true,
    category: 'scheduling',
    summary: 'Kill the whole step when one of its tasks runs out of memory',
    description:
      'With `1` (also what the bare option means) an out-of-memory kill in any task ends the entire step; with `0` the other tasks keep running. ' +
      'Without the option the cluster setting (OOMKillStep in TaskPluginParam) applies. It covers every step of the job except the extern step. ' +
      'Killing the whole step avoids MPI runs that hang after one rank was killed.',
    example: '#SBATCH --oom-kill-step=1',
    siteDependent: 'Needs the task/cgroup plugin on cgroup v2.',
  },
  {
    name: 'reboot',
    arg: 'none',
    value: 'flag',
    documented: true,
    category: 'scheduling',
    summary: 'Reboot the allocated nodes before the job starts',
    description:
      'Asks Slurm to reboot every allocated node before starting the job. Only root, SlurmUser and administrators can reboot nodes, and only some configurations support it; otherwise the option is silently ignored.',
    example: '#SBATCH --reboot',
  },
  {
    name: 'wait-all-nodes',
    arg: 'required',
    value: 'zero-or-one',
    valueHint: '0|1',
    enumValues: ['0', '1'],
    env: ['SBATCH_WAIT_ALL_NODES'],
    documented: true,
    category: 'scheduling',
    summary: 'Start the script only when every allocated node is ready',
    description:
      '`1` delays the batch script until all allocated nodes are booted and ready; `0` starts it as soon as the first node is. ' +
      'It matters on clusters that power nodes down or boot them on demand (cloud bursting, power saving), where early `srun` steps could hit nodes that are still booting. ' +
      'Without the option the cluster setting (sbatch_wait_nodes in SchedulerParameters) decides.',
    example: '#SBATCH --wait-all-nodes=1',
  },
  {
    name: 'stepmgr',
    arg: 'none',
    value: 'flag',
    since: '24.05',
    documented: true,
    category: 'scheduling',
    summary: "Manage the job's steps from inside the job instead of the controller",
    description:
      'Turns on per-job step management: an extern slurmstepd in the job handles its steps instead of the central controller. ' +
      'It helps jobs that launch many `srun` steps, such as thousands of short tasks, and takes load off slurmctld. ' +
      'It requires PrologFlags=contain on the cluster, and `--resv-ports` depends on it.',
    example: '#SBATCH --stepmgr',
    siteDependent: 'Needs PrologFlags=contain; may already be enabled cluster-wide.',
  },
  {
    name: 'power',
    arg: 'required',
    value: 'power',
    valueHint: 'flag[,flag...]',
    enumValues: ['level'],
    env: ['SBATCH_POWER'],
    until: '23.11',
    documented: true,
    category: 'resources',
    summary: 'Flags for the power management plugin (removed in 24.05)',
    description:
      'Passed options to the power management plugin; the only documented flag was `level`, asking for identical power caps on all nodes of the job (unless the site set PowerParameters=job_no_level). ' +
      'The power management framework was removed in 24.05, and from then on sbatch reports the option as unrecognized. Drop it when moving a script to 24.05 or later.',
    example: '#SBATCH --power=level',
  },
];
