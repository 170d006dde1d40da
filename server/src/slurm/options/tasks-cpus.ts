import type { OptionSpec } from './types';

/** Nodes, tasks, CPUs and the node-hardware filters that go with them. */
export const TASK_AND_CPU_OPTIONS: OptionSpec[] = [
  {
    name: 'nodes',
    short: 'N',
    arg: 'required',
    value: 'nodes',
    valueHint: 'min[-max]',
    documented: true,
    category: 'resources',
    summary: 'Number of nodes to allocate, or a min-max range',
    description:
      'Sets how many nodes the job gets. A single number fixes the count; `min-max` lets the scheduler start the job on anything in that range as soon as it can (add `--use-min-nodes` to prefer the low end). ' +
      'Without it, Slurm picks enough nodes to fit the tasks, CPUs and GPUs requested. From 23.02 a list or stepped form such as `2,4,8` or `2-16:2` is also accepted. ' +
      'Most bioinformatics tools and single-process training scripts use one node: extra nodes sit idle unless the program uses MPI or `srun` spreads work across them.',
    example: '#SBATCH --nodes=1',
    siteDependent:
      'Partition node limits apply: a count outside them can leave the job pending, and one larger than the partition is rejected.',
  },
  {
    name: 'ntasks',
    short: 'n',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: true,
    category: 'resources',
    summary: 'Number of tasks (processes) the job steps will launch',
    description:
      "Tells Slurm how many tasks the job's `srun` steps will start so it can reserve CPUs for them; sbatch itself launches nothing and the script runs once. " +
      'The default is one task per node. Use it for MPI ranks or for several independent processes started with `srun`. ' +
      'A multithreaded program (BWA, STAR, a PyTorch process with data-loader workers) is one task with several CPUs: ask for `--ntasks=1 --cpus-per-task=N` instead. ' +
      'Running a program directly (without `srun`) under `--ntasks=16` gives one process and 15 idle task slots.',
    example: '#SBATCH --ntasks=32',
  },
  {
    name: 'ntasks-per-node',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: true,
    category: 'resources',
    summary: 'Tasks to start on each node',
    description:
      'Requests this many tasks on every allocated node, usually together with `--nodes`; for example `--nodes=2 --ntasks-per-node=4` for one rank per GPU on two 4-GPU nodes. ' +
      'If `--ntasks` is also given, `--ntasks` wins and this becomes a per-node maximum. ' +
      'A common hybrid MPI/OpenMP layout is `--ntasks-per-node=1` with `--cpus-per-task` set to the cores of a node. Cannot be combined with `--ntasks-per-gpu`.',
    example: '#SBATCH --ntasks-per-node=4',
  },
  {
    name: 'tasks-per-node',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: false,
    category: 'resources',
    summary: 'Old, undocumented spelling of --ntasks-per-node',
    description:
      'sbatch still accepts this name, but the man page does not list it and the source marks it deprecated. ' +
      'It sets exactly the same value as `--ntasks-per-node` (they share one internal option), so whichever of the two comes last wins. ' +
      'Write `--ntasks-per-node` in new scripts.',
    example: '#SBATCH --tasks-per-node=4',
  },
  {
    name: 'ntasks-per-socket',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: true,
    category: 'resources',
    summary: 'Maximum tasks on each CPU socket',
    description:
      'Caps how many tasks are placed on each socket; meant to be used with `--ntasks`. ' +
      'It helps memory-bandwidth-bound codes by spreading ranks evenly over the sockets of a node rather than filling one first. ' +
      'Not supported when the cluster uses `SelectType=select/linear`.',
    example: '#SBATCH --ntasks-per-socket=8',
  },
  {
    name: 'ntasks-per-core',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: true,
    category: 'resources',
    summary: 'Maximum tasks on each physical core',
    description:
      'Caps how many tasks share a core; `--ntasks-per-core=1` gives every task a whole core so tasks never share hyperthread siblings. ' +
      'It cannot be larger than `--threads-per-core`, and Slurm may allocate extra CPUs to honour it. ' +
      'It clashes with `--hint`: when both are written in the script, sbatch quietly drops the `--hint`. Not supported with `SelectType=select/linear`.',
    example: '#SBATCH --ntasks-per-core=1',
  },
  {
    name: 'cpus-per-task',
    short: 'c',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: true,
    category: 'resources',
    summary: 'CPUs reserved for each task, for multithreaded programs',
    description:
      'Reserves this many CPUs for every task, all on one node; this is how a threaded program (BWA, STAR, `samtools -@`, PyTorch data loaders) gets its cores. Without it each task has one CPU and all its threads share it. ' +
      'Pass the number on instead of hard-coding it, e.g. `-t $SLURM_CPUS_PER_TASK` or `OMP_NUM_THREADS=$SLURM_CPUS_PER_TASK`. ' +
      'In 22.05 and 23.02 an `srun` inside the script does not inherit it, so write `srun -c $SLURM_CPUS_PER_TASK` (or set `SRUN_CPUS_PER_TASK`); 23.11 restored the inheritance. ' +
      'Cannot be combined with `--cpus-per-gpu`.',
    example: '#SBATCH --cpus-per-task=8',
  },
  {
    name: 'mincpus',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: true,
    category: 'resources',
    summary: 'Minimum number of logical CPUs per node',
    description:
      'Asks for nodes that can give the job at least this many logical CPUs each (hyperthreads count as CPUs). ' +
      'It is a per-node floor, not a total for the job. In most scripts `--cpus-per-task` or `--ntasks-per-node` say the same thing more clearly.',
    example: '#SBATCH --mincpus=16',
  },
  {
    name: 'extra-node-info',
    short: 'B',
    arg: 'required',
    value: 'socket-core-thread',
    valueHint: 'sockets[:cores[:threads]]',
    documented: true,
    category: 'resources',
    summary: 'Minimum sockets, cores per socket and threads per core of the nodes',
    description:
      'Restricts the job to nodes with at least `sockets[:cores[:threads]]`; each field is a minimum, may be a `min-max` range, and `*` means any. ' +
      'It does not size the allocation, but with task affinity enabled tasks are bound to threads, cores or sockets according to the deepest level given. ' +
      'The same limits can be written one by one with `--sockets-per-node`, `--cores-per-socket` and `--threads-per-core`. ' +
      'It clashes with `--hint` (the hint is dropped), and a malformed field makes sbatch exit.',
    example: '#SBATCH --extra-node-info=2:16:1',
  },
  {
    name: 'sockets-per-node',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: true,
    category: 'resources',
    summary: 'Minimum number of CPU sockets on each node',
    description:
      'Only nodes with at least this many sockets are used. `--gpus-per-socket` requires it. ' +
      'If `--ntasks` is not given it can set the task count implicitly, and it clashes with `--hint` (the hint is dropped).',
    example: '#SBATCH --sockets-per-node=2',
  },
  {
    name: 'cores-per-socket',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: true,
    category: 'resources',
    summary: 'Minimum number of cores in each socket of the nodes',
    description:
      'Only nodes whose sockets have at least this many cores are used; it selects nodes and does not reserve the cores. ' +
      'If `--ntasks` is not given it can set the task count implicitly, and it clashes with `--hint` (the hint is dropped).',
    example: '#SBATCH --cores-per-socket=32',
  },
  {
    name: 'threads-per-core',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    env: ['SBATCH_THREADS_PER_CORE'],
    documented: true,
    category: 'resources',
    summary: 'Hardware threads to use on each core; 1 avoids hyperthreads',
    description:
      'Selects nodes with at least this many hardware threads per core and, when laying out tasks, uses at most that many threads of each core. ' +
      '`--threads-per-core=1` is the usual way to keep compute-bound codes (GROMACS, dense linear algebra) off hyperthread siblings; memory from `--mem-per-cpu` then counts only the usable threads. ' +
      'If `--ntasks` is not given it can set the task count implicitly, and it clashes with `--hint` (the hint is dropped).',
    example: '#SBATCH --threads-per-core=1',
  },
  {
    name: 'core-spec',
    short: 'S',
    arg: 'required',
    value: 'count-or-zero',
    valueHint: 'count',
    env: ['SBATCH_CORE_SPEC'],
    documented: true,
    category: 'resources',
    summary: 'Cores per node kept for system use instead of the job',
    description:
      'Sets how many cores on each node are set aside for the operating system and Slurm daemons rather than the application. ' +
      'Setting it implies `--exclusive`: the job gets (and is charged for) the rest of every node. ' +
      'Where the site allows it (`AllowSpecResourcesUsage`), a job can use it to override the cores the nodes reserve by default. Cannot be combined with `--thread-spec`.',
    example: '#SBATCH --core-spec=2',
    siteDependent: 'Whether a job may change the reserved cores depends on AllowSpecResourcesUsage.',
  },
  {
    name: 'thread-spec',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    env: ['SBATCH_THREAD_SPEC'],
    documented: true,
    category: 'resources',
    summary: 'Hardware threads per node kept for system use',
    description:
      'Reserves this many hardware threads on each node for system processes; the application does not run on them but the job is charged for them. ' +
      'Like `--core-spec` it implies `--exclusive`, so the job takes whole nodes. The two options cannot be used together.',
    example: '#SBATCH --thread-spec=2',
  },
  {
    name: 'overcommit',
    short: 'O',
    arg: 'none',
    value: 'flag',
    env: ['SBATCH_OVERCOMMIT'],
    documented: true,
    category: 'resources',
    summary: 'Allocate CPUs as if only one task ran on each node',
    description:
      'Reserves CPUs as though each node ran a single task: `--cpus-per-task` counts once per node instead of once per task, and per-node, per-socket and per-core task counts are ignored. ' +
      'It lets steps start more processes than there are CPUs, for example many light helper processes, which then compete for the same cores. ' +
      'It does not apply to jobs that ask for whole nodes with `--exclusive`.',
    example: '#SBATCH --overcommit',
  },
  {
    name: 'use-min-nodes',
    arg: 'none',
    value: 'flag',
    env: ['SBATCH_USE_MIN_NODES'],
    documented: true,
    category: 'resources',
    summary: 'With a node range, prefer the smaller node count',
    description:
      'When `--nodes` is a range such as `2-8`, the scheduler normally gives as many nodes as it can without delaying the start; this flag makes it aim for the minimum instead. ' +
      'Useful when extra nodes would only add communication or cost. It does nothing with a single node count.',
    example: '#SBATCH --use-min-nodes',
  },
];
