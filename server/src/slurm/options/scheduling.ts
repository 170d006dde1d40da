import type { OptionSpec } from './types';

/** Where and when the job is queued: partitions, QOS, dependencies, arrays, priority and sharing. */
export const SCHEDULING_OPTIONS: OptionSpec[] = [
  {
    name: 'partition',
    short: 'p',
    arg: 'required',
    value: 'name',
    valueHint: 'partition[,partition...]',
    env: ['SBATCH_PARTITION'],
    documented: true,
    category: 'scheduling',
    summary: 'Partition (queue) to run the job in',
    description:
      'Chooses the partition; with a comma list the job starts in whichever listed partition can run it first. Without it the cluster default partition is used. ' +
      'Partitions differ in time limits, node types (GPU, large memory) and in who may use them; `sinfo -s` lists them. ' +
      '`SBATCH_PARTITION` set in your shell overrides the #SBATCH line, which can make a script behave differently from one login to the next.',
    example: '#SBATCH --partition=gpu',
    siteDependent: 'Partition names, their limits and access rules are defined by each site.',
  },
  {
    name: 'qos',
    short: 'q',
    arg: 'required',
    value: 'name',
    valueHint: 'qos[,qos...]',
    env: ['SBATCH_QOS'],
    documented: true,
    category: 'scheduling',
    summary: 'Quality of service: a named set of limits and priority',
    description:
      'Requests a QOS, which sets priority and limits such as maximum run time, GPUs or jobs per user. A comma list is tried in order, the first being preferred. ' +
      'Sites often offer QOS levels such as a short high-priority debug QOS or a long low-priority one; `sacctmgr show assoc user=$USER format=qos` shows which you may use. ' +
      'A QOS you are not entitled to is rejected when the site enforces QOS limits.',
    example: '#SBATCH --qos=short',
    siteDependent: 'QOS names, limits and who may use them are set in the Slurm database.',
  },
  {
    name: 'reservation',
    arg: 'required',
    value: 'name',
    valueHint: 'reservation[,reservation...]',
    env: ['SBATCH_RESERVATION'],
    documented: true,
    category: 'scheduling',
    summary: 'Advance reservation to run the job in',
    description:
      'Runs the job on resources an administrator reserved, for example for a course, a workshop or a deadline. With several names, each is considered in the order given. ' +
      'The job can only start inside the reservation window and on its nodes; `scontrol show reservation` lists active ones and who may use them.',
    example: '#SBATCH --reservation=workshop_gpu',
    siteDependent: 'Reservations are created by administrators and may be limited to certain users or accounts.',
  },
  {
    name: 'dependency',
    short: 'd',
    arg: 'required',
    value: 'dependency',
    valueHint: 'type:jobid[:jobid...][,type:jobid...]',
    enumValues: ['afterok:', 'afterany:', 'afternotok:', 'after:', 'aftercorr:', 'afterburstbuffer:', 'singleton'],
    documented: true,
    category: 'scheduling',
    summary: 'Start only after other jobs reach a given state',
    description:
      'Types: `afterok` (ended with exit code 0), `afternotok` (failed), `afterany` (ended in any way), `after` (started or was cancelled, optionally `+minutes`), `aftercorr` (the array task with the same index succeeded), `afterburstbuffer`, and `singleton` (no other job of yours with this name is running). ' +
      'Join conditions with `,` (all must hold) or `?` (any one), but not both. ' +
      'Chain steps from the shell with `jid=$(sbatch --parsable align.sh)` then `sbatch --dependency=afterok:$jid call_variants.sh`; a `$jid` inside an #SBATCH line is not expanded. ' +
      'If a condition can never be met, for instance `afterok` on a failed job, the job stays pending with reason DependencyNeverSatisfied unless `--kill-on-invalid-dep=yes` is set.',
    example: '#SBATCH --dependency=afterok:123456',
  },
  {
    name: 'kill-on-invalid-dep',
    arg: 'required',
    value: 'yes-no',
    valueHint: 'yes|no',
    enumValues: ['yes', 'no'],
    documented: true,
    category: 'scheduling',
    summary: 'Cancel the job when its dependency can never be satisfied',
    description:
      '`yes` cancels a job whose dependency has become impossible; `no` leaves it pending with reason DependencyNeverSatisfied. ' +
      'Without the option the cluster default applies (pending, unless the site enables kill_invalid_depend). ' +
      '`yes` stops a pipeline from leaving stale jobs in the queue after an upstream step fails.',
    example: '#SBATCH --kill-on-invalid-dep=yes',
  },
  {
    name: 'array',
    short: 'a',
    arg: 'required',
    value: 'array',
    valueHint: 'indexes[:step][%max-running]',
    env: ['SBATCH_ARRAY_INX'],
    documented: true,
    category: 'scheduling',
    summary: 'Submit a job array: many tasks from one script',
    description:
      'Runs the script once per index; each task finds its index in `$SLURM_ARRAY_TASK_ID`, e.g. to pick the n-th sample from a list. ' +
      'Indexes are ranges and lists (`0-99`, `1,5,10-20`, `0-99:10`), and `%N` caps how many tasks run at once (`1-500%20`). ' +
      "The highest index must be below the cluster's MaxArraySize (1001 by default, so 1000 is the largest). " +
      'Put `%A` (array job ID) and `%a` (task index) in `--output` so tasks do not overwrite each other. One array is much lighter on the scheduler than a loop of sbatch calls.',
    example: '#SBATCH --array=1-96%12',
    siteDependent: 'MaxArraySize and MaxJobCount limit the size of arrays.',
  },
  {
    name: 'priority',
    arg: 'required',
    value: 'priority',
    valueHint: 'integer | TOP',
    enumValues: ['TOP'],
    documented: true,
    category: 'scheduling',
    summary: 'Set a specific job priority (operators and administrators only)',
    description:
      'Requests a fixed priority value, or `TOP` for the highest possible. Only Slurm operators and administrators may set it; for anyone else the controller quietly ignores the value. ' +
      'To lower the priority of your own jobs use `--nice` instead.',
    example: '#SBATCH --priority=TOP',
  },
  {
    name: 'nice',
    arg: 'optional',
    value: 'nice',
    valueHint: 'adjustment',
    documented: true,
    category: 'scheduling',
    summary: 'Lower (or, with privileges, raise) the scheduling priority',
    description:
      'Subtracts the adjustment from the priority Slurm computes; without a value it subtracts 100. ' +
      'Only operators and administrators may give a negative value (others get an invalid nice error); the range is plus or minus 2147483645. ' +
      'Handy for letting your own urgent jobs overtake a large batch of low-priority ones. Write the value with `=`: in an #SBATCH line `--nice 500` makes sbatch reject the script (Invalid directive).',
    example: '#SBATCH --nice=500',
  },
  {
    name: 'hold',
    short: 'H',
    arg: 'none',
    value: 'flag',
    documented: true,
    category: 'scheduling',
    summary: 'Submit the job in a held state',
    description:
      'The job is queued with priority zero and will not start until released with `scontrol release <jobid>`. ' +
      'Useful for queueing a whole pipeline and checking it before letting it run. ' +
      'A held job skips some submission checks (for example whether any node has the requested memory), so an impossible request may only show up after release.',
    example: '#SBATCH --hold',
  },
  {
    name: 'clusters',
    short: 'M',
    arg: 'required',
    value: 'clusters',
    valueHint: 'cluster[,cluster...] | all',
    enumValues: ['all'],
    env: ['SBATCH_CLUSTERS', 'SLURM_CLUSTERS'],
    documented: true,
    category: 'scheduling',
    summary: 'Cluster(s) to submit to',
    description:
      'Sends the job to another cluster that shares the Slurm database, or, with a comma list, to whichever cluster can start it first; `all` considers every cluster. ' +
      'It needs slurmdbd running (unless in a federation configured for it). ' +
      'The environment is still taken from the submitting host, so paths and modules must also exist on the target cluster; see `--export`.',
    example: '#SBATCH --clusters=gpucluster',
    siteDependent: 'Cluster names are those registered in the site Slurm database.',
  },
  {
    name: 'cluster',
    arg: 'required',
    value: 'clusters',
    valueHint: 'cluster[,cluster...]',
    documented: false,
    category: 'scheduling',
    summary: 'Undocumented alias of --clusters',
    description:
      'sbatch accepts this singular spelling and treats it exactly like `--clusters`, but the man page does not list it. Prefer `--clusters` (or `-M`).',
    example: '#SBATCH --cluster=gpucluster',
    siteDependent: 'Cluster names are those registered in the site Slurm database.',
  },
  {
    name: 'cluster-constraint',
    arg: 'required',
    value: 'string',
    valueHint: '[!]feature[,feature...]',
    env: ['SBATCH_CLUSTER_CONSTRAINT'],
    documented: true,
    category: 'scheduling',
    summary: 'Cluster features required in a federation',
    description:
      'In a Slurm federation, sibling copies of the job go only to clusters that have at least one of the listed features. ' +
      'A leading `!` inverts it: only clusters with none of the features are used. It has no effect outside a federation.',
    example: '#SBATCH --cluster-constraint=onprem',
    siteDependent: 'Cluster features are defined by the federation administrators.',
  },
  {
    name: 'exclusive',
    arg: 'optional',
    value: 'exclusive',
    valueHint: 'user|mcs|topo',
    enumValues: ['user', 'mcs', 'topo'],
    env: ['SBATCH_EXCLUSIVE'],
    documented: true,
    category: 'scheduling',
    summary: 'Do not share allocated nodes with other jobs',
    description:
      'Without a value the job gets whole nodes that no other job shares, with all their CPUs and GRES, but only the memory it asked for: add `--mem=0` for all of it. ' +
      "`user` only keeps out other users' jobs, `mcs` jobs with another MCS label, and `topo` (from 24.05) keeps other jobs out of the job's topology segment. " +
      'Whole nodes are charged even if you use one core, so keep it for benchmarks and codes that really fill a node. ' +
      "It cannot be combined with `--oversubscribe`, and the partition's OverSubscribe setting takes precedence. A value must follow `=` (`--exclusive=user`).",
    example: '#SBATCH --exclusive',
    siteDependent: 'The partition OverSubscribe setting can override the request.',
  },
  {
    name: 'oversubscribe',
    short: 's',
    arg: 'none',
    value: 'flag',
    documented: true,
    category: 'scheduling',
    summary: 'Allow the allocation to share resources with other jobs',
    description:
      'Lets the job share nodes, sockets, cores or hyperthreads with other running jobs where the partition permits it. ' +
      'The job may start sooner, but competes with other jobs for the same CPUs and performance usually suffers. ' +
      "It cannot be combined with `--exclusive`, and the partition's OverSubscribe setting takes precedence.",
    example: '#SBATCH --oversubscribe',
    siteDependent: 'Whether sharing happens depends on the partition OverSubscribe setting.',
  },
];
