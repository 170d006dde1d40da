import type { Finding, Severity } from '../core/types';
import { isSuppressed, type Suppressions } from './suppression';

/** What `runRules` needs of a rule: its id and a check over some context (job script or workflow file). */
export interface CheckingRule<C> {
  meta: { id: string };
  check(ctx: C): Finding[];
}

/** Findings in reading order: by line, column, then rule id. */
export function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}

/**
 * Runs rules over one analysed document, the same way for job scripts and workflow files: a rule
 * set to `off` (or refused by `applies`) is skipped; a rule that throws (a bug) becomes an `info`
 * finding at the top instead of losing the others; suppressed findings are dropped; a configured
 * severity replaces the rule's own. Returns the findings sorted by position.
 */
export function runRules<C, R extends CheckingRule<C>>(
  rules: readonly R[],
  ctx: C,
  severity: Record<string, Severity | 'off'>,
  suppressions: Suppressions,
  applies: (rule: R) => boolean = () => true,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = severity[rule.meta.id];
    if (configured === 'off' || !applies(rule)) continue;
    let produced: Finding[];
    try {
      produced = rule.check(ctx);
    } catch (err) {
      produced = [{ code: rule.meta.id, severity: 'info', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `Internal error in rule ${rule.meta.id}: ${String(err)}`, fixes: [] }];
    }
    for (const f of produced) {
      if (isSuppressed(f, suppressions)) continue;
      findings.push(configured ? { ...f, severity: configured } : f);
    }
  }
  return findings.sort(byPosition);
}
