import * as assert from 'node:assert/strict';
import type { ValueContext, ValueProblem } from '../../../server/src/slurm/values/grammar';
import type { ValueKind } from '../../../server/src/slurm/values/kinds';
import { grammarFor } from '../../../server/src/slurm/values/registry';
import type { TargetVersion } from '../../../server/src/slurm/versions';

/**
 * One row of a grammar table. `expect`: `ok` = no error and no warning (info is
 * allowed), `warning` = no error but at least one warning, `error` = at least one
 * error. `describe` is compared exactly (string) or matched (RegExp).
 */
export interface ValueCase {
  value: string;
  expect: 'ok' | 'warning' | 'error';
  version?: TargetVersion;
  option?: string;
  maxArraySize?: number;
  maxArraySizeKnown?: boolean;
  gresTypes?: string[];
  describe?: string | RegExp;
  /** When set, some problem must (true) or no problem may (false) be site-dependent. */
  siteDependent?: boolean;
  /** Where the row comes from (e.g. an oracle case). */
  note?: string;
}

/** The verdict a list of problems amounts to. */
export function verdictOf(problems: ValueProblem[]): 'ok' | 'warning' | 'error' {
  if (problems.some((p) => p.severity === 'error')) return 'error';
  if (problems.some((p) => p.severity === 'warning')) return 'warning';
  return 'ok';
}

/** Registers one mocha test per row for the grammar of `kind`. */
export function runValueTable(kind: ValueKind, defaultOption: string, cases: ValueCase[]): void {
  const grammar = grammarFor(kind);
  for (const c of cases) {
    const version = c.version ?? 'any';
    const title = `${kind} ${JSON.stringify(c.value)} [${version}] -> ${c.expect}${c.note ? ` (${c.note})` : ''}`;
    it(title, () => {
      const ctx: ValueContext = { option: c.option ?? defaultOption, version, maxArraySize: c.maxArraySize ?? 1001, maxArraySizeKnown: c.maxArraySizeKnown, gresTypes: c.gresTypes };
      const problems = grammar.validate(c.value, ctx);
      const shown = problems.map((p) => `${p.severity}: ${p.message}`).join('\n');
      assert.equal(verdictOf(problems), c.expect, shown);
      if (c.siteDependent !== undefined) {
        assert.equal(problems.some((p) => p.siteDependent === true), c.siteDependent, shown);
      }
      for (const p of problems) {
        if (p.start !== undefined || p.end !== undefined) {
          assert.ok(p.start !== undefined && p.end !== undefined && p.start >= 0 && p.end <= c.value.length && p.start < p.end, `bad range in ${shown}`);
        }
      }
      if (c.describe !== undefined) {
        const text = grammar.describe?.(c.value, ctx);
        if (typeof c.describe === 'string') assert.equal(text, c.describe);
        else assert.match(text ?? '', c.describe);
      }
    });
  }
}
