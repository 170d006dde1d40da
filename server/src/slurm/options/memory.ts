import type { OptionSpec } from './types';

/** Memory and local disk requests. */
export const MEMORY_OPTIONS: OptionSpec[] = [
  {
    name: 'mem',
    arg: 'required',
    value: 'memory',
    valueHint: 'size[K|M|G|T]',
    env: ['SBATCH_MEM_PER_NODE'],
    documented: true,
    category: 'resources',
    summary: 'Memory per node for the job',
    description:
      'Requests this much real memory on each allocated node. A bare number is in megabytes, so `--mem=64` is 64 MB, not 64 GB; K, M, G and T suffixes are accepted. ' +
      'The value must be a whole number (`1.5G` is refused; write `1536M`), and `--mem=0` asks for all the memory of each node. ' +
      'Only one of `--mem`, `--mem-per-cpu` and `--mem-per-gpu` may be used. A job that outgrows the limit is usually killed with state OUT_OF_MEMORY, so measure a small run first (`seff` or `sacct -o MaxRSS`).',
    example: '#SBATCH --mem=64G',
    siteDependent:
      'The default comes from DefMemPerNode (or DefMemPerCPU), MaxMemPerNode caps it, and enforcement depends on the cgroup configuration.',
  },
  {
    name: 'mem-per-cpu',
    arg: 'required',
    value: 'memory',
    valueHint: 'size[K|M|G|T]',
    env: ['SBATCH_MEM_PER_CPU'],
    documented: true,
    category: 'resources',
    summary: 'Memory per allocated CPU',
    description:
      'Requests memory in proportion to the CPUs the job receives: each node gets this value times the CPUs allocated there, so memory grows with `--cpus-per-task`. ' +
      'If the site allocates whole cores or whole nodes, the job may receive more CPUs than it asked for, and therefore more memory (and charges) than you computed. ' +
      "If the value is above the site's MaxMemPerCPU, Slurm raises the CPU count to cover it instead of refusing the job. Mutually exclusive with `--mem` and `--mem-per-gpu`.",
    example: '#SBATCH --mem-per-cpu=4G',
    siteDependent: 'DefMemPerCPU gives the default and MaxMemPerCPU the per-CPU ceiling.',
  },
  {
    name: 'mem-per-gpu',
    arg: 'required',
    value: 'memory',
    valueHint: 'size[K|M|G|T]',
    env: ['SBATCH_MEM_PER_GPU'],
    documented: true,
    category: 'resources',
    summary: 'Host memory per allocated GPU',
    description:
      'Requests this much host memory (system RAM, not GPU memory) for every GPU the job gets, so memory scales with the GPU count. ' +
      'It suits training jobs whose data loading needs grow with the number of GPUs. A bare number is in megabytes. ' +
      'Mutually exclusive with `--mem` and `--mem-per-cpu`.',
    example: '#SBATCH --mem-per-gpu=32G',
    siteDependent: 'DefMemPerGPU, set globally or per partition, gives the default.',
  },
  {
    name: 'mem-update',
    arg: 'required',
    value: 'mem-update',
    valueHint: 'margin@delay',
    since: '26.05',
    documented: true,
    category: 'resources',
    summary: 'Lower the memory limit to current use plus a margin after a delay',
    description:
      'After the job has run for `delay`, Slurm measures its resident memory and lowers the limit to that usage plus `margin` percent, freeing the rest for other jobs. ' +
      'The limit only ever goes down, never below 10% of the original request, and only once per run (a requeued job can trigger it again). ' +
      '`margin` is 1-65535 and `delay` uses the `--time` formats, a bare number being minutes. ' +
      'It fits jobs with a large start-up peak, such as loading a genome index, followed by a smaller steady state; a later spike above the lowered limit can get the job killed.',
    example: '#SBATCH --mem-update=20@30',
    siteDependent: 'Needs SlurmctldParameters=enable_stepmgr and JobAcctGatherType=jobacct_gather/cgroup on the cluster.',
  },
  {
    name: 'tmp',
    arg: 'required',
    value: 'memory',
    valueHint: 'size[K|M|G|T]',
    documented: true,
    category: 'resources',
    summary: 'Minimum local temporary disk space per node',
    description:
      "Only nodes whose configured temporary disk (the node's TmpDisk, usually local scratch) is at least this size are used. A bare number is in megabytes. " +
      'Slurm uses it to choose nodes; it does not normally reserve the space, so other jobs on the same node can fill the disk. ' +
      'Useful for jobs that stage large reference databases or BAM files to local scratch.',
    example: '#SBATCH --tmp=200G',
    siteDependent: 'Which directory counts as temporary disk, and its size, is set per node by the administrators.',
  },
];
