import { lineRange, type Finding, type Fix } from '../../core/types';
import type { NearMiss } from '../../slurm/scanner';
import type { JobScript } from '../../slurm/jobScript';
import { wholeLineRange } from '../ranges';
import type { Rule } from '../types';

const ID = 'slurm/ignored-directive';

function prefixFix(miss: NearMiss, title: string): Fix {
  return { title, edits: [{ range: lineRange(miss.line, 0, miss.prefixEnd), newText: miss.written.startsWith('#SLURM') ? '#SLURM' : '#SBATCH' }], isPreferred: true, safe: true };
}

function moveFix(script: JobScript, miss: NearMiss): Fix | undefined {
  const first = script.firstCommandLine;
  // A "command" on line 1 is a broken #! line (e.g. behind a byte-order mark); moving a
  // directive above it would make things worse, so the whole-script fix comes first.
  if (first === undefined || first === 0) return undefined;
  const text = script.lines.lines[miss.line].trimStart();
  const last = script.lines.lines.length - 1;
  return {
    title: `Move this directive into the header (before line ${first + 1})`,
    edits: [
      { range: lineRange(first, 0, 0), newText: `${text}\n` },
      { range: wholeLineRange(miss.line, last + 1, script.lines.lines[last].length), newText: '' },
    ],
    isPreferred: true,
    safe: true,
  };
}

function describe(script: JobScript, miss: NearMiss): { message: string; severity: Finding['severity']; fix?: Fix } | undefined {
  const first = (script.firstCommandLine ?? 0) + 1;
  switch (miss.kind) {
    case 'after-command':
      return { severity: 'warning', message: `sbatch ignores this directive: it comes after the first command (line ${first}), where sbatch stops reading #SBATCH lines`, fix: moveFix(script, miss) };
    case 'indented':
      return { severity: 'warning', message: 'sbatch ignores this directive: #SBATCH must start at the very beginning of the line', fix: { title: 'Remove the indentation', edits: [{ range: lineRange(miss.line, 0, miss.prefixStart), newText: '' }], isPreferred: true, safe: true } };
    case 'wrong-case':
      return { severity: 'warning', message: `sbatch ignores this line: it only reads the prefix #SBATCH in capitals, not ${miss.written}`, fix: prefixFix(miss, 'Write the prefix as #SBATCH') };
    case 'misspelled':
      return { severity: 'warning', message: `sbatch ignores this line: ${miss.written} is not #SBATCH`, fix: prefixFix(miss, 'Correct the prefix to #SBATCH') };
    case 'space-after-hash':
      return { severity: 'hint', message: `sbatch ignores this line (a blank after #). If it is switched off on purpose, ##SBATCH says so more clearly`, fix: { ...prefixFix(miss, 'Turn it into a directive: #SBATCH'), isPreferred: false, safe: false } };
    case 'disabled':
      return undefined;
  }
}

/**
 * Lines that look like directives but that sbatch never reads (after the first command,
 * indented, wrong case, misspelled prefix), and text on a directive line that sbatch drops.
 */
export const ignoredDirective: Rule = {
  meta: { id: ID, description: 'A directive sbatch silently ignores (after the first command, indented, misspelled prefix)', defaultSeverity: 'warning', fixable: true },
  check({ script }) {
    const findings: Finding[] = [];
    for (const miss of script.nearMisses) {
      const d = describe(script, miss);
      if (!d) continue;
      const lineText = script.lines.lines[miss.line];
      findings.push({
        code: ID, severity: d.severity, range: lineRange(miss.line, miss.prefixStart, lineText.trimEnd().length),
        message: d.message, fixes: d.fix ? [d.fix] : [], data: { kind: miss.kind },
      });
    }
    for (const d of script.directives) {
      const from = d.split.droppedFrom;
      if (from === undefined) continue;
      const lineText = script.lines.lines[d.line];
      const end = d.split.commentStart ?? lineText.trimEnd().length;
      const why = d.split.separator ? `after "${d.split.separator.word}"` : 'after an empty quoted word';
      findings.push({
        code: ID, severity: 'warning', range: lineRange(d.line, from, Math.max(end, from + 1)),
        message: `sbatch stops reading this line ${why}, so "${lineText.slice(from, end).trim()}" is ignored; put it on its own #SBATCH line`,
        fixes: [], data: { kind: 'dropped' },
      });
    }
    return findings;
  },
};
