import * as assert from 'assert';
import { bindTarget } from '../../../server/src/rules/container/missingBind';
import { unpinnedBecause } from '../../../server/src/rules/container/unpinnedImage';
import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('container/missing-bind', {
  shell: true,
  valid: [
    script('apptainer exec img.sif python /tmp/x.py $HOME/in data/rel.txt'),
    { name: 'bound with -B', code: script('apptainer exec -B /scratch img.sif cat /scratch/me/in.txt') },
    { name: 'bound with --bind=src:dest', code: script('singularity exec --bind=/data:/data img.sif cat /data/in.txt') },
    { name: 'bound in a comma list', code: script('apptainer exec --bind /a,/scratch/me:/work img.sif cat /scratch/me/in.txt') },
    { name: '--mount src=', code: script('apptainer exec --mount type=bind,src=/data,dst=/data img.sif cat /data/in') },
    { name: 'container paths (/usr, /opt)', code: script('apptainer exec img.sif /opt/conda/bin/python /usr/share/x') },
    { name: 'bound through a variable', code: script('D=/scratch/me', 'apptainer exec -B "$D" img.sif cat $D/in') },
    { name: 'a bind we cannot read may cover it', code: script('apptainer exec -B "$BINDS" img.sif cat /scratch/x') },
    { name: 'the container side of a bind (corpus 025)', code: script('apptainer exec --nv --bind /scratch/$USER:/data img.sif python /data/train.py') },
    { name: 'a partly known bind covers its known directory', code: script('apptainer exec --bind=/scratch/$USER img.sif cat /scratch/bob/x') },
    { name: 'APPTAINER_BIND set in the script', code: script('export APPTAINER_BIND=/scratch', 'apptainer exec img.sif cat /scratch/x/in') },
    { name: 'a variable set from the run', code: script('D=$(pwd)/x', 'apptainer exec img.sif cat $D/in') },
    { name: 'shell opens no command', code: script('apptainer shell img.sif') },
    { name: 'not a container', code: script('cat /scratch/x') },
    { name: 'an overlay image may hold any path', code: script('singularity exec --nv --overlay /scratch/me/env.ext3:ro img.sif /bin/bash -c "source /ext3/env.sh; python x.py"') },
    { name: 'a --bind after the image (bind-after-image reports it) is taken as meant', code: script('singularity exec img.sif --bind /gpfs/wgs:/data run --ref=/data/ref.fa --out=/data/out.vcf') },
  ],
  invalid: [
    {
      name: 'a written-out host path',
      code: script('apptainer exec img.sif python train.py --data /scratch/alice/set/in.h5'),
      errors: [{ line: 2, severity: 'warning', message: '/scratch/alice/set/in.h5', fix: '--bind /scratch/alice', fixed: script('apptainer exec --bind /scratch/alice img.sif python train.py --data /scratch/alice/set/in.h5') }],
    },
    {
      name: 'a path held in a variable',
      code: script('DATA=/scratch/x', 'srun singularity exec img.sif cmd "$DATA/in"'),
      errors: [{ line: 3, message: 'from "$DATA/in"', fix: '--bind /scratch/x' }],
    },
    { name: 'after =', code: script('apptainer run img.sif --input=/data/in.csv'), errors: [{ line: 2, fix: '--bind /data' }] },
    { name: 'bound elsewhere', code: script('apptainer exec -B /project img.sif cat /scratch/a/b'), errors: [{ line: 2 }] },
    { name: 'a partly known bind covers only under its known directory', code: script('apptainer exec -B /scratch/$USER img.sif cat /project/p1/x'), errors: [{ line: 2, fix: '--bind /project/p1' }] },
    { name: 'inside bash -c', code: script('apptainer exec img.sif bash -c "python /scratch/me/x.py"'), errors: [{ line: 2, fix: '--bind /scratch/me' }] },
    { name: 'a path cut at what depends on the run', code: script('apptainer exec img.sif cat /lustre/lab/in_$i.txt'), errors: [{ line: 2, message: '/lustre/lab/... (from /lustre/lab/in_$i.txt)', fix: '--bind /lustre/lab' }] },
    { name: 'one finding per directory', code: script('apptainer exec img.sif cp /lustre/me/a /lustre/me/b'), errors: [{ line: 2 }] },
    { name: 'a path a misplaced --bind does not cover', code: script('apptainer exec img.sif -B /data python /lustre/me/x.py'), errors: [{ line: 2, fix: '--bind /lustre/me' }] },
  ],
});

