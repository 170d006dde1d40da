import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeJobScript } from '../../server/src/analyze';
import { sharedShellParser } from '../../server/src/shell/loader';
import type { ShellParser } from '../../server/src/shell/model';
import { fixturesDir, listFixtures } from '../support/cluster';

/**
 * Every finding on every script of the corpus, compared with the `.findings` file beside it, so
 * any change in what the linter says about real-looking scripts shows up in review.
 * `UPDATE=1 npx mocha out/test/unit/fixtureFindings.test.js` rewrites the files; read the diff.
 */
const SETTINGS = { version: '22.05', maxArraySize: 10001, now: Date.UTC(2026, 10, 26, 12) } as const;

/** The shell parser (loaded before the scripts are read), so rules that read the shell body run too. */
let shell: ShellParser | undefined;

function render(text: string): string {
  return analyzeJobScript(text, SETTINGS, shell)
    .findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message.replace(/\n/g, ' ')}`)
    .join('\n');
}

describe('corpus findings match their .findings files (UPDATE=1 rewrites them)', () => {
  const dir = fixturesDir();
  before(async () => {
    shell = await sharedShellParser();
  });
  for (const name of listFixtures()) {
    it(name, () => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const expectedFile = path.join(dir, name.replace(/\.sh$/, '.findings'));
      const actual = render(text) + '\n';
      if (process.env.UPDATE === '1') {
        fs.writeFileSync(expectedFile, actual);
        return;
      }
      assert.ok(fs.existsSync(expectedFile), `${path.basename(expectedFile)} is missing: run with UPDATE=1 and review it`);
      assert.strictEqual(actual, fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
