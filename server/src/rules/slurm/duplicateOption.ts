import { lineRange, type Finding, type Fix, type Range } from '../../core/types';
import { getoptTarget, type ParsedOption } from '../../slurm/getopt';
import type { JobScript } from '../../slurm/jobScript';
import { compareVersions } from '../../slurm/versions';
import { optionRange, wholeLineRange } from '../ranges';
import type { Rule } from '../types';

const ID = 'slurm/duplicate-option';

/** Options that may repeat on purpose (each `-v` raises the verbosity). */
const REPEATABLE = new Set(['verbose']);

/** Range that removes an option: its whole line when it is the line's only option. */
function removalRange(script: JobScript, o: ParsedOption): Range | undefined {
  if (o.valueFromNextArg && o.valueLine !== o.line) return undefined;
  const d = script.directives.find((x) => x.line === o.line);
  if (!d) return undefined;
  const lines = script.lines.lines;
  if (d.split.args.length === (o.valueFromNextArg ? 2 : 1)) return wholeLineRange(o.line, lines.length, lines[lines.length - 1].length);
  const r = optionRange(o);
  const text = lines[o.line];
  let end = r.end.character;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return lineRange(o.line, r.start.character, end);
}

/**
 * An option given twice in one job (component): sbatch keeps the last value and drops the earlier
 * one without a word. Offers to delete the earlier one, which changes nothing in what Slurm does.
 */
export const duplicateOption: Rule = {
  meta: { id: ID, description: 'An option given more than once; the last one silently wins', defaultSeverity: 'warning', fixable: true },
  check({ script, settings }) {
    const findings: Finding[] = [];
    // Up to 24.11 repeated --mail-type values add up; from 25.05 the last one replaces the others.
    // With no version configured we cannot tell, so repeated mail types are left alone.
    const mailAccumulates = settings.version === 'any' || compareVersions(settings.version, '25.05') < 0;
    for (const component of script.components) {
      const seen = new Map<string, ParsedOption>();
      for (const o of component.options) {
        const key = getoptTarget(o.spec.name);
        if (REPEATABLE.has(key) || (key === 'mail-type' && mailAccumulates)) continue;
        const earlier = seen.get(key);
        seen.set(key, o);
        if (!earlier) continue;
        const same = (earlier.value ?? '') === (o.value ?? '');
        const removal = removalRange(script, earlier);
        const fixes: Fix[] = removal ? [{ title: `Remove the earlier --${key} (line ${earlier.line + 1})`, edits: [{ range: removal, newText: '' }], isPreferred: true, safe: true }] : [];
        findings.push({
          code: ID, severity: same ? 'hint' : 'warning', range: optionRange(o),
          message: same
            ? `--${key} is already given on line ${earlier.line + 1} with the same value`
            : `--${key} is given twice: this value wins and "${earlier.value ?? ''}" on line ${earlier.line + 1} is silently dropped`,
          fixes, data: { option: key, earlierLine: earlier.line },
        });
      }
    }
    return findings;
  },
};
