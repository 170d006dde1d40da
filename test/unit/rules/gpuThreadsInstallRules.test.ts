import { runRuleTable, script } from '../../support/ruleTable';

const GPU = '#SBATCH --gres=gpu:1';

runRuleTable('resources/gpu-not-requested', {
  shell: true,
  valid: [
    { name: '--gres=gpu:1', code: script(GPU, 'torchrun --nproc_per_node=1 train.py') },
    { name: '--gpus=2', code: script('#SBATCH --gpus=2', 'nvidia-smi') },
    { name: '--gpus-per-node typed', code: script('#SBATCH --gpus-per-node=a100:4', 'deepspeed train.py') },
    { name: 'gpu item later in a gres list', code: script('#SBATCH --gres=tmpfs:10G,gpu:a100:1', 'nvidia-smi') },
    { name: 'translated #PBS ngpus/gpus', code: script('#PBS -l nodes=1:ppn=4:gpus=1', 'nvidia-smi') },
    { name: 'no directive: options may come from the command line', code: script('torchrun train.py') },
    { name: 'CPU work only', code: script('#SBATCH -c 4', 'python train.py --device cpu') },
    { name: 'GPUs hidden on purpose', code: script('#SBATCH -c 4', 'export CUDA_VISIBLE_DEVICES=""', 'python x.py') },
    { name: 'GPUs hidden with -1', code: script('#SBATCH -c 4', 'CUDA_VISIBLE_DEVICES=-1 python x.py') },
    { name: 'accelerate launch --cpu', code: script('#SBATCH -c 4', 'accelerate launch --cpu train.py') },
    { name: 'a probe that only logs GPUs when there are some', code: script('#SBATCH -c 4', 'if command -v nvidia-smi >/dev/null; then nvidia-smi; fi', 'python x.py') },
    { name: 'the word only as an argument', code: script('#SBATCH -c 4', 'echo "nvidia-smi not needed"') },
    { name: 'a GPU option sbatch cannot read (other rules report it)', code: script('#SBATCH --gpu=1', 'torchrun train.py') },
    { name: 'container without --nv', code: script('#SBATCH -c 4', 'apptainer exec img.sif python x.py') },
  ],
  invalid: [
    { name: 'torchrun', code: script('#SBATCH --time=1:00:00', 'torchrun --nproc_per_node=4 train.py'), errors: [{ line: 3, severity: 'warning', message: 'GPU work (torchrun)' }] },
    { name: 'srun nvidia-smi', code: script('#SBATCH -n 1', 'srun nvidia-smi'), errors: [{ line: 3, message: 'nvidia-smi' }] },
    { name: 'python -m torch.distributed.run', code: script('#SBATCH -N 1', 'python3 -m torch.distributed.run --nproc_per_node=2 x.py'), errors: [{ line: 3, message: 'python3 -m torch.distributed.run' }] },
    { name: 'accelerate launch', code: script('#SBATCH -N 1', 'accelerate launch train.py'), errors: [{ line: 3, message: 'accelerate launch' }] },
    { name: 'apptainer --nv', code: script('#SBATCH -c 8', 'apptainer exec --nv img.sif python x.py'), errors: [{ line: 3, message: 'apptainer exec --nv' }] },
    { name: 'CUDA_VISIBLE_DEVICES set', code: script('#SBATCH -c 8', 'export CUDA_VISIBLE_DEVICES=0,1', 'python x.py'), errors: [{ line: 3, message: 'CUDA_VISIBLE_DEVICES' }] },
    { name: 'CUDA_VISIBLE_DEVICES read', code: script('#SBATCH -c 8', 'python x.py --devices "$CUDA_VISIBLE_DEVICES"'), errors: [{ line: 3, message: '$CUDA_VISIBLE_DEVICES' }] },
    { name: 'one finding, at the first sign, naming the others', code: script('#SBATCH -c 8', 'nvidia-smi', 'deepspeed train.py'), errors: [{ line: 3, message: 'also deepspeed' }] },
    { name: 'a zero GPU count is no request', code: script('#SBATCH --gres=gpu:0', 'torchrun x.py'), errors: [{ line: 3 }] },
    { name: 'a partition named gpu is no request', code: script('#SBATCH -p gpu', 'torchrun x.py'), errors: [{ line: 3 }] },
    { name: 'a probe next to real GPU work', code: script('#SBATCH -c 8', 'command -v nvidia-smi && nvidia-smi', 'torchrun x.py'), errors: [{ line: 4, message: 'torchrun' }] },
  ],
});

