import type { Finding } from '../../core/types';
import { wholeLineRange, optionRange } from '../ranges';
import type { Rule } from '../types';

const ID = 'slurm/ignored-option';

/**
 * Options sbatch acts on only when they are given on its command line (--wrap, --help, --usage,
 * --version, --verbose, --quiet): in an #SBATCH line they are read and then skipped silently.
 */
export const ignoredOption: Rule = {
  meta: { id: ID, description: 'An option that has effect only on the sbatch command line, silently skipped in #SBATCH lines', defaultSeverity: 'warning', fixable: true },
  check({ script }) {
    const findings: Finding[] = [];
    const lines = script.lines.lines;
    for (const o of script.options) {
      if (!o.spec.commandLineOnly) continue;
      const d = script.directives.find((x) => x.line === o.line);
      const alone = d !== undefined && d.split.args.length === (o.valueFromNextArg ? 2 : 1) && (!o.valueFromNextArg || o.valueLine === o.line);
      findings.push({
        code: ID, severity: 'warning', range: optionRange(o),
        message: `sbatch skips --${o.spec.name} in #SBATCH lines without a word; it only works on the sbatch command line`,
        fixes: alone ? [{ title: `Remove the ignored --${o.spec.name} line`, edits: [{ range: wholeLineRange(o.line, lines.length, lines[lines.length - 1].length), newText: '' }], safe: false }] : [],
        data: { option: o.spec.name },
      });
    }
    return findings;
  },
};
