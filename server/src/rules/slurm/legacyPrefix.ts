import { lineRange, type Finding } from '../../core/types';
import type { Rule } from '../types';

const ID = 'slurm/legacy-prefix';

/** `#SLURM` lines: sbatch still reads them, but complains and asks for `#SBATCH`. */
export const legacyPrefix: Rule = {
  meta: { id: ID, description: 'A directive written with the old #SLURM prefix', defaultSeverity: 'warning', fixable: true },
  check({ script }) {
    const findings: Finding[] = [];
    for (const d of script.directives) {
      if (d.prefix !== '#SLURM' || d.continuation) continue;
      const range = lineRange(d.line, 0, 6);
      findings.push({
        code: ID, severity: 'warning', range,
        message: 'sbatch still reads #SLURM lines but prints an error asking for #SBATCH; write #SBATCH',
        fixes: [{ title: 'Change #SLURM to #SBATCH', edits: [{ range, newText: '#SBATCH' }], isPreferred: true, safe: true }],
      });
    }
    return findings;
  },
};
