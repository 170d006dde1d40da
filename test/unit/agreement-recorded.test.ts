/**
 * The sbatch-agreement corpus without a cluster: for every script in test/fixtures/slurm, our
 * analysis reports at least one error exactly where the real sbatch 22.05 --test-only rejected it
 * (as recorded in sbatch-verdicts.tsv by scripts/record-sbatch-verdicts.sh). Scripts marked
 * `# agreement: site` were rejected only because of the test cluster's set-up (partitions, node
 * size, GRES...): there we must report no error (a warning is fine).
 * test/cluster/agreement.test.ts checks the same against the live sbatch.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeJobScript } from '../../server/src/analyze';
import {
  AgreementTally,
  agreementProblem,
  agreementSummary,
  fixturesDir,
  isSiteDependent,
  listFixtures,
  readRecordedVerdicts,
} from '../support/cluster';

/** The settings of the cluster the verdicts were recorded on. */
const RECORDED_CLUSTER = { version: '22.05', maxArraySize: 10001 } as const;

describe('sbatch agreement corpus (recorded verdicts of sbatch 22.05)', function () {
  const fixtures = listFixtures();
  const recorded = readRecordedVerdicts();
  const tally: AgreementTally = { total: fixtures.length, agreeing: 0, accepted: 0, rejected: 0, site: 0 };

  after(function () {
    console.log(`    ${agreementSummary('agreement (recorded verdicts)', tally)}`);
  });

  it('has at least 150 scripts, each with a recorded verdict', function () {
    assert.ok(fixtures.length >= 150, `only ${fixtures.length} scripts`);
    assert.deepStrictEqual([...recorded.keys()].sort(), fixtures);
  });

  for (const file of fixtures) {
    it(file, function () {
      const verdict = recorded.get(file);
      assert.ok(verdict, `no recorded verdict for ${file}: run scripts/record-sbatch-verdicts.sh`);
      const bytes = fs.readFileSync(path.join(fixturesDir(), file));
      const site = isSiteDependent(bytes);
      if (site) tally.site++;
      else if (verdict.testonly === 'REJECT') tally.rejected++;
      else tally.accepted++;
      const { findings } = analyzeJobScript(bytes.toString('utf8'), RECORDED_CLUSTER);
      const errors = findings
        .filter((f) => f.severity === 'error')
        .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.message}`);
      const problem = agreementProblem(verdict.testonly, site, errors);
      if (problem === undefined) tally.agreeing++;
      assert.strictEqual(problem, undefined, `${problem}\n      sbatch: ${verdict.testonly} ${verdict.message}`);
    });
  }
});
