/**
 * Every fix we offer, judged by the REAL sbatch 22.05 of the test cluster (scripts/test-cluster.sh).
 *
 * For each script of the agreement corpus (test/fixtures/slurm) we make one variant per fix of
 * each finding (the quick fixes a user picks one at a time) plus the fix-all result (what
 * `hpcw lint --fix` writes), and ask `sbatch --test-only` about each variant:
 *  - every fixed script we call clean is accepted: no error from us → sbatch accepts it, unless it
 *    refuses for a reason that depends on this cluster (a partition, node shape or file it lacks);
 *  - we still agree with sbatch on the fixed script: an error from us → sbatch refuses it;
 *  - a fix never breaks a script sbatch accepted, except by turning on a directive sbatch was
 *    skipping (an ignored or translated line) whose own value is wrong — which we then report.
 * The fixes that create other files (the submit-loop conversion) are proved in submitLoop.test.ts.
 *
 * Skips when no cluster is running, unless REQUIRE_CLUSTER=1 (CI), where it fails instead.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeJobScript } from '../../server/src/analyze';
import { applyEdits } from '../../server/src/core/fixAll';
import { fixText } from '../../server/src/cli/lint';
import type { AnalysisSettings } from '../../server/src/rules/types';
import { sharedShellParser } from '../../server/src/shell/loader';
import type { ShellParser } from '../../server/src/shell/model';
import { splitLines } from '../../server/src/slurm/lines';
import { clusterEnvOrSkip, fixturesDir, isSiteDependent, listFixtures, readRecordedVerdicts, repoRoot, type ClusterEnv } from '../support/cluster';

/** The test cluster's facts, as the agreement test gives them to the CLI. */
const SETTINGS: Partial<AnalysisSettings> = { version: '22.05', maxArraySize: 10001 };

interface Variant {
  /** `<fixture> / <rule>: <fix title>` or `<fixture> / fix-all`. */
  label: string;
  fixture: string;
  text: string;
  /** True when the fix makes sbatch read a line it skipped before (its value is then judged anew). */
  activates: boolean;
}

/** Rules whose fixes turn a skipped line into a directive sbatch reads. */
const ACTIVATING_RULES = new Set(['slurm/ignored-directive', 'slurm/foreign-directive', 'slurm/legacy-prefix']);

/**
 * Refusals that depend on this test cluster, not on the script's text: a partition, account or
 * QOS it does not have, a node shape it cannot offer, a node file that does not exist here.
 * (The agreement corpus marks such scripts `# agreement: site`; fixed variants can newly hit them.)
 */
const SITE_REFUSALS = [/invalid partition/i, /node configuration is not available/i, /Invalid --nodefile/i, /invalid account/i, /invalid qos/i, /Invalid feature specification/i];

/** Asks the real sbatch --test-only about a text; returns `ACCEPT` or `REJECT: ...`. */
function sbatchVerdict(dir: string, name: string, text: string, cluster: ClusterEnv): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text, 'latin1');
  const run = spawnSync('bash', [path.join(repoRoot(), 'scripts', 'sbatch-oracle.sh'), '--mode', 'test-only', file], {
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, HPCW_CLUSTER_ENV: cluster.file },
  });
  const line = (run.stdout ?? '').trim();
  if (line !== 'ACCEPT' && !line.startsWith('REJECT')) throw new Error(`sbatch-oracle.sh gave no verdict for ${name}: ${line} ${run.stderr}`);
  return line;
}

/** One variant per (non-suppression) fix of each finding, and the fix-all result when it differs. */
function variantsOf(fixture: string, text: string, shell: ShellParser): Variant[] {
  const out: Variant[] = [];
  const starts = splitLines(text).starts;
  for (const finding of analyzeJobScript(text, SETTINGS, shell).findings) {
    for (const fix of finding.fixes) {
      if (fix.edits.length === 0 || (fix.files?.length ?? 0) > 0) continue;
      const fixed = applyEdits(text, starts, fix.edits);
      if (fixed !== text) out.push({ label: `${fixture} / ${finding.code}: ${fix.title}`, fixture, text: fixed, activates: ACTIVATING_RULES.has(finding.code) });
    }
  }
  const all = fixText(text, SETTINGS, shell);
  if (all !== text) out.push({ label: `${fixture} / fix-all`, fixture, text: all, activates: true });
  return out;
}

describe('fixed job scripts on a real Slurm 22.05', function () {
  this.timeout(10 * 60_000);
  const recorded = readRecordedVerdicts();
  const variants: Variant[] = [];
  let cluster: ClusterEnv;
  let dir = '';
  let shell: ShellParser;

  before(async function () {
    cluster = clusterEnvOrSkip(this);
    shell = await sharedShellParser();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hpcw-fixed-'));
    for (const fixture of listFixtures()) {
      const text = fs.readFileSync(path.join(fixturesDir(), fixture), 'latin1');
      variants.push(...variantsOf(fixture, text, shell));
    }
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has fixes to judge (most corpus scripts have at least one)', function () {
    assert.ok(variants.length >= 200, `only ${variants.length} fixed variants`);
  });

  it('every fixed script we call clean is accepted, we still agree with sbatch, and no fix breaks a script', function () {
    const problems: string[] = [];
    const tally = { accepted: 0, refusedWithOurError: 0, site: 0 };
    for (const v of variants) {
      const original = recorded.get(v.fixture);
      const ourErrors = analyzeJobScript(v.text, SETTINGS, shell).findings.filter((f) => f.severity === 'error').map((f) => `${f.code} (line ${f.range.start.line + 1})`);
      const verdict = sbatchVerdict(dir, v.fixture, v.text, cluster);
      if (verdict === 'ACCEPT') {
        tally.accepted++;
        if (ourErrors.length > 0) problems.push(`${v.label}: sbatch accepts the fixed script but we report ${ourErrors.join(', ')}`);
      } else if (ourErrors.length === 0) {
        if (SITE_REFUSALS.some((re) => re.test(verdict)) || isSiteDependent(v.text)) tally.site++;
        else problems.push(`${v.label}: we find no error after the fix but sbatch refuses it — ${verdict}`);
      } else {
        tally.refusedWithOurError++;
        if (original?.testonly === 'ACCEPT' && !v.activates) problems.push(`${v.label}: sbatch accepted the original but the fix breaks it — ${verdict} (we report ${ourErrors.join(', ')})`);
      }
    }
    console.log(`    fixed variants: ${variants.length}; accepted ${tally.accepted}, refused with an error from us ${tally.refusedWithOurError}, refused for this cluster's set-up ${tally.site}`);
    assert.deepStrictEqual(problems, []);
  });
});
