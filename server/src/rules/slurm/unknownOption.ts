import { lineRange, type Finding } from '../../core/types';
import { isOptionInVersion, optionByName, optionByShort } from '../../slurm/options';
import { suggestOption } from '../../slurm/suggest';
import { compareVersions } from '../../slurm/versions';
import type { Rule } from '../types';

const ID = 'slurm/unknown-option';

/**
 * Options sbatch's getopt_long does not recognise: unknown names, ambiguous abbreviations, and
 * options that exist only in other Slurm series than the one configured. sbatch refuses all.
 */
export const unknownOption: Rule = {
  meta: { id: ID, description: 'An option sbatch does not know (or not in the configured Slurm version)', defaultSeverity: 'error', fixable: true },
  check({ script, settings }) {
    const findings: Finding[] = [];
    const catalog = script.catalog;
    for (const component of script.components) {
      for (const p of component.problems) {
        if (p.kind !== 'unknown' && p.kind !== 'ambiguous') continue;
        const range = lineRange(p.line, p.start, p.end);
        const isLong = p.written.startsWith('--');
        const bare = p.written.replace(/^-+/, '');
        if (p.kind === 'ambiguous') {
          const list = (p.candidates ?? []).map((c) => `--${c}`);
          findings.push({
            code: ID, severity: 'error', range,
            message: `sbatch refuses the abbreviation ${p.written}: it could mean ${list.join(', ')}`,
            fixes: list.slice(0, 5).map((name, i) => ({ title: `Change to ${name}`, edits: [{ range, newText: name }], isPreferred: i === 0 && list.length === 1, safe: false })),
            data: { kind: 'ambiguous', candidates: p.candidates },
          });
          continue;
        }
        const other = isLong ? optionByName(bare) : optionByShort(bare);
        if (other && !isOptionInVersion(other, settings.version)) {
          const v = settings.version;
          const when = other.since && v !== 'any' && compareVersions(v, other.since) < 0 ? `added in ${other.since}` : other.until ? `removed after ${other.until}` : `missing from ${v}`;
          findings.push({
            code: ID, severity: 'error', range,
            message: `${p.written} is not an option of sbatch in Slurm ${settings.version} (${when}); sbatch there refuses it`,
            fixes: [], data: { kind: 'not-in-version', option: other.name },
          });
          continue;
        }
        const suggestion = isLong ? suggestOption(bare, catalog) : undefined;
        const fixes = suggestion ? [{ title: `Change to --${suggestion}`, edits: [{ range, newText: `--${suggestion}` }], isPreferred: true, safe: false }] : [];
        findings.push({
          code: ID, severity: 'error', range,
          message: `sbatch does not know the option ${p.written}${suggestion ? `; did you mean --${suggestion}?` : ''}${!isLong ? ' (no short option of that letter)' : ''}`,
          fixes, data: { kind: 'unknown', suggestion },
        });
      }
    }
    return findings;
  },
};
