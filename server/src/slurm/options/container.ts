import type { OptionSpec } from './types';

/** Slurm's native container support (OCI bundles and runtime plugins). */
export const CONTAINER_OPTIONS: OptionSpec[] = [
  {
    name: 'container',
    arg: 'required',
    value: 'path',
    valueHint: '/absolute/path/to/oci-bundle',
    env: ['SBATCH_CONTAINER'],
    documented: true,
    category: 'container',
    summary: 'Run the job inside an OCI container bundle',
    description:
      'Runs the job inside the OCI bundle at this absolute path (a directory with `config.json` and a root file system), using the container runtime the site sets up in oci.conf. ' +
      'This is different from calling Apptainer/Singularity yourself: to use a `.sif` image, leave this option out and run `apptainer exec image.sif ...` in the script. ' +
      'It works only where the site has configured OCI container support.',
    example: '#SBATCH --container=/scratch/containers/pytorch-bundle',
    siteDependent: 'Needs oci.conf and a container runtime configured by the site.',
  },
  {
    name: 'container-id',
    arg: 'required',
    value: 'string',
    valueHint: 'id',
    env: ['SBATCH_CONTAINER_ID'],
    since: '23.02',
    documented: true,
    category: 'container',
    summary: 'Unique name for the OCI container of the job',
    description:
      'Gives the job OCI container a unique identifier so that container tools can refer to it. Only meaningful together with Slurm native container support (`--container`).',
    example: '#SBATCH --container-id=train-run-42',
    siteDependent: 'Needs OCI container support configured by the site.',
  },
  {
    name: 'container-type',
    arg: 'required',
    value: 'name',
    valueHint: 'type',
    env: ['SBATCH_CONTAINER_TYPE'],
    since: '26.05',
    until: '26.05',
    documented: true,
    category: 'container',
    summary: 'Job container type to use (26.05 only; later renamed --runtime)',
    description:
      'Selects the job container type for the job; sbatch stores the text without checking it. ' +
      'The option exists only in the 26.05 series: the development branch renamed it `--runtime` (and `SBATCH_CONTAINER_TYPE` to `SBATCH_RUNTIME`).',
    example: '#SBATCH --container-type=oci',
    siteDependent: 'Available types depend on the plugins the site installed.',
  },
  {
    name: 'runtime',
    arg: 'required',
    value: 'name',
    valueHint: 'plugin | list',
    enumValues: ['list'],
    env: ['SBATCH_RUNTIME'],
    since: 'master',
    documented: true,
    category: 'container',
    summary: 'Runtime plugin to use for the job',
    description:
      'Chooses the runtime plugin for the job; a name without a `runtime/` prefix gets one added. ' +
      '`list` prints the available plugins and exits without submitting, even from an #SBATCH line. ' +
      'It replaces the `--container-type` option of 26.05 and so far exists only on the development branch.',
    example: '#SBATCH --runtime=oci',
    siteDependent: 'Available runtime plugins depend on the site installation.',
  },
];
