/**
 * The sbatch-agreement corpus against a REAL Slurm 22.05 (scripts/test-cluster.sh).
 *
 * (a) The real sbatch still gives every corpus script the verdict recorded in
 *     test/fixtures/slurm/sbatch-verdicts.tsv, so the corpus stays true.
 * (b) Our linter (through its CLI) reports at least one error exactly where sbatch --test-only
 *     rejects the script; for scripts marked `# agreement: site` (rejected only because of this
 *     cluster's set-up) it must report no error at all.
 *
 * Skips when no cluster is running, unless REQUIRE_CLUSTER=1 (CI), where it fails instead.
 * Run: npm run build && npx mocha --timeout 300000 out/test/cluster/agreement.test.js
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  AgreementTally,
  CliResult,
  VerdictRow,
  agreementProblem,
  agreementSummary,
  clusterEnvOrSkip,
  fixturesDir,
  isSiteDependent,
  lintWithCli,
  listFixtures,
  readRecordedVerdicts,
  recordLiveVerdicts,
} from '../support/cluster';

describe('sbatch agreement corpus on a real Slurm 22.05', function () {
  this.timeout(5 * 60_000);

  const fixtures = listFixtures();
  const recorded = readRecordedVerdicts();
  const site = new Map(fixtures.map((f) => [f, isSiteDependent(fs.readFileSync(path.join(fixturesDir(), f)))]));
  let live = new Map<string, VerdictRow>();
  let lint: CliResult = { ok: false, problem: 'the linter was not run' };
  const tally: AgreementTally = { total: fixtures.length, agreeing: 0, accepted: 0, rejected: 0, site: 0 };

  before(function () {
    const cluster = clusterEnvOrSkip(this);
    live = recordLiveVerdicts(cluster);
    lint = lintWithCli(fixtures.map((f) => path.join(fixturesDir(), f)));
  });

  after(function () {
    if (live.size > 0) console.log(`    ${agreementSummary('agreement (live sbatch)', tally)}`);
  });

  it('has a corpus of at least 150 scripts, each with a recorded verdict', function () {
    assert.ok(fixtures.length >= 150, `only ${fixtures.length} scripts`);
    assert.deepStrictEqual([...recorded.keys()].sort(), fixtures, 'sbatch-verdicts.tsv and the scripts differ: re-run scripts/record-sbatch-verdicts.sh');
  });

  describe('(a) the real sbatch still gives the recorded verdict', function () {
    for (const file of fixtures) {
      it(file, function () {
        assert.deepStrictEqual(live.get(file), recorded.get(file), 'the real sbatch changed its mind: investigate, then re-record');
      });
    }
  });

  describe('(b) hpcw lint reports an error exactly where sbatch --test-only rejects', function () {
    it('hpcw lint --format json runs over the whole corpus', function () {
      if (!lint.ok) assert.fail(lint.problem);
    });
    for (const file of fixtures) {
      it(file, function () {
        const verdict = live.get(file);
        assert.ok(verdict, `no live verdict for ${file}`);
        const isSite = site.get(file) === true;
        if (isSite) tally.site++;
        else if (verdict.testonly === 'REJECT') tally.rejected++;
        else tally.accepted++;
        if (!lint.ok) assert.fail('hpcw lint gave no usable output (see the test above)');
        const findings = lint.byFile.get(path.join(fixturesDir(), file)) ?? [];
        const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`);
        const problem = agreementProblem(verdict.testonly, isSite, errors);
        if (problem === undefined) tally.agreeing++;
        assert.strictEqual(problem, undefined, `${problem}\n      sbatch: ${verdict.testonly} ${verdict.message}`);
      });
    }
  });
});
