import type { Finding } from '../../core/types';
import { nameRange } from '../ranges';
import type { Rule } from '../types';

const ID = 'slurm/abbreviated-option';

/**
 * Long options shortened to a prefix (`--ntasks-per-n`). getopt_long accepts any unique prefix,
 * but a newer Slurm that adds an option with the same prefix makes the script fail.
 */
export const abbreviatedOption: Rule = {
  meta: { id: ID, description: 'A long option shortened to a prefix; works until Slurm adds a similar option', defaultSeverity: 'info', fixable: true },
  check({ script }) {
    const findings: Finding[] = [];
    for (const o of script.options) {
      if (o.form !== 'abbreviated') continue;
      const range = nameRange(o);
      findings.push({
        code: ID, severity: 'info', range,
        message: `${o.written} is read as --${o.spec.name}; write the full name so a future Slurm option cannot make it ambiguous`,
        fixes: [{ title: `Write --${o.spec.name} in full`, edits: [{ range, newText: `--${o.spec.name}` }], isPreferred: true, safe: true }],
        data: { option: o.spec.name },
      });
    }
    return findings;
  },
};
