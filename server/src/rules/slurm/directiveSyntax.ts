import { lineRange, type Finding, type Fix } from '../../core/types';
import type { GetoptProblem, ParsedOption, PlacedArg } from '../../slurm/getopt';
import type { JobScript } from '../../slurm/jobScript';
import type { Rule } from '../types';

const ID = 'slurm/directive-syntax';

/**
 * Offers to quote a value that a blank split in two (`--job-name=my job` -> `--job-name="my job"`):
 * the value of the option just before the stray word, up to the last word on that line.
 */
function quoteFix(script: JobScript, stray: GetoptProblem, options: ParsedOption[], unread: PlacedArg[]): Fix | undefined {
  const before = options.filter((o) => o.valueLine === stray.line && o.value !== undefined && o.valueColumns.length > 0 && o.valueColumns[0] < stray.start);
  const owner = before[before.length - 1];
  if (!owner) return undefined;
  const lineText = script.lines.lines[stray.line];
  const sameLine = unread.filter((u) => u.line === stray.line);
  const end = sameLine.length > 0 ? sameLine[sameLine.length - 1].arg.end : stray.end;
  const start = owner.valueColumns[0];
  const raw = lineText.slice(start, end);
  if (/["'\\]/.test(raw)) return undefined;
  return {
    title: `Quote the value of --${owner.spec.name}: "${raw}"`,
    edits: [{ range: lineRange(stray.line, start, end), newText: `"${raw}"` }],
    isPreferred: true,
    safe: false,
  };
}

/**
 * Directive lines sbatch cannot read: an unmatched quote or a word starting with `:` (fatal), and
 * a word that is not an option (sbatch: "Invalid directive found in batch script"), which is most
 * often a value with an unquoted blank.
 */
export const directiveSyntax: Rule = {
  meta: { id: ID, description: 'A directive line sbatch cannot read: unmatched quote, stray word, leading colon', defaultSeverity: 'error', fixable: true },
  check({ script }) {
    const findings: Finding[] = [];
    for (const d of script.directives) {
      const e = d.split.error;
      if (!e) continue;
      const lineText = script.lines.lines[d.line];
      findings.push(
        e.kind === 'unmatched-quote'
          ? { code: ID, severity: 'error', range: lineRange(d.line, e.column, lineText.length), message: `Unmatched ${e.quote} quote: sbatch stops with a fatal error on this line`, fixes: [], data: { kind: e.kind } }
          : { code: ID, severity: 'error', range: lineRange(d.line, e.column, e.column + 1), message: 'A word starting with ":" is a fatal error for sbatch', fixes: [], data: { kind: e.kind } },
      );
    }
    for (const c of script.components) {
      for (const p of c.problems) {
        if (p.kind !== 'not-an-option') continue;
        const fix = quoteFix(script, p, c.options, c.unread);
        findings.push({
          code: ID, severity: 'error', range: lineRange(p.line, p.start, p.end),
          message: `sbatch refuses the script: "${p.written}" is not an option (a value with a blank must be quoted), and nothing after it is read`,
          fixes: fix ? [fix] : [], data: { kind: 'not-an-option' },
        });
      }
    }
    return findings;
  },
};
