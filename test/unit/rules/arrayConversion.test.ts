/**
 * The submit-loop conversion ("Convert to one job array"), case by case: a submit script and the
 * files a fake reader holds in, the exact new submit script and the exact array script out (or
 * no fix). Every result is also checked for what must hold whatever the case: the new array
 * script has no error of our own analysis, the new submit script has no submit loop left, both
 * are valid bash (`bash -n`), the fixes are never safe and the first is the preferred one.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { analyzeJobScript, resolveSettings } from '../../../server/src/analyze';
import { applyEdits } from '../../../server/src/core/fixAll';
import type { Fix } from '../../../server/src/core/types';
import { ruleById } from '../../../server/src/rules';
import type { AnalysisSettings } from '../../../server/src/rules/types';
import { sharedShellParser } from '../../../server/src/shell/loader';
import type { ShellParser } from '../../../server/src/shell/model';
import { splitLines } from '../../../server/src/slurm/lines';
import { JOB_FOOT, type ConversionCase } from './arrayConversionCases';
import { LINE_CASES } from './arrayConversionLineCases';
import { LIST_CASES } from './arrayConversionListCases';
import { LOOP_CASES } from './arrayConversionLoopCases';
import { NO_FIX_CASES } from './arrayConversionNoFixCases';

const CASES: ConversionCase[] = [...LOOP_CASES, ...LIST_CASES, ...LINE_CASES, ...NO_FIX_CASES];

const ID = 'array/submit-loop';

/** Runs the conversion of the case's one finding; returns the fixes and the finding's data. */
function convert(shell: ShellParser, c: ConversionCase): { fixes: Fix[]; data: Record<string, unknown> | undefined } {
  const text = c.driver.join('\n') + '\n';
  const partial: Partial<AnalysisSettings> = c.maxArraySize ? { maxArraySize: c.maxArraySize } : {};
  const analysis = analyzeJobScript(text, partial, shell, 'submit-script');
  const found = analysis.findings.filter((f) => f.code === ID);
  assert.strictEqual(found.length, 1, `one ${ID} finding expected, got: ${found.map((f) => f.message).join(' | ')}`);
  const rule = ruleById(ID);
  assert.ok(rule?.fixesWithFiles);
  const files = new Map(Object.entries(c.files ?? { 'job.sh': JOB_FOOT }));
  const fixes = rule.fixesWithFiles({ script: analysis.script, kind: analysis.kind, settings: resolveSettings(partial), shell: analysis.shell }, found[0], (p) => files.get(p));
  return { fixes, data: found[0].data };
}

/** `bash -n` on a text: undefined when it parses, else bash's complaint. */
function bashSyntaxError(text: string): string | undefined {
  const run = spawnSync('bash', ['-n'], { input: text, encoding: 'utf8' });
  if (run.error) return undefined; // no bash here: nothing to check
  return run.status === 0 ? undefined : run.stderr;
}

describe(`${ID}: conversion to one job array`, () => {
  let shell: ShellParser;
  before(async () => {
    shell = await sharedShellParser();
  });

  for (const c of CASES) {
    it(c.name, () => {
      const { fixes, data } = convert(shell, c);
      const text = c.driver.join('\n') + '\n';
      if ('noFix' in c.expect) {
        assert.deepStrictEqual(fixes.map((f) => f.title), [], 'no fix');
        if (c.expect.noFix !== 'after-reading') assert.strictEqual(data?.noFix, c.expect.noFix);
        else assert.strictEqual(data?.noFix, undefined, 'the submit script alone allows it');
        return;
      }
      const expect = c.expect;
      assert.ok(fixes.length > 0, `no fix; data: ${JSON.stringify(data)}`);
      assert.strictEqual(fixes[0].title, 'Convert to one job array');
      assert.strictEqual(fixes[0].isPreferred, true);
      assert.deepStrictEqual(fixes.map((f) => f.safe), fixes.map(() => false), 'never safe');
      assert.deepStrictEqual(fixes.slice(1).map((f) => f.title), expect.throttledDriver ? ['Convert to one job array, at most 10 tasks running at once (%10)'] : []);

      const newDriver = applyEdits(text, splitLines(text).starts, fixes[0].edits);
      assert.strictEqual(newDriver, expect.driver.join('\n') + '\n');
      assert.deepStrictEqual(fixes[0].files?.map((f) => f.kind), ['create']);
      const created = fixes[0].files?.[0];
      assert.ok(created && created.kind === 'create');
      assert.strictEqual(created.path, expect.path);
      assert.strictEqual(created.text, expect.arrayScript.join('\n') + '\n');
      if (expect.throttledDriver) {
        assert.strictEqual(applyEdits(text, splitLines(text).starts, fixes[1].edits), expect.throttledDriver.join('\n') + '\n');
        assert.deepStrictEqual(fixes[1].files, fixes[0].files, 'the same array script');
      }

      // Whatever the case: the results are clean and runnable.
      const errors = analyzeJobScript(created.text, {}, shell).findings.filter((f) => f.severity === 'error');
      assert.deepStrictEqual(errors.map((f) => `${f.range.start.line + 1}: ${f.code}: ${f.message}`), [], 'the array script has no error');
      const left = analyzeJobScript(newDriver, c.maxArraySize ? { maxArraySize: c.maxArraySize } : {}, shell, 'submit-script').findings.filter((f) => f.code === ID);
      assert.deepStrictEqual(left.map((f) => f.message), [], 'no submit loop left');
      assert.strictEqual(bashSyntaxError(newDriver), undefined, 'the submit script is valid bash');
      assert.strictEqual(bashSyntaxError(created.text), undefined, 'the array script is valid bash');
    });
  }
});
