/** Conversion cases for loops with values known from the text: counts, fixed lists, and counts split into chunks. */
import { fromJob, type ConversionCase } from './arrayConversionCases';

export const LOOP_CASES: ConversionCase[] = [
  {
    name: 'seq with a step: the task id is the value',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in $(seq 3 2 11); do',
      '  sbatch job.sh "$i"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=3-11:2 job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in $(seq 3 2 11)',
        'i=$SLURM_ARRAY_TASK_ID',
        'set -- "$i"',
      ),
    },
  },
  {
    name: 'brace range {1..N}, one line',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for n in {1..24}; do sbatch job.sh "run-$n"; done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=1-24 job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for n in {1..24}',
        'n=$SLURM_ARRAY_TASK_ID',
        'set -- "run-$n"',
      ),
      throttledDriver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=1-24%10 job.array.sh',
      ],
    },
  },
  {
    name: 'C-style count from 0',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for ((k = 0; k < 4; k++)); do',
      '  sbatch job.sh --fold "$k"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=0-3 job.array.sh --fold',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for ((k = 0; k < 4; k++))',
        'k=$SLURM_ARRAY_TASK_ID',
        'set -- "$1" "$k"',
      ),
    },
  },
  {
    name: 'descending range: index 0..N-1, value computed',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in {10..1..3}; do',
      '  sbatch job.sh $i',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=0-3 job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in {10..1..3}',
        'i=$((10 - SLURM_ARRAY_TASK_ID * 3))',
        'set -- $i',
      ),
    },
  },
  {
    name: 'negative start',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for t in $(seq -2 2); do',
      '  sbatch job.sh --temp "$t"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=0-4 job.array.sh --temp',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for t in $(seq -2 2)',
        't=$((-2 + SLURM_ARRAY_TASK_ID))',
        'set -- "$1" "$t"',
      ),
    },
  },
  {
    name: 'literal list of even steps is a count',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for lr in 10 20 30; do',
      '  sbatch job.sh --lr "$lr"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=10-30:10 job.array.sh --lr',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for lr in 10 20 30',
        'lr=$SLURM_ARRAY_TASK_ID',
        'set -- "$1" "$lr"',
      ),
    },
  },
  {
    name: 'literal list with spaces and quotes',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for s in alpha \'beta gamma\' "it\'s" delta; do',
      '  sbatch job.sh "$s"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=0-3 job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for s in alpha \'beta gamma\' "it\'s" delta',
        'values=(alpha \'beta gamma\' \'it\'\\\'\'s\' delta)',
        's=${values[$SLURM_ARRAY_TASK_ID]}',
        'set -- "$s"',
      ),
    },
  },
  {
    name: 'brace list',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for s in sample_{A,B,C}.bam; do',
      '  sbatch job.sh "$s"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'sbatch --array=0-2 job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for s in sample_{A,B,C}.bam',
        'values=(sample_A.bam sample_B.bam sample_C.bam)',
        's=${values[$SLURM_ARRAY_TASK_ID]}',
        'set -- "$s"',
      ),
    },
  },
  {
    name: 'literal array',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'samples=(s1 "s 2" s3)',
      'for s in "${samples[@]}"; do',
      '  sbatch job.sh "$s"',
      'done',
    ],
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        'samples=(s1 "s 2" s3)',
        'sbatch --array=0-2 job.array.sh',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for s in "${samples[@]}"',
        'values=(s1 \'s 2\' s3)',
        's=${values[$SLURM_ARRAY_TASK_ID]}',
        'set -- "$s"',
      ),
    },
  },
  {
    name: 'MaxArraySize split: 1..2500 with maxArraySize 1001',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in {1..2500}; do',
      '  sbatch --output=logs/%x_$i.out job.sh "$i"',
      'done',
    ],
    maxArraySize: 1001,
    expect: {
      driver: [
        '#!/bin/bash',
        'set -eu',
        '# 2500 tasks are more than one array may hold (MaxArraySize 1001): submit them in chunks.',
        'offset=0',
        'while [ "$offset" -lt 2500 ]; do',
        '  sbatch --array=0-$((2500 - offset > 1001 ? 1000 : 2500 - offset - 1)) --export=ALL,HPCW_TASK_OFFSET=$offset --output=logs/%x_%A_%a.out job.array.sh',
        '  offset=$((offset + 1001))',
        'done',
      ],
      path: 'job.array.sh',
      arrayScript: fromJob(
        '# The loop was: for i in {1..2500}',
        'task=$((SLURM_ARRAY_TASK_ID + ${HPCW_TASK_OFFSET:-0}))',
        'i=$((1 + task))',
        'set -- "$i"',
      ),
      throttledDriver: [
        '#!/bin/bash',
        'set -eu',
        '# 2500 tasks are more than one array may hold (MaxArraySize 1001): submit them in chunks.',
        'offset=0',
        'while [ "$offset" -lt 2500 ]; do',
        '  sbatch --array=0-$((2500 - offset > 1001 ? 1000 : 2500 - offset - 1))%10 --export=ALL,HPCW_TASK_OFFSET=$offset --output=logs/%x_%A_%a.out job.array.sh',
        '  offset=$((offset + 1001))',
        'done',
      ],
    },
  },
];
