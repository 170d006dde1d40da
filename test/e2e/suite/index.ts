// Entry point VS Code loads as `extensionTestsPath`: runs every *.test.js beside it with mocha
// inside the extension host, then resolves (all passed) or rejects (failures), which becomes the
// test run's exit code. Used by both runners: test/e2e/driver (code-server) and run-electron.
import * as fs from 'fs';
import * as path from 'path';
// NOTE: mocha 12's main entry is an ES module; `require` of it works on Node >= 20.19 / 22.12
// (code-server 4.139's Node 24, current VS Code's Electron) and its namespace has `__esModule`.
import Mocha from 'mocha';

/** Called by the extension host once the workbench is up; settles when all tests have run. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.E2E_GREP;
  if (grep) mocha.grep(grep);
  const testFiles = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of testFiles) mocha.addFile(path.join(__dirname, name));

  return new Promise((resolve, reject) => {
    const started = Date.now();
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        const passed = stats?.passes ?? 0;
        // One fixed-format line the drivers look for (mocha's own "N passing" is printed above it).
        console.log(`${passed} passed, ${failures} failed (${testFiles.length} files, ${Date.now() - started} ms)`);
        if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
        else if (passed === 0) reject(new Error('no editor tests ran'));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
