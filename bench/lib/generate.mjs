// Generates realistic Slurm job scripts of an exact line count for the benchmark.
// The output is deterministic: the same size always gives the same text, so runs compare.
//
// CLI: `node bench/lib/generate.mjs 1000 > job.sh` prints one script.

import { pathToFileURL } from 'node:url';

/**
 * The #SBATCH header every generated script starts with (after the shebang).
 * Most directives are valid; the ones marked below are deliberately wrong so that a
 * Slurm-aware server has something to report in the header.
 */
const HEADER = [
  '#!/bin/bash',
  '#SBATCH --job-name=bench-train',
  '#SBATCH --account=proj123',
  '#SBATCH --partition=gpu',
  '#SBATCH --nodes=2',
  '#SBATCH --ntasks-per-node=4',
  '#SBATCH --cpus-per-task=8',
  '#SBATCH --mem=64G',
  '#SBATCH --time=1-12:00:00',
  '#SBATCH --gres=gpu:a100:4',
  '#SBATCH --output=logs/%x-%j.out',
  '#SBATCH --error=logs/%x-%j.err',
  '#SBATCH --mail-type=END,FAIL',
  '#SBATCH --mail-user=someone@example.org',
  '#SBATCH --array=0-99%10',
  '#SBATCH --constraint=a100',
  '#SBATCH --exclusive',
  '#SBATCH --qos=normal',
  '#SBATCH --tim=02:00:00', // invalid: unknown option (typo of --time)
  '#SBATCH --mem=16Q', // invalid: unknown size suffix
  '#SBATCH --cpus-per-task=many', // invalid: not a number
  '#SBATCH --mail-type=SOMETIMES', // invalid: unknown mail type
  '#SBATCH --time=$WALLTIME', // sbatch does not expand variables in directives
  '',
  'set -euo pipefail',
  '',
];

/** Where the benchmark edits, hovers and completes, as 0-based line/character positions. */
export const POSITIONS = {
  /** End of the `--job-name` value: keystrokes are typed here. */
  keystroke: { line: 1, character: HEADER[1].length },
  /** Inside the word `time` of `#SBATCH --time=1-12:00:00`. */
  hover: { line: 8, character: 12 },
  /** A new line `#SBATCH --` is inserted here for the completion measurement. */
  completionLine: 2,
};

/** Body blocks; `n` makes names unique so the script reads like a long real pipeline. */
const BLOCKS = [
  (n) => [
    `# --- stage ${n}: environment ---`,
    'module purge',
    `module load gcc/12.2.0 openmpi/4.1.${n % 6} cuda/12.${n % 4}`,
    'module load python/3.11',
    `source "$HOME/miniconda3/etc/profile.d/conda.sh"`,
    `conda activate "env-stage-${n}"`,
    '',
  ],
  (n) => [
    `stage_${n}() {`,
    '  local input="$1"',
    '  local output="$2"',
    `  echo "[stage ${n}] $(date +%T) processing $input"`,
    '  if [[ ! -s "$input" ]]; then',
    `    echo "stage ${n}: missing input $input" >&2`,
    '    return 1',
    '  fi',
    `  srun --ntasks=1 --cpus-per-task="$SLURM_CPUS_PER_TASK" python preprocess.py --in "$input" --out "$output"`,
    '}',
    '',
  ],
  (n) => [
    `for shard in $(seq 0 ${(n % 7) + 3}); do`,
    `  infile="data/shard_\${shard}_${n}.tar"`,
    `  outfile="work/shard_\${shard}_${n}.npz"`,
    `  stage_${Math.max(1, n - 1)} "$infile" "$outfile" || echo "shard $shard failed"`,
    'done',
    'wait',
    '',
  ],
  (n) => [
    `cat > "config_${n}.yaml" <<EOF`,
    `run_name: \${SLURM_JOB_NAME}-${n}`,
    'seed: ${SLURM_ARRAY_TASK_ID:-0}',
    `learning_rate: 0.000${(n % 9) + 1}`,
    'nodes: ${SLURM_JOB_NUM_NODES}',
    'EOF',
    '',
  ],
  (n) => [
    'case "${SLURM_ARRAY_TASK_ID:-0}" in',
    `  0) MODE=warmup ;;`,
    `  [1-9]) MODE=train_${n} ;;`,
    '  *) MODE=eval ;;',
    'esac',
    `export OMP_NUM_THREADS=\${SLURM_CPUS_PER_TASK:-1}`,
    `srun --mpi=pmix --gpus-per-task=1 ./train --mode "$MODE" --config "config_${n}.yaml"`,
    '',
  ],
  (n) => [
    `declare -a checkpoints_${n}=(ckpt_a ckpt_b ckpt_c)`,
    `for ckpt in "\${checkpoints_${n}[@]}"; do`,
    '  if [ -f "$SCRATCH/$ckpt.pt" ]; then',
    `    rsync -a "$SCRATCH/$ckpt.pt" "results/${n}/" &`,
    '  fi',
    'done',
    'wait',
    `echo "stage ${n} done on $(hostname) at $(date)" >> "logs/progress_$SLURM_JOB_ID.txt"`,
    '',
  ],
];

/**
 * Returns a job script of exactly `lineCount` lines (no trailing newline after the last line):
 * the header, then body blocks cycled in order, then filler lines to hit the count.
 */
export function generateJobScript(lineCount) {
  const lines = HEADER.slice(0, Math.min(lineCount, HEADER.length));
  let n = 1;
  while (true) {
    const block = BLOCKS[(n - 1) % BLOCKS.length](n);
    if (lines.length + block.length > lineCount) break;
    lines.push(...block);
    n += 1;
  }
  while (lines.length < lineCount) lines.push(`echo "filler ${lines.length}"`);
  return lines.join('\n') + '\n';
}

/** Applies an LSP-style single-range edit to `text` (used to keep full-sync copies in step). */
export function applyEdit(text, range, newText) {
  const offsetOf = (pos) => {
    let offset = 0;
    for (let line = 0; line < pos.line; line += 1) {
      const next = text.indexOf('\n', offset);
      if (next < 0) return text.length;
      offset = next + 1;
    }
    return offset + pos.character;
  };
  return text.slice(0, offsetOf(range.start)) + newText + text.slice(offsetOf(range.end));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(generateJobScript(Number(process.argv[2] ?? 100)));
}
