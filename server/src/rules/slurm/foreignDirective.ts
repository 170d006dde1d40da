import { lineRange, type Finding, type Fix } from '../../core/types';
import type { JobScript } from '../../slurm/jobScript';
import { describeTranslated, sbatchRewriteFor, type ForeignLine, type ForeignTranslation } from '../../slurm/xlate';
import { foreignTranslation } from '../translatedOptions';
import { wholeLineRange } from '../ranges';
import type { Rule } from '../types';

const ID = 'slurm/foreign-directive';

const PREFIX = { pbs: '#PBS', bsub: '#BSUB' } as const;

/** Adds `#SBATCH --ignore-pbs` just below the `#!` line, which stops every #PBS/#BSUB translation. */
function ignorePbsFix(script: JobScript): Fix {
  const lines = script.lines.lines;
  const edit = lines.length > 1
    ? { range: lineRange(1, 0, 0), newText: '#SBATCH --ignore-pbs\n' }
    : { range: lineRange(0, lines[0].length, lines[0].length), newText: '\n#SBATCH --ignore-pbs' };
  return { title: 'Stop sbatch translating #PBS and #BSUB lines (add #SBATCH --ignore-pbs)', edits: [edit], isPreferred: false, safe: false };
}

/** Replaces a foreign line by its #SBATCH equivalent (in the header), when that changes nothing for sbatch. */
function rewriteFix(script: JobScript, translation: ForeignTranslation, fl: ForeignLine): Fix | undefined {
  const rewrite = sbatchRewriteFor(translation, fl, script, script.options);
  if (!rewrite) return undefined;
  const lines = script.lines.lines;
  const text = rewrite.directives.join('\n');
  const edits = rewrite.replaces
    ? [{ range: lineRange(fl.line, 0, lines[fl.line].length), newText: text }]
    : [
        { range: lineRange(rewrite.at, 0, 0), newText: `${text}\n` },
        { range: wholeLineRange(fl.line, lines.length, lines[lines.length - 1].length), newText: '' },
      ];
  return { title: 'Rewrite as #SBATCH lines', edits, isPreferred: true, safe: false };
}

/** What sbatch makes of one foreign line, in one sentence. */
function summary(fl: ForeignLine): string {
  const prefix = PREFIX[fl.dialect];
  const options = fl.options.map(describeTranslated).join(' ');
  const ignored = fl.ignored.map((p) => p.written).join(', ');
  const where = fl.afterCommand ? ` (sbatch reads ${prefix} lines anywhere in the script, also after the first command)` : '';
  if (options === '') return `sbatch reads this ${prefix} line but takes nothing from it: it ignores ${ignored}${where}`;
  return `sbatch reads this ${prefix} line as ${options}${ignored ? `; it ignores ${ignored}` : ''}${where}`;
}

/**
 * #PBS and #BSUB lines, which sbatch does not leave alone: it translates them into sbatch options
 * after reading the #SBATCH lines (so they win), refuses the script where the translation fails,
 * and drops what it cannot translate. Says what each line becomes (info), where sbatch refuses
 * (error) and what is lost or replaced (warning). Nothing when --ignore-pbs is given.
 */
export const foreignDirective: Rule = {
  meta: { id: ID, description: 'A #PBS or #BSUB line, which sbatch translates into sbatch options (or refuses)', defaultSeverity: 'info', fixable: true },
  check({ script, settings }) {
    const translation = foreignTranslation(script, settings);
    if (translation.lines.length === 0 && translation.problems.length === 0) return [];
    const ignoreFix = ignorePbsFix(script);
    const findings: Finding[] = [];
    for (const fl of translation.lines) {
      if (fl.options.length === 0 && fl.ignored.length === 0) continue;
      const rewrite = rewriteFix(script, translation, fl);
      findings.push({
        code: ID, severity: 'info', range: lineRange(fl.line, 0, script.lines.lines[fl.line].trimEnd().length),
        message: summary(fl),
        fixes: rewrite ? [rewrite, ignoreFix] : [ignoreFix],
        data: { kind: 'translation', dialect: fl.dialect, options: fl.options.map((t) => ({ option: t.option, value: t.value })) },
      });
    }
    for (const p of translation.problems) {
      findings.push({
        code: ID, severity: p.severity, range: lineRange(p.line, p.start, Math.max(p.end, p.start)),
        message: p.message,
        fixes: p.kind === 'not-read' ? [] : [ignoreFix],
        data: { kind: p.kind },
      });
    }
    return findings;
  },
};
