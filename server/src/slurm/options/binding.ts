import type { OptionSpec } from './types';

/** Task layout, CPU/memory/GPU binding and frequency requests that srun steps inherit. */
export const BINDING_OPTIONS: OptionSpec[] = [
  {
    name: 'distribution',
    short: 'm',
    arg: 'required',
    value: 'distribution',
    valueHint: 'nodes[:sockets[:cores]][,pack|nopack] | plane=size',
    enumValues: ['block', 'cyclic', 'fcyclic', 'plane=', 'arbitrary', '*', 'pack', 'nopack'],
    env: ['SBATCH_DISTRIBUTION'],
    documented: true,
    category: 'placement',
    summary: 'How tasks are laid out over nodes, sockets and cores',
    description:
      'Up to three levels separated by `:`: tasks over nodes, then allocated CPUs over sockets, then over cores; `*` keeps the default of a level. ' +
      '`block` puts consecutive tasks on the same node, `cyclic` deals them round-robin, `plane=N` deals blocks of N tasks, and `fcyclic` (second and third level) spreads the CPUs of one task across sockets or cores. A trailing `,pack` or `,nopack` packs tasks tightly or evenly. ' +
      '`arbitrary` follows the host order in `$SLURM_HOSTFILE` and cannot be combined with `--nodes`. ' +
      'For sbatch it sets the default for the `srun` steps in the script and influences which cores are allocated; it mostly matters for MPI codes.',
    example: '#SBATCH --distribution=block:cyclic',
  },
  {
    name: 'hint',
    arg: 'required',
    value: 'hint',
    valueHint: 'compute_bound|memory_bound|multithread|nomultithread',
    enumValues: ['compute_bound', 'memory_bound', 'multithread', 'nomultithread', 'help'],
    env: ['SLURM_HINT', 'SBATCH_HINT'],
    documented: true,
    category: 'placement',
    summary: 'Shortcut for common CPU layouts, such as no hyperthreading',
    description:
      '`compute_bound` uses all cores of each socket with one thread per core, `memory_bound` one core per socket with one thread per core, `nomultithread` one thread per core, and `multithread` also uses the extra hardware threads. ' +
      'It sets `--ntasks-per-core`, `--threads-per-core`, `--cores-per-socket`, `--sockets-per-node` and `-B` for you, so it clashes with them: when both come from the script, sbatch silently drops the `--hint` (a message appears only with `-v`). ' +
      '`help` prints the choices and sbatch exits with an error. `multithread` and `nomultithread` need the task/affinity plugin.',
    example: '#SBATCH --hint=nomultithread',
  },
  {
    name: 'mem-bind',
    arg: 'required',
    value: 'mem-bind',
    valueHint: '[quiet|verbose,]type',
    enumValues: ['local', 'none', 'rank', 'map_mem:', 'mask_mem:', 'prefer', 'quiet', 'verbose', 'help'],
    env: ['SBATCH_MEM_BIND'],
    documented: true,
    category: 'placement',
    summary: "Bind each task's memory to NUMA nodes",
    description:
      "`local` keeps each task's memory on the NUMA node next to its CPUs, the usual choice; by default there is no memory binding. " +
      '`map_mem:` and `mask_mem:` give NUMA IDs or masks per local task, `rank` binds by task rank, `prefer` prefers the first NUMA node but allows others, and a `verbose,` prefix reports the binding. ' +
      'It needs the task/affinity plugin and NUMA support, and gives predictable results only when the job has all CPUs of its nodes. ' +
      '`sort` and `nosort` were accepted up to 25.05 and are refused from 25.11; `help` prints the choices and exits.',
    example: '#SBATCH --mem-bind=local',
  },
  {
    name: 'cpu-freq',
    arg: 'required',
    value: 'cpu-freq',
    valueHint: 'p1[-p2][:governor]',
    enumValues: ['low', 'medium', 'high', 'highm1', 'performance', 'powersave', 'ondemand', 'conservative', 'schedutil', 'userspace'],
    env: ['SBATCH_CPU_FREQ_REQ'],
    documented: true,
    category: 'resources',
    summary: 'CPU frequency or governor for the srun steps of the job',
    description:
      'Takes a frequency in kHz or `low`, `medium`, `high`, `highm1`; a `min-max` range; and/or a governor after `:` (`performance`, `powersave`, `ondemand`, `conservative`, `schedutil`, `userspace`). ' +
      'It is a request: if a node cannot apply it the step still runs, and it is ignored unless tasks are confined to their CPUs. ' +
      'The governor must be one the site allows (CpuFreqGovernors); from 23.11 sbatch also refuses inconsistent combinations, such as a range with `userspace`. ' +
      'Mostly used in energy studies, where lower frequencies trade speed for power.',
    example: '#SBATCH --cpu-freq=high',
    siteDependent: 'Allowed governors come from CpuFreqGovernors and the default from CpuFreqDef.',
  },
  {
    name: 'gpu-bind',
    arg: 'required',
    value: 'gpu-bind',
    valueHint: '[verbose,]type',
    enumValues: ['closest', 'single:', 'per_task:', 'map_gpu:', 'mask_gpu:', 'none', 'verbose,'],
    env: ['SBATCH_GPU_BIND'],
    documented: true,
    category: 'placement',
    summary: 'Which GPUs each task of an srun step can use',
    description:
      '`closest` gives each task the GPUs nearest its CPUs, `single:N` binds N tasks to each GPU, `per_task:N` gives every task N GPUs, `map_gpu:`/`mask_gpu:` assign GPUs per local task explicitly, and `none` lets every task see every GPU; a `verbose,` prefix prints the binding. ' +
      'From 23.11 it is shorthand for `--tres-bind=gres/gpu:...`; in 22.05 and 23.02 `closest` and `none` were recognised by their first letter. ' +
      'Binding matters when `srun` starts one process per GPU: without it, every process sees all GPUs and many frameworks then all pick GPU 0.',
    example: '#SBATCH --gpu-bind=single:1',
  },
  {
    name: 'tres-bind',
    arg: 'required',
    value: 'tres-bind',
    valueHint: 'gres/name:[verbose,]type[+gres/name:...]',
    enumValues: ['gres/gpu:closest', 'gres/gpu:single:', 'gres/gpu:per_task:', 'gres/gpu:map:', 'gres/gpu:mask:', 'gres/gpu:none'],
    env: ['SBATCH_TRES_BIND'],
    since: '23.11',
    documented: true,
    category: 'placement',
    summary: 'Bind tasks to GPUs or other generic resources',
    description:
      'The general form of `--gpu-bind` for any GRES: `gres/<name>:` followed by `closest`, `single:N`, `per_task:N`, `map:LIST`, `mask:LIST` or `none`, with several resources joined by `+` (e.g. `gres/gpu:closest+gres/nic:closest`). ' +
      'An explicit value overrides the binding implied by `--gpus-per-task`, `--tres-per-task` or `--ntasks-per-gpu`. ' +
      'sbatch 23.11 to 25.11 checks the short `map:`/`mask:` lists from the wrong position, so a valid list can be refused; the older `map_gpu:`/`mask_gpu:` spellings avoid it.',
    example: '#SBATCH --tres-bind=gres/gpu:closest',
  },
  {
    name: 'gpu-freq',
    arg: 'required',
    value: 'gpu-freq',
    valueHint: '[memory=]value[,memory=value][,verbose]',
    enumValues: ['low', 'medium', 'high', 'highm1', 'memory=', 'verbose'],
    env: ['SBATCH_GPU_FREQ'],
    documented: true,
    category: 'resources',
    summary: 'GPU core and memory clock frequencies for the job',
    description:
      'Sets the GPU clock to `low`, `medium`, `high`, `highm1` or a value in MHz (the nearest supported value is used); `memory=...` sets the memory clock the same way, and `verbose` logs the frequencies. Keywords are lower case. ' +
      'After the job the GPUs are reset to their highest frequencies, and power caps on the system can override the request. Mostly useful for energy-efficiency studies of training or inference.',
    example: '#SBATCH --gpu-freq=high,memory=high',
  },
];
