import type { YAMLError } from 'yaml';
import type { Finding, Fix, Range, Severity } from '../../core/types';
import type { TextLines } from '../../slurm/lines';

/** What a YAML syntax problem means, in our words, by the `yaml` package's error code. */
const WORDS: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'A tab indents this line. YAML indents with spaces only; most loaders refuse the file.',
  BAD_DQ_ESCAPE: 'This escape sequence does not exist in double-quoted YAML strings (write \\\\ for a backslash, or use single quotes).',
  MULTIPLE_ANCHORS: 'A value can carry only one &anchor.',
  MULTIPLE_TAGS: 'A value can carry only one !tag.',
  ALIAS_PROPS: 'An alias (*name) cannot carry an anchor or a tag.',
  KEY_OVER_1024_CHARS: 'A key written without `?` may be at most 1024 characters long.',
  MULTILINE_IMPLICIT_KEY: 'A key written without `?` must fit on one line; a `:` may be missing on the line before.',
  BLOCK_AS_IMPLICIT_KEY: 'A nested mapping or list cannot start on the same line as its key; start it on the next line.',
};

/** Our wording for a message of the `yaml` package that depends on details in its text. */
function reword(e: YAMLError): string {
  const m = e.message;
  if (e.code === 'MISSING_CHAR' && /^Implicit map keys need to be followed by map values/.test(m)) return 'A key without `:` after it. Write `key: value`, or `- item` for a list entry.';
  if (e.code === 'MISSING_CHAR' && /^Missing closing .quote/.test(m)) return `The ${m.includes('"') ? 'double' : 'single'} quote opened here is never closed.`;
  if (e.code === 'BAD_INDENT' && /sequence items must start at the same column/i.test(m)) return 'The `-` entries of one list must start at the same column.';
  if (e.code === 'BAD_INDENT' && /mapping items must start at the same column/i.test(m)) return 'The keys of one mapping must start at the same column.';
  if (e.code === 'BAD_INDENT') return `Wrong indentation: ${m.charAt(0).toLowerCase()}${m.slice(1)}.`;
  if (e.code === 'TAG_RESOLVE_FAILED') return `${m}: a loader without a handler for this tag refuses the file or reads the value as text.`;
  return `YAML syntax: ${m}${/[.!?]$/.test(m) ? '' : '.'}`;
}

/** Replaces each tab in the line's indentation by two spaces (a guess at the intended depth). */
function tabFix(lines: TextLines, range: Range): Fix | undefined {
  const line = lines.lines[range.start.line] ?? '';
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  if (!indent.includes('\t')) return undefined;
  return {
    title: 'Indent with spaces instead of tabs',
    edits: [{ range: { start: { line: range.start.line, character: 0 }, end: { line: range.start.line, character: indent.length } }, newText: indent.replace(/\t/g, '  ') }],
    safe: false,
  };
}

/** A `workflow/yaml-syntax` finding for one error or warning of the YAML reader. */
export function syntaxFinding(reading: { lines: TextLines }, e: YAMLError, range: Range, severity: Severity): Finding {
  const fix = e.code === 'TAB_AS_INDENT' ? tabFix(reading.lines, range) : undefined;
  return {
    code: 'workflow/yaml-syntax',
    severity,
    range,
    message: WORDS[e.code] ?? reword(e),
    fixes: fix ? [fix] : [],
    data: { yamlCode: e.code },
  };
}

/** A `workflow/too-complex` finding: the file is refused before any schema check. */
export function tooComplexFinding(range: Range, kind: 'depth' | 'alias-expansion' | 'alias-cycle' | 'size', alias?: string): Finding {
  if (kind === 'size') return { code: 'workflow/too-complex', severity: 'warning', range, message: `This file is too large to check (${alias ?? 'over 8 million characters'}; the limit is 8 million).`, fixes: [], data: { kind } };
  const message =
    kind === 'depth'
      ? 'Nesting this deep is not checked: the file is refused before its schema is checked (more than 100 levels of mappings and lists).'
      : kind === 'alias-cycle'
        ? `The alias *${alias} refers to a value that contains the alias itself; loaders loop or refuse the file.`
        : `The aliases here (*${alias}) expand to more than 100,000 values: an "alias bomb" that makes loaders run out of memory. The schema is not checked.`;
  return { code: 'workflow/too-complex', severity: 'error', range, message, fixes: [], data: { kind } };
}
