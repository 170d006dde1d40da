import type { Finding } from '../core/types';

/** Rules switched off by comments in a document. */
export interface Suppressions {
  /** Rules off for the whole file (`*` = all). */
  file: Set<string>;
  /** Rules off on a given line (`*` = all). */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /#\s*hpc-disable(-next-line|-line)?(?:\s+([A-Za-z0-9/_,\s-]+?))?\s*(?:--.*)?$/;

function ruleList(text: string | undefined): string[] {
  const ids = (text ?? '').split(/[\s,]+/).filter((s) => s !== '');
  return ids.length > 0 ? ids : ['*'];
}

/**
 * Reads suppression comments: `# hpc-disable RULE...` (whole file), `# hpc-disable-next-line
 * RULE...` and a trailing `# hpc-disable-line RULE...`. Without rule ids, all rules are meant.
 */
export function readSuppressions(lines: readonly string[]): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (!text.includes('hpc-disable')) continue;
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const ids = ruleList(m[2]);
    if (m[1] === undefined) {
      if (/^\s*#/.test(text)) ids.forEach((id) => result.file.add(id));
      continue;
    }
    const target = m[1] === '-next-line' ? i + 1 : i;
    const set = result.lines.get(target) ?? new Set<string>();
    ids.forEach((id) => set.add(id));
    result.lines.set(target, set);
  }
  return result;
}

/** True when the finding is switched off by a suppression comment. */
export function isSuppressed(f: Finding, s: Suppressions): boolean {
  if (s.file.has('*') || s.file.has(f.code)) return true;
  const set = s.lines.get(f.range.start.line);
  return set !== undefined && (set.has('*') || set.has(f.code));
}