runRuleTable('container/bind-after-image', {
  shell: true,
  valid: [
    script('apptainer exec --nv -B /data img.sif python x.py'),
    { name: 'options of the program', code: script('apptainer exec img.sif python -B x.py --env prod') },
    { name: 'no image', code: script('apptainer exec') },
    { name: 'run: options a runscript may have', code: script('apptainer run img.sif --env prod --workdir out') },
  ],
  invalid: [
    {
      name: '--nv after the image',
      code: script('apptainer exec img.sif --nv python x.py'),
      errors: [{ line: 2, severity: 'warning', message: 'program named --nv', fix: 'Move --nv', fixed: script('apptainer exec --nv img.sif python x.py') }],
    },
    {
      name: '-B with its value',
      code: script('singularity exec img.sif -B /data:/data --nv python x.py'),
      errors: [{ line: 2, fix: 'before the image', fixed: script('singularity exec -B /data:/data --nv img.sif python x.py') }],
    },
    { name: 'run: runscript arguments', code: script('apptainer run img.sif --bind=/x'), errors: [{ line: 2, message: 'runscript', fixed: script('apptainer run --bind=/x img.sif'), fix: 'Move' }] },
  ],
});

runRuleTable('container/gpu-without-nv', {
  shell: true,
  valid: [
    script('#SBATCH --gres=gpu:1', 'apptainer exec --nv img.sif python x.py'),
    script('#SBATCH --gpus=2', 'apptainer exec --rocm img.sif python x.py'),
    { name: 'no GPUs asked', code: script('#SBATCH --time=10', 'apptainer exec img.sif python x.py') },
    { name: 'other GRES', code: script('#SBATCH --gres=nvme:1', 'apptainer exec img.sif python x.py') },
    { name: 'one start with --nv: the others are CPU steps', code: script('#SBATCH --gpus=1', 'apptainer exec --nv img.sif python train.py', 'apptainer exec img.sif python plot.py') },
    { name: 'APPTAINER_NV set', code: script('#SBATCH --gres=gpu:1', 'export APPTAINER_NV=1', 'apptainer exec img.sif python x.py') },
    { name: 'an AMD GPU job (ROCm variables): the image brings ROCm, /dev brings the GPUs', code: script('#SBATCH --gpus-per-node=8', 'export MIOPEN_USER_DB_PATH=/tmp/miopen', 'srun singularity exec -B /scratch img.sif python train.py') },
    { name: 'an AMD GPU job (module load rocm)', code: script('#SBATCH --gres=gpu:1', 'module load rocm/6.0.3', 'apptainer exec img.sif python x.py') },
    { name: 'a ROCm image', code: script('#SBATCH --gres=gpu:1', 'IMG=/containers/pytorch_rocm6.0.sif', 'apptainer exec "$IMG" python x.py') },
  ],
  invalid: [
    { name: 'a GPU share (GRES sharding) is a GPU too', code: script('#SBATCH --gres=shard:1', 'apptainer exec img.sif python x.py'), errors: [{ line: 3, message: '--gres=shard:1' }] },
    {
      name: '--gres=gpu',
      code: script('#SBATCH --gres=gpu:a100:2', 'srun apptainer exec img.sif python x.py'),
      errors: [{ line: 3, severity: 'warning', message: '--gres=gpu:a100:2', fix: '--nv', fixed: script('#SBATCH --gres=gpu:a100:2', 'srun apptainer exec --nv img.sif python x.py') }],
    },
    { name: '--gpus-per-node, and --rocm offered', code: script('#SBATCH --gpus-per-node=4', 'singularity run img.sif'), errors: [{ line: 3, fix: '--rocm', fixed: script('#SBATCH --gpus-per-node=4', 'singularity run --rocm img.sif') }] },
  ],
});

runRuleTable('container/unpinned-image', {
  shell: true,
  valid: [
    script('apptainer exec img.sif python x.py'),
    script('apptainer exec docker://python:3.12-slim python x.py'),
    script('apptainer exec docker://python@sha256:0123abcd python x.py'),
    { name: 'a tag from the run is not judged', code: script('apptainer exec docker://python:$TAG python x.py') },
  ],
  invalid: [
    { name: 'no tag', code: script('apptainer exec docker://ubuntu cat /etc/os-release'), errors: [{ line: 2, severity: 'info', message: 'no tag' }] },
    { name: ':latest through a variable', code: script('IMG=docker://pytorch/pytorch:latest', 'apptainer run "$IMG"'), errors: [{ line: 3, message: 'latest' }] },
    { name: 'library without tag', code: script('singularity exec library://alice/default/tool cmd'), errors: [{ line: 2 }] },
  ],
});

describe('container rules: helpers', () => {
  it('binds the first two components of a deep path, else the first', () => {
    assert.deepStrictEqual(['/scratch/a/b.txt', '/data/x', '/data'].map((p) => bindTarget(p)), ['/scratch/a', '/data', '/data']);
    assert.strictEqual(bindTarget('/lustre/lab', true), '/lustre/lab');
  });
  it('tells pinned from moving references', () => {
    const table: [string, string | undefined][] = [
      ['docker://ubuntu', 'has no tag, so it means :latest'],
      ['docker://ubuntu:latest', 'uses the tag latest'],
      ['docker://registry:5000/ns/img', 'has no tag, so it means :latest'],
      ['docker://registry:5000/ns/img:1.2', undefined],
      ['oras://ghcr.io/a/b:v1', undefined],
      ['library://a/b/c:sha256.abcdef', undefined],
      ['img.sif', undefined],
    ];
    for (const [ref, why] of table) assert.strictEqual(unpinnedBecause(ref), why, ref);
  });
});
