import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeJobScript } from '../../server/src/analyze';
import { shellDocumentKind } from '../../server/src/core/jobScriptDetection';
import type { Finding } from '../../server/src/core/types';
import { sharedShellParser } from '../../server/src/shell/loader';
import type { ShellParser } from '../../server/src/shell/model';
import { repoRoot } from '../support/cluster';

/**
 * The realistic corpus (test/fixtures/realistic): job scripts and submit scripts written the way
 * researchers write them, each analysed the way the server analyses a document (its kind from
 * `shellDocumentKind`, default settings, the tree-sitter shell parser) and compared with the
 * `.findings` file beside it. Each line of a `.findings` file is one finding,
 * `L:C code severity message`, followed by ` # ` and a verdict: `true` (worth telling the author),
 * `FALSE: why` (a false positive), or `?` (not judged yet). A FALSE or `?` verdict fails the test:
 * false positives are fixed in the rules, not recorded.
 *
 * `UPDATE=1 npx mocha out/test/unit/realisticCorpus.test.js` rewrites the files, keeping the verdict
 * of every finding that is still there and marking new ones `# ?`; judge them, then rerun.
 * `node scripts/rule-census.mjs` prints the counts per rule.
 */
const DIR = path.join(repoRoot(), 'test', 'fixtures', 'realistic');

/** Scripts of the corpus: `NNN-what.sh` or `.sbatch`; numbers from 100 are submit scripts. */
function corpusFiles(): string[] {
  return fs.readdirSync(DIR).filter((f) => /^\d{3}-.*\.(sh|sbatch)$/.test(f)).sort();
}

/** One finding as a `.findings` line, without its verdict. */
function renderFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.severity} ${f.message.replace(/\s*\n\s*/g, ' ')}`;
}

/** A `.findings` line split into the finding and its verdict (`true`, `FALSE: ...`, `?`). */
interface JudgedLine {
  finding: string;
  verdict: string;
}

const VERDICT = / # (true|FALSE\b.*|\?)$/;

function parseFindingsFile(text: string): JudgedLine[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = VERDICT.exec(l);
      return m ? { finding: l.slice(0, m.index), verdict: m[1] } : { finding: l, verdict: '?' };
    });
}

/** `code severity message` of a rendered finding: what stays when only its position moves. */
function withoutPosition(finding: string): string {
  return finding.slice(finding.indexOf(' ') + 1);
}

/**
 * The new `.findings` text: every current finding with the verdict it had (same line, or same
 * rule and message at another position), new ones marked `?`.
 */
function updatedFindings(actual: string[], old: JudgedLine[]): string {
  const unused = [...old];
  const take = (match: (j: JudgedLine) => boolean): string | undefined => {
    const i = unused.findIndex(match);
    return i < 0 ? undefined : unused.splice(i, 1)[0].verdict;
  };
  const verdicts = actual.map((a) => take((j) => j.finding === a));
  const lines = actual.map((a, i) => `${a} # ${verdicts[i] ?? take((j) => withoutPosition(j.finding) === withoutPosition(a)) ?? '?'}`);
  return lines.map((l) => `${l}\n`).join('');
}

describe('realistic corpus: findings match their .findings files and each is judged true (UPDATE=1 rewrites them)', () => {
  let shell: ShellParser | undefined;
  before(async () => {
    shell = await sharedShellParser();
  });

  it('holds job scripts and submit scripts', () => {
    const files = corpusFiles();
    assert.ok(files.length >= 40, `only ${files.length} scripts`);
    assert.ok(files.filter((f) => Number(f.slice(0, 3)) >= 100).length >= 8, 'fewer than 8 submit scripts');
  });

  for (const name of corpusFiles()) {
    const file = path.join(DIR, name);
    const expectedFile = file.replace(/\.(sh|sbatch)$/, '.findings');
    const expectedKind = Number(name.slice(0, 3)) >= 100 ? 'submit-script' : 'job-script';

    it(`${name}: read as a ${expectedKind}; findings as listed`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const kind = shellDocumentKind(file, text);
      assert.strictEqual(kind, expectedKind);
      const actual = analyzeJobScript(text, {}, shell, kind).findings.map(renderFinding);
      const old = fs.existsSync(expectedFile) ? parseFindingsFile(fs.readFileSync(expectedFile, 'utf8')) : [];
      if (process.env.UPDATE === '1') {
        fs.writeFileSync(expectedFile, updatedFindings(actual, old));
        return;
      }
      assert.ok(fs.existsSync(expectedFile), `${path.basename(expectedFile)} is missing: run with UPDATE=1 and judge it`);
      assert.deepStrictEqual(actual, old.map((j) => j.finding));
    });

    it(`${name}: every finding judged true`, () => {
      if (!fs.existsSync(expectedFile)) assert.fail(`${path.basename(expectedFile)} is missing`);
      const notTrue = parseFindingsFile(fs.readFileSync(expectedFile, 'utf8')).filter((j) => j.verdict !== 'true');
      assert.deepStrictEqual(notTrue.map((j) => `${j.finding.slice(0, 60)}... # ${j.verdict}`), []);
    });
  }
});
