/** Conversion cases about the sbatch line and the job script: options and arguments that use the loop's values, captured ids, body lines, naming, shells. */
import { fromJob, JOB_FOOT, type ConversionCase } from './arrayConversionCases';

export const LINE_CASES: ConversionCase[] = [
  {
    name: '--export with the loop variable, NONE-based',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2 3; do',
      '  sbatch --export=NONE,SAMPLE=s$i,REF=/ref/hg38.fa job.sh',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=1-3 --export=NONE,REF=/ref/hg38.fa job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in 1 2 3',
        'i=$SLURM_ARRAY_TASK_ID',
        'export SAMPLE=s$i',
      ),
    },
  },
  {
    name: '--export list without ALL, only the loop entry: NONE',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2; do',
      '  sbatch --export=SAMPLE=$i job.sh',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=1-2 --export=NONE job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in 1 2',
        'i=$SLURM_ARRAY_TASK_ID',
        'export SAMPLE=$i',
      ),
    },
  },
  {
    name: '--output and --error with the loop variable',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in {1..5}; do',
      '  sbatch --output=logs/run_${i}.out -e "logs/run_$i.err" job.sh',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=1-5 --output=logs/run_%a.out -e "logs/run_%a.err" job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in {1..5}',
        'i=$SLURM_ARRAY_TASK_ID',
      ),
    },
  },
  {
    name: '--job-name with the loop variable: trimmed, or dropped',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for s in a b; do',
      '  sbatch --job-name="align_${s}" -J "$s" -p short job.sh "$s"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=0-1 --job-name="align" -p short job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for s in a b',
        'values=(a b)',
        's=${values[$SLURM_ARRAY_TASK_ID]}',
        'set -- "$s"',
      ),
    },
  },
  {
    name: 'positional arguments mixing loop-dependent and fixed words',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2 3; do',
      '  sbatch job.sh --in "data/${i}.csv" --out results "$i"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=1-3 job.array.sh --in --out results',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in 1 2 3',
        'i=$SLURM_ARRAY_TASK_ID',
        'set -- "$1" "data/${i}.csv" "$2" "$3" "$i"',
      ),
    },
  },
  {
    name: '--dependency and a driver variable kept on the sbatch line',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'prep=$(sbatch --parsable prep.sh)',
      'for i in {1..3}; do',
      '  sbatch --dependency=afterok:$prep --account="$ACCOUNT" job.sh $i',
      'done',
    ],
    files: { 'job.sh': JOB_FOOT, 'prep.sh': JOB_FOOT },
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'prep=$(sbatch --parsable prep.sh)',
        'sbatch --array=1-3 --dependency=afterok:$prep --account="$ACCOUNT" job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: [
        '#!/bin/bash',
        '#SBATCH --time=00:10:00',
        '#SBATCH --mem=2G',
        '# One task of the job array that replaces a loop of sbatch calls (converted by HPC Workflows).',
        '# The loop was: for i in {1..3}',
        'i=$SLURM_ARRAY_TASK_ID',
        'set -- $i',
        '',
        'python work.py "$@"',
      ],
    },
  },
  {
    name: 'existing .array.sh name taken',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2; do sbatch jobs/job.sh "$i"; done',
    ],
    files: { 'jobs/job.sh': JOB_FOOT, 'jobs/job.array.sh': "old" },
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=1-2 jobs/job.array2.sh',
      ],
      path: 'jobs/job.array2.sh',
      arrayScript: [
        '#!/bin/bash',
        '#SBATCH --time=00:10:00',
        '#SBATCH --mem=2G',
        '# One task of the job array that replaces a loop of sbatch calls (converted by HPC Workflows).',
        '# The loop was: for i in 1 2',
        'i=$SLURM_ARRAY_TASK_ID',
        'set -- "$i"',
        '',
        'python work.py "$@"',
      ],
    },
  },
  {
    name: 'job script named through a variable',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'JOB=job.sh',
      'for i in 1 2; do',
      '  sbatch "$JOB" "$i"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'JOB=job.sh',
        'sbatch --array=1-2 job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in 1 2',
        'i=$SLURM_ARRAY_TASK_ID',
        'set -- "$i"',
      ),
    },
  },
  {
    name: 'captured job id not used elsewhere',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2 3; do',
      '  jid=$(sbatch job.sh "$i")',
      '  echo "submitted $jid"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'jid=$(sbatch --array=1-3 --parsable job.array.sh)',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in 1 2 3',
        'i=$SLURM_ARRAY_TASK_ID',
        'set -- "$i"',
      ),
    },
  },
  {
    name: 'body assignment and echo/sleep: moved and dropped',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for f in reads/*.fq; do',
      '  name=$(basename "$f" .fq)',
      '  echo "submitting $name" >&2',
      '  sbatch --export=ALL,SAMPLE="$name" job.sh "$f"',
      '  sleep 1',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'for f in reads/*.fq; do printf \'%s\\n\' "$f"; done > job.array.list',
        'n=$(wc -l < job.array.list)',
        'if [ "$n" -gt 0 ]; then',
        '  sbatch --array=1-"$n" --export=ALL job.array.sh',
        'else',
        '  echo \'No job submitted: the list of values is empty\' >&2',
        'fi',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for f in reads/*.fq',
        'f=$(sed -n "${SLURM_ARRAY_TASK_ID}p" "$SLURM_SUBMIT_DIR/job.array.list")',
        'name=$(basename "$f" .fq)',
        'export SAMPLE="$name"',
        'set -- "$f"',
      ),
      throttledDriver: [
        '#!/bin/bash',
        'set -eu',
        'for f in reads/*.fq; do printf \'%s\\n\' "$f"; done > job.array.list',
        'n=$(wc -l < job.array.list)',
        'if [ "$n" -gt 0 ]; then',
        '  sbatch --array=1-"$n"%10 --export=ALL job.array.sh',
        'else',
        '  echo \'No job submitted: the list of values is empty\' >&2',
        'fi',
      ],
    },
  },
  {
    name: 'indented loop inside if, multi-line sbatch',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'if [ -d data ]; then',
      '  for i in 1 2; do',
      '    sbatch --time=10 \\',
      '      job.sh "$i"',
      '  done',
      'fi',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'if [ -d data ]; then',
        '  sbatch --array=1-2 --time=10 \\',
        '      job.array.sh',
        'fi',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in 1 2',
        'i=$SLURM_ARRAY_TASK_ID',
        'set -- "$i"',
      ),
    },
  },
  {
    name: 'a POSIX sh job script for a count',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2; do sbatch job.sh "$i"; done',
    ],
    files: { 'job.sh': "#!/bin/sh\n#SBATCH --time=5\necho \"$1\"\n" },
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=1-2 job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: [
        '#!/bin/sh',
        '#SBATCH --time=5',
        '# One task of the job array that replaces a loop of sbatch calls (converted by HPC Workflows).',
        '# The loop was: for i in 1 2',
        'i=$SLURM_ARRAY_TASK_ID',
        'set -- "$i"',
        'echo "$1"',
      ],
    },
  },
  {
    name: 'job script with comments between directives and no blank line',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2; do sbatch job.sh "$i"; done',
    ],
    files: { 'job.sh': "#!/bin/bash\n# about\n#SBATCH --time=5\n\n#SBATCH --mem=1G\nset -e\necho \"$1\"\n" },
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=1-2 job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: [
        '#!/bin/bash',
        '# about',
        '#SBATCH --time=5',
        '',
        '#SBATCH --mem=1G',
        '# One task of the job array that replaces a loop of sbatch calls (converted by HPC Workflows).',
        '# The loop was: for i in 1 2',
        'i=$SLURM_ARRAY_TASK_ID',
        'set -- "$i"',
        'set -e',
        'echo "$1"',
      ],
    },
  },
  {
    name: 'a later loop sets the variable again: converted',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2; do sbatch job.sh "$i"; done',
      'for i in a b; do echo "$i"; done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=1-2 job.array.sh',
        'for i in a b; do echo "$i"; done',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in 1 2',
        'i=$SLURM_ARRAY_TASK_ID',
        'set -- "$i"',
      ),
    },
  },
];
