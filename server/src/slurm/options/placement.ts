import type { OptionSpec } from './types';

const FEATURES_NOTE = 'Node feature names are defined by the site; `sinfo -o "%N %f"` lists them.';
const BLOCK_TOPOLOGY_NOTE = 'Only has an effect with the topology/block plugin.';

/** Which nodes the job may use and how they are arranged in the network. */
export const PLACEMENT_OPTIONS: OptionSpec[] = [
  {
    name: 'constraint',
    short: 'C',
    arg: 'required',
    value: 'constraint',
    valueHint: 'feature[&|feature...]',
    env: ['SBATCH_CONSTRAINT'],
    documented: true,
    category: 'placement',
    summary: 'Node features the job requires, such as a CPU or GPU model',
    description:
      'Limits the job to nodes carrying the given features, labels the administrators attach to nodes (CPU generation, GPU model, interconnect, large memory). ' +
      'Combine them with `&` (all), `|` (any; nodes may differ), `[a|b]` (any, but the same one on every node), `feature*count` (that many nodes with it) and parentheses. ' +
      'In an #SBATCH line no shell quoting is needed, but on the command line quote the value so the shell does not act on `|` and `&`. ' +
      'A feature the cluster does not know makes the submission fail; use `--prefer` for a wish rather than a requirement.',
    example: '#SBATCH --constraint=a100|h100',
    siteDependent: FEATURES_NOTE,
  },
  {
    name: 'prefer',
    arg: 'required',
    value: 'constraint',
    valueHint: 'feature[&|feature...]',
    documented: true,
    category: 'placement',
    summary: 'Node features the job would like but does not require',
    description:
      'A soft `--constraint` with the same syntax: the scheduler first looks for nodes with these features and, if none are available, falls back to the `--constraint` requirement (or any node). ' +
      'It lets a job run on the fastest hardware when it is free without waiting for it, e.g. prefer H100 GPUs but accept A100s.',
    example: '#SBATCH --prefer=h100',
    siteDependent: FEATURES_NOTE,
  },
  {
    name: 'batch',
    arg: 'required',
    value: 'constraint',
    valueHint: 'feature[&|feature...]',
    env: ['SBATCH_BATCH'],
    documented: true,
    category: 'placement',
    summary: 'Node features required for the node that runs the batch script',
    description:
      'In an allocation that mixes node types, chooses which node runs the batch script itself, e.g. a fast node to coordinate work spread over others. ' +
      'The features must be a subset of the `--constraint` request, with the same `&` and `|` operators. ' +
      'If no allocated node matches, the script runs on the first node of the allocation.',
    example: '#SBATCH --batch=highmem',
    siteDependent: FEATURES_NOTE,
  },
  {
    name: 'nodelist',
    short: 'w',
    arg: 'required',
    value: 'hostlist',
    valueHint: 'node[,node...] | node[1-4] | file',
    documented: true,
    category: 'placement',
    summary: 'Specific nodes the job must include',
    description:
      'Asks for these nodes by name; the job waits until they are all free, which can take much longer than a general request. ' +
      'If more nodes or CPUs are requested than the list provides, Slurm adds others (unless `--segment` is used), and a smaller request may use only part of the list. ' +
      'Ranges such as `gpu[01-04]` work, and a value containing `/` is read as a file of node names. ' +
      'For hardware needs `--constraint` is more robust; pinning node names makes a script break when nodes are renamed or drained.',
    example: '#SBATCH --nodelist=gpu[01-02]',
    siteDependent: 'Node names are specific to each cluster.',
  },
  {
    name: 'nodefile',
    short: 'F',
    arg: 'required',
    value: 'path',
    valueHint: 'file',
    documented: true,
    category: 'placement',
    summary: 'File listing the nodes the job must include',
    description:
      'Like `--nodelist`, but the node names are read from a file and may span several lines. Duplicates are ignored and order does not matter, because Slurm sorts the names.',
    example: '#SBATCH --nodefile=nodes.txt',
    siteDependent: 'Node names are specific to each cluster.',
  },
  {
    name: 'exclude',
    short: 'x',
    arg: 'required',
    value: 'hostlist',
    valueHint: 'node[,node...] | node[1-4]',
    documented: true,
    category: 'placement',
    summary: 'Nodes the job must not use',
    description:
      'Keeps the job off the listed nodes; ranges such as `cn[101-104]` work. ' +
      'Handy as a stopgap when one node keeps failing your jobs (and worth reporting to the administrators). Excluding many nodes can make the job wait longer.',
    example: '#SBATCH --exclude=cn042',
    siteDependent: 'Node names are specific to each cluster.',
  },
  {
    name: 'contiguous',
    arg: 'none',
    value: 'flag',
    documented: true,
    category: 'placement',
    summary: 'Require the allocated nodes to be contiguous',
    description:
      'The nodes must form an unbroken run in the cluster node order, which can make the job wait longer. ' +
      'Whether it is honoured depends on the topology plugin: recent releases only honour it with topology/flat, because other topology plugins reorder the nodes.',
    example: '#SBATCH --contiguous',
    siteDependent: 'Depends on the topology plugin of the cluster.',
  },
  {
    name: 'switches',
    arg: 'required',
    value: 'switches',
    valueHint: 'count[@max-time]',
    env: ['SBATCH_REQ_SWITCH', 'SBATCH_WAIT4SWITCH'],
    documented: true,
    category: 'placement',
    summary: 'Maximum number of leaf switches, and how long to wait for that',
    description:
      'With a tree network topology, asks for an allocation spanning at most `count` leaf switches, waiting up to `max-time` for one before accepting any layout. ' +
      'Fewer switches mean fewer network hops, which helps tightly coupled MPI codes and multi-node training. ' +
      'The wait uses the `--time` formats; its default and ceiling come from max_switch_wait in SchedulerParameters.',
    example: '#SBATCH --switches=1@02:00:00',
    siteDependent: 'Only meaningful with the topology/tree plugin.',
  },
  {
    name: 'spread-job',
    arg: 'none',
    value: 'flag',
    env: ['SBATCH_SPREAD_JOB'],
    documented: true,
    category: 'placement',
    summary: 'Spread the job over as many nodes as possible',
    description:
      'Places the job on as many nodes as it can and spreads the tasks evenly across them. ' +
      'Can help tasks limited by memory bandwidth or local I/O, at the cost of occupying more nodes. It disables the topology/tree plugin for the job.',
    example: '#SBATCH --spread-job',
  },
  {
    name: 'segment',
    arg: 'required',
    value: 'uint16',
    valueHint: 'nodes',
    env: ['SBATCH_SEGMENT_SIZE'],
    since: '24.05',
    documented: true,
    category: 'placement',
    summary: 'Size of the node segments the allocation is built from',
    description:
      'With a block topology (or a ring topology, from 26.05), builds the allocation from segments of this many nodes, each kept within one block, without requiring all segments to share a higher-level block. ' +
      'If `--nodes` is larger than the segment size it must be a multiple of it; if everything fits in one segment the option has no effect. ' +
      'The `SBATCH_SEGMENT_SIZE` variable is read from 25.05 on.',
    example: '#SBATCH --segment=4',
    siteDependent: 'Needs a block or ring topology plugin.',
  },
  {
    name: 'consolidate-segments',
    arg: 'none',
    value: 'flag',
    env: ['SBATCH_CONSOLIDATE_SEGMENTS'],
    since: '25.11',
    documented: true,
    category: 'placement',
    summary: 'Keep all segments of the allocation within one higher-level block',
    description:
      'Requires the segments built by `--segment` to be consolidated into a single higher-level aggregated block. ' +
      'The nodes end up closer together in the network, at the price of a possibly longer wait for such a block to be free.',
    example: '#SBATCH --consolidate-segments',
    siteDependent: BLOCK_TOPOLOGY_NOTE,
  },
  {
    name: 'spread-segments',
    arg: 'none',
    value: 'flag',
    env: ['SBATCH_SPREAD_SEGMENTS'],
    since: '25.11',
    documented: true,
    category: 'placement',
    summary: 'Do not split one base block between different segments',
    description:
      'Prevents the nodes of one base block from being divided between different segments of the job, so every segment gets its own base block(s). ' +
      'Use it together with `--segment` when segments should not compete for the same part of the network.',
    example: '#SBATCH --spread-segments',
    siteDependent: BLOCK_TOPOLOGY_NOTE,
  },
];
