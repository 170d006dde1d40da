import { lineRange, type Finding } from '../../core/types';
import { grammarFor } from '../../slurm/values/registry';
import { nameRange } from '../ranges';
import type { Rule } from '../types';
import { valueContextFor } from '../valueContext';
import { longName, swallowedOption } from './shared';

const ID = 'slurm/missing-value';

/**
 * Options that need a value but have none: at the end of the directives (sbatch refuses), or
 * followed by another option that getopt then takes as the value (refused when that text is not
 * a valid value; otherwise accepted, and the swallowed option is silently lost).
 */
export const missingValue: Rule = {
  meta: { id: ID, description: 'An option that needs a value has none, or takes the next option as its value', defaultSeverity: 'error', fixable: false },
  check({ script, settings }) {
    const findings: Finding[] = [];
    for (const component of script.components) {
      for (const p of component.problems) {
        if (p.kind !== 'missing-value' || !p.spec) continue;
        findings.push({
          code: ID, severity: 'error', range: lineRange(p.line, p.start, p.end),
          message: `${p.written} needs a value and has none, so sbatch refuses the script (for example: ${p.spec.example.replace(/^#SBATCH\s+/, '')})`,
          fixes: [], data: { option: p.spec.name },
        });
      }
      for (const o of component.options) {
        if (!swallowedOption(o) || o.value === undefined) continue;
        const ctx = valueContextFor(o.spec.name, settings);
        const refused = grammarFor(o.spec.value).validate(o.value, ctx).some((v) => v.severity === 'error');
        const where = o.valueLine === o.line ? 'the next word' : `line ${o.valueLine + 1}`;
        findings.push({
          code: ID, severity: refused ? 'error' : 'warning', range: nameRange(o),
          message: refused
            ? `${longName(o)} has no value: getopt takes "${o.value}" from ${where} as its value, which sbatch refuses`
            : `${longName(o)} has no value: getopt takes "${o.value}" from ${where} as its value, so that option is never applied`,
          fixes: [], data: { option: o.spec.name, swallowed: o.value },
        });
      }
    }
    return findings;
  },
};
