import { lineRange, type Finding, type Severity } from '../../core/types';
import { grammarFor } from '../../slurm/values/registry';
import { valuePartRange } from '../ranges';
import type { Rule } from '../types';
import { valueContextFor } from '../valueContext';
import { longName, swallowedOption } from './shared';

const ID = 'slurm/invalid-value';

/**
 * Values sbatch (or the controller, for checks that do not depend on the site) refuses, values it
 * reads differently from how they are written, and values that pass only within site limits.
 */
export const invalidValue: Rule = {
  meta: { id: ID, description: 'An option value sbatch refuses, or reads other than as written', defaultSeverity: 'error', fixable: true, tip: 6 },
  check({ script, settings }) {
    const findings: Finding[] = [];
    for (const component of script.components) {
      for (const p of component.problems) {
        if (p.kind !== 'unexpected-value' || !p.spec) continue;
        const range = lineRange(p.line, p.start, p.end);
        findings.push({
          code: ID, severity: 'error', range,
          message: `${p.written} takes no value, so sbatch refuses a value after it`,
          fixes: [{ title: `Remove the value of ${p.written}`, edits: [{ range, newText: `--${p.spec.name}` }], isPreferred: true, safe: true }],
          data: { kind: 'unexpected-value', option: p.spec.name },
        });
      }
      for (const o of component.options) {
        // Options sbatch skips in scripts never reach their setter, so their values are not checked.
        if (o.value === undefined || swallowedOption(o) || o.spec.commandLineOnly) continue;
        const ctx = valueContextFor(o.spec.name, settings);
        for (const v of grammarFor(o.spec.value).validate(o.value, ctx)) {
          const severity: Severity = v.severity;
          findings.push({
            code: ID, severity, range: valuePartRange(o, v.start, v.end),
            message: v.message.includes(longName(o)) ? v.message : `${longName(o)}: ${v.message}`,
            fixes: [], data: { option: o.spec.name, siteDependent: v.siteDependent === true },
          });
        }
      }
    }
    return findings;
  },
};
