import * as assert from 'assert';
import { analyzeJobScript } from '../../server/src/analyze';
import { applyEdits } from '../../server/src/core/fixAll';
import { splitLines } from '../../server/src/slurm/lines';
import type { ShellDocumentKind } from '../../server/src/core/jobScriptDetection';
import type { Severity } from '../../server/src/core/types';
import type { AnalysisSettings } from '../../server/src/rules/types';
import { sharedShellParser } from '../../server/src/shell/loader';
import type { ShellParser } from '../../server/src/shell/model';

export interface ExpectedFinding {
  /** 1-based line. */
  line: number;
  severity?: Severity;
  /** Text the message must contain. */
  message?: string;
  /** Title of a fix that must be offered. */
  fix?: string;
  /** The text after applying that fix (whole document). */
  fixed?: string;
}

export interface RuleCase {
  name?: string;
  code: string;
  settings?: Partial<AnalysisSettings>;
  /** How the text is analysed: as a job script (the default) or as a submit script. */
  kind?: ShellDocumentKind;
}

export interface RuleTable {
  valid: (string | RuleCase)[];
  invalid: (RuleCase & { errors: ExpectedFinding[] })[];
  /**
   * True for rules that read the shell body (`ctx.shell`): the cases are then analysed with the
   * tree-sitter shell parser, loaded once in a `before` hook. Without it no parser is passed.
   */
  shell?: boolean;
}

/** `#!/bin/bash` + the given lines, each ending in a newline. */
export function script(...lines: string[]): string {
  return ['#!/bin/bash', ...lines].join('\n') + '\n';
}

/**
 * Runs a rule's table of valid and invalid cases: valid cases give no finding of the rule;
 * invalid cases give exactly the listed findings (by line, and severity/message/fix if given).
 */
export function runRuleTable(ruleId: string, table: RuleTable): void {
  describe(ruleId, () => {
    let shell: ShellParser | undefined;
    if (table.shell) {
      before(async () => {
        shell = await sharedShellParser();
      });
    }
    for (const [i, c] of table.valid.entries()) {
      const rc: RuleCase = typeof c === 'string' ? { code: c } : c;
      it(`valid #${i + 1}${rc.name ? `: ${rc.name}` : ''}`, () => {
        const found = analyzeJobScript(rc.code, rc.settings, shell, rc.kind).findings.filter((f) => f.code === ruleId);
        assert.deepStrictEqual(found.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
      });
    }
    for (const [i, c] of table.invalid.entries()) {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = analyzeJobScript(c.code, c.settings, shell, c.kind).findings.filter((f) => f.code === ruleId);
        assert.deepStrictEqual(found.map((f) => f.range.start.line + 1), c.errors.map((e) => e.line), `lines of ${ruleId} findings: ${found.map((f) => f.message).join(' | ')}`);
        for (const [k, e] of c.errors.entries()) {
          const f = found[k];
          if (e.severity) assert.strictEqual(f.severity, e.severity, f.message);
          if (e.message) assert.ok(f.message.includes(e.message), `"${f.message}" should contain "${e.message}"`);
          if (e.fix) {
            const fix = f.fixes.find((x) => x.title.includes(e.fix as string));
            assert.ok(fix, `fix "${e.fix}" not among ${f.fixes.map((x) => x.title).join(', ') || 'no fixes'}`);
            if (e.fixed !== undefined) {
              assert.strictEqual(applyEdits(c.code, splitLines(c.code).starts, fix.edits), e.fixed);
            }
          }
        }
      });
    }
  });
}
