import { lineRange, type Finding, type Fix } from '../core/types';

/**
 * A fix that switches a finding's rule off where it is: a `# hpc-disable-next-line RULE` comment
 * above the line (comments do not end the #SBATCH header, so this is safe between directives), or
 * for the first line (the `#!` line must stay first) a file-wide `# hpc-disable RULE` below it.
 */
export function suppressionFix(f: Finding, lines: readonly string[]): Fix {
  const line = f.range.start.line;
  if (line === 0) {
    return { title: `Turn off ${f.code} for this file`, edits: [{ range: lineRange(1, 0, 0), newText: `# hpc-disable ${f.code}\n` }], safe: false };
  }
  const indent = /^[ \t]*/.exec(lines[line] ?? '')?.[0] ?? '';
  // An indented comment line stays a comment, but keep directives' column 0 for readability.
  const prefix = /^[ \t]*#SBATCH/.test(lines[line] ?? '') ? '' : indent;
  return { title: `Turn off ${f.code} for this line`, edits: [{ range: lineRange(line, 0, 0), newText: `${prefix}# hpc-disable-next-line ${f.code}\n` }], safe: false };
}
