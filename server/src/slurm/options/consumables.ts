import type { OptionSpec } from './types';

/** Licenses, burst buffers, ports, network and other counted resources besides CPUs, memory and GPUs. */
export const CONSUMABLE_OPTIONS: OptionSpec[] = [
  {
    name: 'licenses',
    short: 'L',
    arg: 'required',
    value: 'licenses',
    valueHint: 'name[@server][:count][,name...]',
    documented: true,
    category: 'resources',
    summary: 'Licenses or other cluster-wide counted resources the job needs',
    description:
      'Reserves named licenses (or other counted resources the administrators define) for the job; the `:count` defaults to 1. ' +
      'Separate several names with `,` to need all of them; the man page documents `|` (any one of them) from 25.05, and the two separators cannot be mixed. `name@server` asks for a remote license served through slurmdbd. ' +
      'The job waits until the licenses are free, and a name the cluster does not know makes the submission fail; `scontrol show licenses` lists them. ' +
      'In a heterogeneous job only the first component may request licenses.',
    example: '#SBATCH --licenses=matlab:1',
    siteDependent: 'License names, counts and remote servers are configured by the site.',
  },
  {
    name: 'resources',
    arg: 'required',
    value: 'string',
    valueHint: 'name[:count][,name[:count]...]',
    since: '25.11',
    documented: true,
    category: 'resources',
    summary: 'Hierarchical resources the job needs',
    description:
      'Requests hierarchical resources: license-like counts that the administrators attach to groups of nodes in a separate hierarchy (defined in resources.yaml). ' +
      'Each name may carry a `:count` (default 1); several can be listed with commas, but a resource planned in the third mode may only be requested alone. ' +
      'The feature is marked beta by SchedMD, so check your site documentation; sbatch passes the text on without checking it.',
    example: '#SBATCH --resources=flat:2',
    siteDependent: 'Resource names, modes and counts come entirely from the site configuration.',
  },
  {
    name: 'bb',
    arg: 'required',
    value: 'string',
    valueHint: 'specification',
    env: ['SBATCH_BURST_BUFFER'],
    documented: true,
    category: 'resources',
    summary: 'Burst buffer request given inline',
    description:
      "Gives a burst buffer specification (fast staging storage) directly on the option. Its syntax depends on the site's burst buffer plugin. " +
      'sbatch turns it into an internal script fragment that the plugin reads; a typical use is staging input in before the job starts and results out afterwards. ' +
      'For longer specifications put them in a file and use `--bbf`.',
    example: '#SBATCH --bb="capacity=500G access=striped type=scratch"',
    siteDependent: 'Only meaningful where a burst buffer plugin is configured; the accepted syntax is plugin-specific.',
  },
  {
    name: 'bbf',
    arg: 'required',
    value: 'path',
    valueHint: 'file',
    documented: true,
    category: 'resources',
    summary: 'File of burst buffer directives to add to the job',
    description:
      'Reads burst buffer directives from this file and splices them into the batch script that is submitted; the syntax is defined by the site plugin. ' +
      'A relative path is read from the directory where sbatch runs. If the file cannot be read, sbatch stops with an invalid `--bbf` error.',
    example: '#SBATCH --bbf=stage_reference.bb',
    siteDependent: 'Only meaningful where a burst buffer plugin is configured.',
  },
  {
    name: 'resv-ports',
    arg: 'optional',
    value: 'count-or-zero',
    valueHint: 'count',
    since: '24.05',
    documented: true,
    category: 'resources',
    summary: 'Reserve communication ports for the job',
    description:
      "Reserves this many network ports for the job from the range the site gives in `MpiParams=ports=`; it exists for Cray's native PMI. " +
      'Give the count explicitly: without a value sbatch stores 0, and zero reserves no ports. ' +
      'It works only where step management is enabled for the job (`--stepmgr` or cluster-wide).',
    example: '#SBATCH --resv-ports=4',
    siteDependent: 'Needs MpiParams=ports= in slurm.conf and slurmstepd step management.',
  },
  {
    name: 'network',
    arg: 'required',
    value: 'network',
    valueHint: 'type[,type...]',
    env: ['SBATCH_NETWORK'],
    documented: true,
    category: 'resources',
    summary: "Interconnect options, interpreted by the site's switch plugin",
    description:
      'Passes options to the network (switch) plugin, so what is accepted depends entirely on the system. ' +
      'On HPE Slingshot systems it takes a comma list such as `job_vni`, `single_node_vni`, `no_vni`, `tcs=...` or resource limits; recent releases add `unique-channel-per-segment` for `switch/nvidia_imex`. ' +
      'sbatch stores the text without checking it, so mistakes only show up when the job or its steps start. Most users never need it.',
    example: '#SBATCH --network=job_vni',
    siteDependent: 'The meaning and accepted values are defined by the configured switch plugin.',
  },
];
