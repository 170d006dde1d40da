import { runRuleTable, script } from '../../support/ruleTable';

runRuleTable('slurm/not-a-batch-script', {
  valid: [script('#SBATCH --time=5', 'echo hi'), '#!/usr/bin/env python3\n#SBATCH -t 5\nprint(1)\n', '#!/bin/sh\n'],
  invalid: [
    { name: 'empty', code: '', errors: [{ line: 1, severity: 'error', message: 'empty' }] },
    { name: 'whitespace', code: '   \n\n', errors: [{ line: 1, message: 'only whitespace' }] },
    { name: 'no shebang', code: '#SBATCH --time=5\necho hi\n', errors: [{ line: 1, message: '#!', fix: 'Insert #!/bin/bash', fixed: '#!/bin/bash\n#SBATCH --time=5\necho hi\n' }] },
    { name: 'byte-order mark', code: '\uFEFF#!/bin/bash\necho\n', errors: [{ line: 1, message: 'byte-order mark', fix: 'Remove the byte-order mark', fixed: '#!/bin/bash\necho\n' }] },
    { name: 'NUL byte', code: '#!/bin/bash\necho a\u0000b\n', errors: [{ line: 2, message: 'NUL' }] },
    { name: 'CRLF', code: '#!/bin/bash\r\n#SBATCH -t 5\r\necho\r\n', errors: [{ line: 1, message: 'DOS line breaks', fix: 'LF' }] },
  ],
});
