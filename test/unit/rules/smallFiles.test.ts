import { runRuleTable, script } from '../../support/ruleTable';

const ARRAY = '#SBATCH --array=1-100%20';
const TIME = '#SBATCH --time=02:00:00';

runRuleTable('io/small-files', {
  shell: true,
  valid: [
    { name: 'one tar outside loops and arrays', code: script(TIME, 'tar -xzf images.tar.gz -C data/', 'python train.py --data data/') },
    { name: 'array: unpack into $TMPDIR', code: script(ARRAY, TIME, 'tar -xzf /project/lab/images.tar.gz -C "$TMPDIR"', 'python classify.py "$TMPDIR/images"') },
    { name: 'array: unpack into ${SLURM_TMPDIR}/data', code: script(ARRAY, TIME, 'mkdir -p ${SLURM_TMPDIR}/data', 'tar xf ~/datasets/cifar.tar -C ${SLURM_TMPDIR}/data') },
    { name: 'array: cd to node-local storage first', code: script(ARRAY, TIME, 'cd "$SLURM_TMPDIR"', 'unzip -q ~/data/shard_${SLURM_ARRAY_TASK_ID}.zip', 'python process.py .') },
    { name: 'array: a mktemp -d folder', code: script(ARRAY, TIME, 'work=$(mktemp -d)', 'trap \'rm -rf "$work"\' EXIT', 'tar -xf inputs.tar -C "$work"') },
    { name: 'array: /dev/shm', code: script(ARRAY, TIME, 'tar -xf model.tar -C /dev/shm/$USER') },
    { name: 'array: a variable built on $TMPDIR', code: script(ARRAY, TIME, 'WORKDIR=$TMPDIR/job_$SLURM_JOB_ID', 'mkdir -p $WORKDIR', 'tar -xf refs.tar -C $WORKDIR') },
    { name: 'array: pushd /tmp', code: script(ARRAY, TIME, 'pushd /tmp', 'tar xvf ~/refs.tar', 'popd') },
    { name: 'array: packing results (tar -c)', code: script(ARRAY, TIME, 'python sim.py --out out_$SLURM_ARRAY_TASK_ID/', 'tar -czf results_${SLURM_ARRAY_TASK_ID}.tar.gz out_$SLURM_ARRAY_TASK_ID/') },
    { name: 'array: listing an archive', code: script(ARRAY, TIME, 'tar -tzf data.tar.gz | head', 'unzip -l data.zip') },
    { name: 'array: an unknown destination variable', code: script(ARRAY, TIME, 'tar -xf data.tar -C "$DEST"') },
    { name: 'array: one log per task', code: script(ARRAY, TIME, 'python fit.py > logs/task_${SLURM_ARRAY_TASK_ID}.log 2>&1') },
    { name: 'array: decompressing one file', code: script(ARRAY, TIME, 'gunzip sample_${SLURM_ARRAY_TASK_ID}.fq.gz') },
    { name: 'a loop of ten per-item files', code: script(TIME, 'for k in 1 2 3 4 5 6 7 8 9 10; do', '  ./kmeans -k $k data.csv > out/k$k.txt', 'done') },
    { name: 'a long loop appending to one file', code: script(TIME, 'for i in $(seq 1 1000); do', '  ./sim --seed $i >> all_runs.txt', 'done') },
    { name: 'a long loop writing node-local files, packed at the end', code: script(TIME, 'for i in $(seq 1 1000); do', '  ./sim --seed $i > "$TMPDIR/run_$i.txt"', 'done', 'tar -czf runs.tar.gz -C "$TMPDIR" .') },
    { name: 'a long loop discarding output', code: script(TIME, 'for ((i=0; i<5000; i++)); do', '  ./probe $i > /dev/null 2>&1', 'done') },
    { name: 'a while-read loop (count unknown)', code: script(TIME, 'while read -r name; do', '  ./count "$name" > counts/$name.txt', 'done < samples.txt') },
    { name: 'array: a glob of large files', code: script(ARRAY, TIME, 'for fq in reads/*.fastq.gz; do', '  fastqc "$fq"', 'done') },
    { name: 'a glob of small files outside an array', code: script(TIME, 'for img in data/train/*.png; do', '  python check.py "$img"', 'done') },
    { name: 'array: a glob of small files staged to $TMPDIR', code: script(ARRAY, TIME, 'rsync -a data/ "$TMPDIR/data/"', 'for img in "$TMPDIR"/data/*.png; do', '  python augment.py "$img"', 'done') },
    {
      name: 'array: each task walks its own folder of tiles (read once)',
      code: script(ARRAY, TIME, 'WELL_DIR=/project/imaging/tiles/well_$(printf "%02d" $SLURM_ARRAY_TASK_ID)', 'for img in $WELL_DIR/*.png; do', '  python -m cellpose --image_path "$img" --use_gpu', 'done'),
    },
    { name: 'array: a folder chosen from a list by task id', code: script(ARRAY, TIME, 'PLATE=$(sed -n "${SLURM_ARRAY_TASK_ID}p" plates.txt)', 'for f in raw/$PLATE/*.tif; do', '  ./segment "$f"', 'done') },
    { name: 'array: the loop picks this task\'s share', code: script(ARRAY, TIME, 'n=0', 'for f in data/*.json; do', '  n=$((n+1))', '  (( n % 100 == SLURM_ARRAY_TASK_ID )) || continue', '  python parse.py "$f"', 'done') },
    {
      name: 'array: a job that only stages data onto shared storage for later jobs',
      code: script(ARRAY, TIME, 'echo "starting ${SLURM_ARRAY_TASK_ID}"', 'datapath=/scratch/users/$USER/globus/run4', 'cd $datapath/${SLURM_ARRAY_TASK_ID}', 'tar -xvf 19790101.nc.tar', 'echo done'),
    },
    {
      name: 'loop: unpacking a folder of archives is all the job does',
      code: script(TIME, 'dir=/ufrc/lab/raw', 'for f in "${dir}/"*.tar.gz; do', '  name=$(basename "$f")', '  echo "$name"', '  tar -xzvf "$f" -C /ufrc/lab/unpacked', 'done'),
    },
    { name: 'split outside loops and arrays', code: script(TIME, 'split -l 100000 big.csv chunks/part_') },
    { name: 'unpack in a loop on node-local storage', code: script(TIME, 'cd "$TMPDIR"', 'for s in a b c; do', '  tar -xf ~/raw/$s.tar', 'done') },
  ],
  invalid: [
    {
      name: 'array: tar -x into a relative folder',
      code: script(ARRAY, TIME, 'module load python/3.11', 'tar -xzf images.tar.gz -C data/', 'python classify.py data/ --shard $SLURM_ARRAY_TASK_ID'),
      errors: [{ line: 5, severity: 'warning', message: 'tar -x writes into data/, on shared storage, in every task of this array' }],
    },
    { name: 'array: unzip into the submit directory', code: script(ARRAY, TIME, 'unzip -o shard_${SLURM_ARRAY_TASK_ID}.zip', 'python embed.py shard_${SLURM_ARRAY_TASK_ID}/'), errors: [{ line: 4, message: 'the working directory' }] },
    { name: 'array: --chdir on shared storage', code: script(ARRAY, '#SBATCH --chdir=/gpfs/lab/run', 'tar xf inputs.tar', 'srun ./solver inputs/'), errors: [{ line: 4 }] },
    { name: 'loop: unzip into /project', code: script(TIME, 'for s in $(cat samples.txt); do', '  unzip -q "$s.zip" -d "/project/lab/$s"', '  Rscript qc.R "/project/lab/$s"', 'done'), errors: [{ line: 4, message: 'in every iteration of this loop' }] },
    { name: 'find -exec tar', code: script(TIME, "find raw/ -name '*.tar' -exec tar -xf {} \\;", 'python build_index.py .'), errors: [{ line: 3, message: 'once per archive' }] },
    { name: 'xargs tar', code: script(TIME, 'ls archives/*.tar.gz | xargs -n1 tar -xzf', 'kraken2 --db k2db --paired reads_1.fq reads_2.fq'), errors: [{ line: 3, message: 'xargs tar -x' }] },
    { name: 'array: gunzip -r on $SCRATCH', code: script(ARRAY, TIME, 'gunzip -r $SCRATCH/reads/', 'spades.py -1 $SCRATCH/reads/r1.fq -2 $SCRATCH/reads/r2.fq -o asm'), errors: [{ line: 4, message: 'gunzip -r' }] },
    { name: 'array: a variable set to shared storage', code: script(ARRAY, TIME, 'OUT=/lustre/proj/unpacked', 'tar -xf ref.tar -C $OUT', 'bowtie2 -x $OUT/ref -U r.fq > r.sam'), errors: [{ line: 5 }] },
    { name: 'array: TMPDIR pointed at shared storage', code: script(ARRAY, TIME, 'export TMPDIR=/scratch/$USER/tmp', 'tar -xf ref.tar -C "$TMPDIR"', 'python align.py --ref "$TMPDIR/ref"'), errors: [{ line: 5 }] },
    { name: 'array: srun tar', code: script(ARRAY, TIME, 'srun tar -xf data.tar', 'srun python train.py --data data/'), errors: [{ line: 4 }] },
    {
      name: 'a loop of 500 per-seed files',
      code: script(TIME, 'module load gcc', 'for i in $(seq 1 500); do', '  ./simulate --seed $i > out/seed_$i.txt', 'done'),
      errors: [{ line: 5, severity: 'hint', message: '500 files named out/seed_$i.txt' }],
    },
    { name: 'a C-style loop of 1000', code: script(TIME, 'for ((i=0; i<1000; i++)); do', '  python score.py $i > "scores/$i.json"', 'done'), errors: [{ line: 4, severity: 'hint', message: '1000 files' }] },
    { name: 'nested loops: 20 x 10 files', code: script(TIME, 'for a in {1..20}; do', '  for b in {1..10}; do', '    ./grid $a $b > grid/${a}_${b}.out', '  done', 'done'), errors: [{ line: 5, message: '200 files' }] },
    { name: 'array: split -l', code: script(ARRAY, TIME, 'split -l 1000 reads_${SLURM_ARRAY_TASK_ID}.txt chunks/part_'), errors: [{ line: 4, severity: 'hint', message: 'split' }] },
    { name: 'array: every task walks the same folder of small images', code: script(ARRAY, TIME, 'for img in /project/data/train/*.jpg; do', '  python augment.py "$img" --seed "$SEED"', 'done'), errors: [{ line: 4, severity: 'hint', message: 'each file is opened once per task' }] },
    { name: 'array: the same folder under $HOME', code: script(ARRAY, TIME, 'DATA=$HOME/datasets/mnist_png', 'for f in $DATA/train/*.png; do', '  cat "$f" > /dev/null', 'done'), errors: [{ line: 5, severity: 'hint' }] },
  ],
});
