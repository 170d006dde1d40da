import { lineRange, type Finding } from '../../core/types';
import type { Rule } from '../types';

/**
 * sbatch's whole-script checks, in its order (only the first failing one is reported, as sbatch
 * does): empty, only whitespace, no `#!` first line, a NUL byte, DOS line breaks.
 */
export const notABatchScript: Rule = {
  meta: {
    id: 'slurm/not-a-batch-script',
    description: 'The file as a whole is one sbatch refuses: empty, no #! line, a NUL byte or DOS line breaks',
    defaultSeverity: 'error',
    fixable: true,
  },
  check({ script }) {
    const shape = script.shape;
    if (!shape) return [];
    const first = lineRange(0, 0, script.lines.lines[0]?.length ?? 0);
    const base = { code: 'slurm/not-a-batch-script', severity: 'error' as const, data: { problem: shape.kind } };
    switch (shape.kind) {
      case 'empty':
        return [{ ...base, range: first, message: 'sbatch refuses an empty batch script', fixes: [] }];
      case 'whitespace-only':
        return [{ ...base, range: first, message: 'sbatch refuses a batch script that holds only whitespace', fixes: [] }];
      case 'no-shebang': {
        if (script.text.startsWith('\uFEFF#!')) {
          // Editors hide a byte-order mark; sbatch sees its three bytes before the #!.
          return [{ ...base, range: lineRange(0, 0, 1), message: 'sbatch refuses this script: it starts with an invisible UTF-8 byte-order mark (BOM) before #!. Save it as UTF-8 without BOM', fixes: [{ title: 'Remove the byte-order mark', edits: [{ range: lineRange(0, 0, 1), newText: '' }], isPreferred: true, safe: true }], data: { problem: 'bom' } }];
        }
        const f: Finding = {
          ...base,
          range: first,
          message: 'sbatch refuses this script: its first line must start with #! and name an interpreter, e.g. #!/bin/bash',
          fixes: [{ title: 'Insert #!/bin/bash as the first line', edits: [{ range: lineRange(0, 0, 0), newText: '#!/bin/bash\n' }], isPreferred: true, safe: true }],
        };
        return [f];
      }
      case 'nul-char':
        return [{ ...base, range: lineRange(shape.line, shape.column, shape.column + 1), message: 'sbatch refuses scripts that contain a NUL byte (\\0); is this a binary file?', fixes: [] }];
      case 'dos-line-breaks': {
        const lineText = script.lines.lines[shape.line] ?? '';
        return [
          {
            ...base,
            range: lineRange(shape.line, 0, lineText.length),
            message: `sbatch refuses scripts with DOS line breaks (\\r\\n); this file has ${shape.count}. Save it with Unix (LF) line endings`,
            fixes: [{ title: 'Convert line endings to LF', edits: [], editorAction: 'set-eol-lf', isPreferred: true, safe: true }],
            data: { problem: shape.kind, count: shape.count },
          },
        ];
      }
    }
  },
};
