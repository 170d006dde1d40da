/** Loops the conversion leaves alone, and why. */
import { type ConversionCase } from './arrayConversionCases';

export const NO_FIX_CASES: ConversionCase[] = [
  {
    name: 'unreadable job script: no fix',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2; do sbatch missing.sh "$i"; done',
    ],
    expect: { noFix: 'after-reading' },
  },
  {
    name: 'a loop body with mkdir: no fix',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for s in a b; do',
      '  mkdir -p "out/$s"',
      '  sbatch job.sh "$s"',
      'done',
    ],
    expect: { noFix: 'loop-body' },
  },
  {
    name: 'nested loops: no fix',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for a in x y; do',
      '  for b in 1 2; do',
      '    sbatch job.sh "$a" "$b"',
      '  done',
      'done',
    ],
    expect: { noFix: 'nested-loop' },
  },
  {
    name: 'job script already an array: no fix',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2; do sbatch job.sh "$i"; done',
    ],
    files: { 'job.sh': "#!/bin/bash\n#SBATCH --array=1-4\necho\n" },
    expect: { noFix: 'after-reading' },
  },
  {
    name: 'a python job script: no fix',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2; do sbatch job.py "$i"; done',
    ],
    files: { 'job.py': "#!/usr/bin/env python3\n#SBATCH --time=5\nprint(1)\n" },
    expect: { noFix: 'after-reading' },
  },
  {
    name: 'a sh job script where bash is needed: no fix',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for s in a b; do sbatch job.sh "$s"; done',
    ],
    files: { 'job.sh': "#!/bin/sh\n#SBATCH --time=5\necho \"$1\"\n" },
    expect: { noFix: 'after-reading' },
  },
  {
    name: 'job id used later: no fix',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2; do',
      '  jid=$(sbatch --parsable job.sh "$i")',
      'done',
      'sbatch --dependency=afterok:$jid merge.sh',
    ],
    expect: { noFix: 'job-id-used' },
  },
  {
    name: 'the loop variable used after the loop: no fix',
    driver: [
      '#!/bin/bash',
      'set -eu',
      'for i in 1 2 3; do sbatch job.sh "$i"; done',
      'echo "last: $i"',
    ],
    expect: { noFix: 'loop-body' },
  },
];
