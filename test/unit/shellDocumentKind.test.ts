import * as assert from 'assert';
import { shellDocumentKind } from '../../server/src/core/jobScriptDetection';

describe('shellDocumentKind', () => {
  const cases: [string, string, string | undefined][] = [
    ['job.sbatch', 'echo hi\n', 'job-script'],
    ['run.sh', '#!/bin/bash\n#SBATCH --time=1:00\nsrun x\n', 'job-script'],
    ['submit.sh', '#!/bin/bash\nfor i in 1 2; do sbatch job.sh $i; done\n', 'submit-script'],
    ['submit.sh', '#!/bin/bash\njid=$(sbatch --parsable a.sh)\n', 'submit-script'],
    ['submit.sh', '#!/bin/bash\njid=`sbatch --parsable a.sh`\n', 'submit-script'],
    ['submit.sh', '#!/bin/bash\nsbatch\n', 'submit-script'],
    ['submit.sh', '#!/bin/bash\nset -e; sbatch a.sh\n', 'submit-script'],
    ['plain.sh', '#!/bin/bash\n# sbatch job.sh is how you run this\necho done\n', undefined],
    ['plain.sh', '#!/bin/bash\necho "use mysbatch or sbatch_wrapper"\n', undefined],
    ['plain.sh', '#!/bin/bash\nls /opt/sbatch-tools\n', undefined],
    ['plain.sh', '#!/bin/bash\necho hello\n', undefined],
  ];
  for (const [path, text, expected] of cases) {
    it(`${JSON.stringify(text.split('\n')[1])} in ${path} → ${expected ?? 'not analysed'}`, () => {
      assert.strictEqual(shellDocumentKind(path, text), expected);
    });
  }
});