runRuleTable('resources/threads-mismatch', {
  shell: true,
  valid: [
    { name: 'count passed with $SLURM_CPUS_PER_TASK', code: script('#SBATCH -c 8', 'bwa mem -t "$SLURM_CPUS_PER_TASK" ref.fa r.fq') },
    { name: 'OMP_NUM_THREADS set', code: script('#SBATCH -c 8', 'export OMP_NUM_THREADS=8', 'bwa mem ref.fa r.fq') },
    { name: 'the literal count given', code: script('#SBATCH -c 8', 'samtools sort -@ 8 in.bam') },
    { name: 'the literal count attached', code: script('#SBATCH -c 8', 'STAR --runThreadN=8 --genomeDir g') },
    { name: 'srun -c', code: script('#SBATCH -c 8', 'srun -c 8 bwa mem ref.fa r.fq') },
    { name: 'one CPU per task', code: script('#SBATCH -c 1', 'bwa mem ref.fa r.fq') },
    { name: 'a program that sizes itself', code: script('#SBATCH -c 8', 'gmx mdrun -deffnm md') },
    { name: 'srun step on a Slurm that passes -c on', code: script('#SBATCH -c 8', 'srun python x.py'), settings: { version: '23.11' } },
    { name: 'srun step when the series is not known', code: script('#SBATCH -c 8', 'srun python x.py') },
    { name: 'launch count from the environment', code: script('#SBATCH -n 8', 'mpirun -np "$SLURM_NTASKS" ./a.out') },
    { name: 'launch count equal', code: script('#SBATCH -N 2', '#SBATCH --ntasks-per-node=4', 'srun -n 8 ./a.out') },
    { name: 'more tasks fit in CPUs per task', code: script('#SBATCH -n 2', '#SBATCH -c 4', 'mpirun -np 8 ./a.out') },
    { name: 'fewer tasks in a loop of steps', code: script('#SBATCH -n 4', 'for i in 1 2 3 4; do srun -n 1 ./a.out $i & done', 'wait') },
    { name: 'no task count asked for', code: script('#SBATCH -t 10', 'mpirun -np 4 ./a.out') },
    { name: 'node range', code: script('#SBATCH -N 1-2', '#SBATCH --ntasks-per-node=4', 'srun -n 16 ./a.out') },
    { name: '--oversubscribe', code: script('#SBATCH -n 2', 'mpirun --oversubscribe -np 8 ./a.out') },
    { name: 'program options after the program', code: script('#SBATCH -n 4', 'srun --exclusive ./a.out -n 16') },
  ],
  invalid: [
    { name: 'bwa without -t', code: script('#SBATCH --cpus-per-task=8', 'bwa mem ref.fa r.fq > out.sam'), errors: [{ line: 2, severity: 'hint', message: 'bwa runs one thread unless given -t' }] },
    { name: 'srun bowtie2', code: script('#SBATCH -c 4', 'srun bowtie2 -x idx -U r.fq'), errors: [{ line: 2, message: '-c 4 asks for 4 CPUs' }] },
    { name: 'srun step on 22.05', code: script('#SBATCH -c 8', 'srun python x.py'), settings: { version: '22.05' }, errors: [{ line: 2, message: 'srun in Slurm 22.05' }] },
    { name: 'translated #PBS ncpus', code: script('#PBS -l select=1:ncpus=8:mpiprocs=1', 'samtools sort in.bam'), errors: [{ line: 2, message: '#PBS' }] },
    { name: 'mpirun beyond --ntasks', code: script('#SBATCH --ntasks=4', 'mpirun -np 16 ./a.out'), errors: [{ line: 3, severity: 'warning', message: 'starts 16 tasks but the job asks for 4' }] },
    { name: 'srun beyond nodes x ntasks-per-node', code: script('#SBATCH -N 2', '#SBATCH --ntasks-per-node=2', 'srun --ntasks=8 ./a.out'), errors: [{ line: 4, severity: 'warning', message: 'asks for 4' }] },
    { name: 'srun -n attached', code: script('#SBATCH -n 2', 'srun -n8 ./a.out'), errors: [{ line: 3, severity: 'warning' }] },
    { name: 'the only launch uses fewer', code: script('#SBATCH -n 16', 'mpiexec -n 4 ./a.out'), errors: [{ line: 3, severity: 'hint', message: 'the other 12 stay idle' }] },
  ],
});

runRuleTable('io/pip-install-in-job', {
  shell: true,
  valid: [
    { name: 'activating an environment', code: script('conda activate env', 'python x.py') },
    { name: 'pip install --no-index from a local wheelhouse', code: script('pip install --no-index -r requirements.txt') },
    { name: 'conda --offline', code: script('conda install --offline -y numpy') },
    { name: 'pip list', code: script('pip list', 'pip freeze > env.txt') },
    { name: 'conda env list', code: script('conda env list') },
    { name: 'an install in a here-document (data for another program)', code: script('cat > setup.sh <<EOF', 'pip install numpy', 'EOF') },
  ],
  invalid: [
    { name: 'pip install', code: script('pip install numpy'), errors: [{ line: 2, severity: 'warning', message: 'pip install while the job runs' }] },
    { name: 'python -m pip install', code: script('python3 -m pip install --user -r req.txt'), errors: [{ line: 2, message: 'python3 -m pip install' }] },
    { name: 'conda env create', code: script('conda env create -f environment.yml'), errors: [{ line: 2, message: 'conda env create' }] },
    { name: 'mamba install', code: script('mamba install -y -c bioconda samtools'), errors: [{ line: 2, message: 'mamba install' }] },
    { name: 'conda create', code: script('conda create -y -n x python=3.11'), errors: [{ line: 2 }] },
    { name: 'uv pip install', code: script('uv pip install torch'), errors: [{ line: 2 }] },
    { name: 'srun pip3 install', code: script('srun pip3 install torch'), errors: [{ line: 2, message: 'pip3 install' }] },
    { name: 'in an array: tasks race', code: script('#SBATCH --array=1-10', 'pip install torch'), errors: [{ line: 3, message: 'race' }] },
    { name: 'two installs', code: script('pip install a', 'conda install -y b'), errors: [{ line: 2 }, { line: 3 }] },
  ],
});
