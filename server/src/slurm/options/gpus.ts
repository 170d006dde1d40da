import type { OptionSpec } from './types';

const GPU_TYPES_NOTE = 'GPU type names (a100, h100, ...) and counts per node come from the site configuration (gres.conf).';

/** GPUs, generic resources (GRES) and per-task trackable resources. */
export const GPU_OPTIONS: OptionSpec[] = [
  {
    name: 'gpus',
    short: 'G',
    arg: 'required',
    value: 'gpus',
    valueHint: '[type:]count',
    env: ['SBATCH_GPUS'],
    documented: true,
    category: 'resources',
    summary: 'Total number of GPUs for the whole job',
    description:
      'Requests GPUs for the job as a whole, optionally of one type (`--gpus=a100:4`); Slurm decides how they are spread over the nodes. ' +
      'Every allocated node must receive at least one GPU (one of each type, if types are given), so pin the layout with `--nodes` or use `--gpus-per-node` when it matters. ' +
      'For single-node training, `--nodes=1 --gpus=4` and `--gpus-per-node=4` give the same result.',
    example: '#SBATCH --gpus=a100:4',
    siteDependent: GPU_TYPES_NOTE,
  },
  {
    name: 'gpus-per-node',
    arg: 'required',
    value: 'gpus',
    valueHint: '[type:]count[,type:count...]',
    env: ['SBATCH_GPUS_PER_NODE'],
    documented: true,
    category: 'resources',
    summary: 'GPUs on each node of the job',
    description:
      'Requests this many GPUs on every node, optionally typed (`a100:4`) or as a list of types (`a100:2,v100:1`). ' +
      'It is the most predictable way to size multi-node training, e.g. `--nodes=2 --gpus-per-node=4 --ntasks-per-node=4` for one rank per GPU. ' +
      'It does the same thing as `--gres=gpu:N`, and the two must not be combined (sbatch refuses the pair from 26.05).',
    example: '#SBATCH --gpus-per-node=4',
    siteDependent: GPU_TYPES_NOTE,
  },
  {
    name: 'gpus-per-socket',
    arg: 'required',
    value: 'gpus',
    valueHint: '[type:]count[,type:count...]',
    env: ['SBATCH_GPUS_PER_SOCKET'],
    documented: true,
    category: 'resources',
    summary: 'GPUs on each CPU socket of the allocated nodes',
    description:
      'Requests GPUs per socket, so that GPUs sit next to the CPUs that feed them on multi-socket nodes. ' +
      'It requires `--sockets-per-node`, and types and lists work as in `--gpus-per-node`. It cannot be combined with `--ntasks-per-gpu`.',
    example: '#SBATCH --gpus-per-socket=2',
    siteDependent: GPU_TYPES_NOTE,
  },
  {
    name: 'gpus-per-task',
    arg: 'required',
    value: 'gpus',
    valueHint: '[type:]count[,type:count...]',
    env: ['SBATCH_GPUS_PER_TASK'],
    documented: true,
    category: 'resources',
    summary: 'GPUs for each task',
    description:
      'Gives every task this many GPUs, optionally typed. It needs an explicit task count (`--ntasks`, or `--gpus` alongside it); a node count or range alone is not enough. ' +
      'It also binds each task to its own GPUs (as `per_task:N` binding), which suits one-process-per-GPU launchers such as `srun python train.py` with DDP. ' +
      'Override that with `--gpu-bind` (or `--tres-bind` from 23.11) if every task must see all GPUs. It cannot be combined with `--ntasks-per-gpu`.',
    example: '#SBATCH --gpus-per-task=1',
    siteDependent: GPU_TYPES_NOTE,
  },
  {
    name: 'gres',
    arg: 'required',
    value: 'gres',
    valueHint: 'name[:type][:count][,...]',
    env: ['SBATCH_GRES'],
    documented: true,
    category: 'resources',
    summary: 'Generic resources on each node, such as GPUs',
    description:
      'Requests generic resources on every node of the job, written `name[:type][:count]` with a default count of 1, e.g. `gpu:2` or `gpu:a100:2`. ' +
      'The count is per node: `--nodes=2 --gres=gpu:4` gets eight GPUs. `--gres=gpu:...` and `--gpus-per-node` mean the same and must not be combined. ' +
      'The value `help` (or `list`) prints the resources sbatch knows and exits without submitting anything, even from an #SBATCH line. ' +
      'An unknown resource name makes sbatch refuse the script.',
    example: '#SBATCH --gres=gpu:a100:2',
    siteDependent: 'Resource names and types come from the GresTypes and gres.conf of the site.',
  },
  {
    name: 'gres-flags',
    arg: 'required',
    value: 'gres-flags',
    valueHint: 'flag[,flag...]',
    enumValues: ['enforce-binding', 'disable-binding', 'one-task-per-sharing', 'multiple-tasks-per-sharing'],
    env: ['SBATCH_GRES_FLAGS'],
    documented: true,
    category: 'resources',
    summary: 'How strictly GPUs and other GRES are tied to nearby CPUs',
    description:
      'With `enforce-binding` the job only gets CPUs that gres.conf lists as local to its GPUs: the start may be delayed, but host-to-GPU transfers can be faster. ' +
      '`disable-binding` removes that restriction, which is needed when a job wants more CPUs than sit next to its GPUs. ' +
      'In 22.05 and 23.02 the value is exactly one of those two. From 23.11 it is a comma list that also accepts `one-task-per-sharing` and `multiple-tasks-per-sharing` for shared GRES such as shards (`allow-task-sharing` is for srun only and sbatch rejects it).',
    example: '#SBATCH --gres-flags=enforce-binding',
    siteDependent: 'Defaults can be set in SelectTypeParameters; the sharing flags need MULTIPLE_SHARING_GRES_PJ.',
  },
  {
    name: 'cpus-per-gpu',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    env: ['SBATCH_CPUS_PER_GPU'],
    documented: true,
    category: 'resources',
    summary: 'CPUs reserved for each allocated GPU',
    description:
      'Reserves this many CPUs per GPU, so CPU cores scale with the GPU count; handy for data loading and augmentation in training jobs. ' +
      'Job steps that inherit it behave as if `--exact` were given. It cannot be combined with `--cpus-per-task`.',
    example: '#SBATCH --cpus-per-gpu=8',
  },
  {
    name: 'ntasks-per-gpu',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: true,
    category: 'resources',
    summary: 'Tasks to start for every GPU',
    description:
      'Either give `--ntasks` and Slurm works out how many GPUs are needed, or give the GPUs (`--gpus`, `--gres`) and Slurm derives the task count; CPUs are raised if needed. ' +
      'Each task is bound to a single GPU unless you set the binding yourself. ' +
      'It does not work with a node range, `--gpus-per-task`, `--gpus-per-socket`, `--ntasks-per-node` or `--tres-per-task`.',
    example: '#SBATCH --ntasks-per-gpu=1',
    siteDependent: 'Requires SelectType=select/cons_tres.',
  },
  {
    name: 'ntasks-per-tres',
    arg: 'required',
    value: 'count',
    valueHint: 'count',
    documented: false,
    category: 'resources',
    summary: 'Undocumented general form of --ntasks-per-gpu',
    description:
      'sbatch accepts it but the man page does not describe it. It fills the same job field that `--ntasks-per-gpu` fills, and sbatch stops with an error if both are given with different values. ' +
      'Use the documented `--ntasks-per-gpu` instead.',
    example: '#SBATCH --ntasks-per-tres=1',
  },
  {
    name: 'tres-per-task',
    arg: 'required',
    value: 'tres-per-task',
    valueHint: 'type[/name]=count[,...]',
    env: ['SBATCH_TRES_PER_TASK'],
    since: '23.02',
    documented: true,
    category: 'resources',
    summary: 'Trackable resources (CPUs, GPUs, licenses) for each task',
    description:
      'A general per-task request written as `type[/name]=count`, e.g. `cpu=4`, `gres/gpu=1`, `gres/gpu:a100=2` or `license/ansys=1`. ' +
      'Asking for GPUs this way also binds each task to its GPUs, as `--gpus-per-task` does. ' +
      'Memory, node, billing, energy, filesystem, vmem, pages and burst buffer types are not allowed, and it cannot be combined with `--ntasks-per-gpu`. `cpu=N` is the same request as `--cpus-per-task=N`.',
    example: '#SBATCH --tres-per-task=cpu=8,gres/gpu=1',
    siteDependent: 'Licenses requested this way must be listed in AccountingStorageTRES.',
  },
];
