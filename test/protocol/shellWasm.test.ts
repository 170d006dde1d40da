import * as assert from 'assert';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { LspProcess, ROOT } from '../support/lspClient';

/** The bundle finds tree-sitter's wasm files beside it (dist/), as it must inside the .vsix. */
describe('bundled shell parser (dist/ wasm files)', function () {
  this.timeout(20000);

  it('the build copies both wasm files into dist/ and the .vsix keeps them', () => {
    for (const f of ['web-tree-sitter.wasm', 'tree-sitter-bash.wasm']) {
      assert.ok(existsSync(path.join(ROOT, 'dist', f)), `dist/${f}`);
      assert.ok(readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes(`!dist/${f}`), `.vscodeignore keeps dist/${f}`);
    }
  });

  it('dist/server.js loads the shell parser and logs no warning', async () => {
    const lsp = new LspProcess(['dist/server.js', '--stdio']);
    const logs: { type: number; message: string }[] = [];
    const ready = new Promise<void>((resolve) => {
      lsp.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
        logs.push(p);
        if (/shell parser/i.test(p.message)) resolve();
      });
    });
    try {
      await lsp.initialize();
      await ready;
      const shellLogs = logs.filter((l) => /shell parser/i.test(l.message));
      assert.deepStrictEqual(shellLogs.map((l) => l.message), ['Shell parser ready (tree-sitter-bash).']);
      assert.ok(!logs.some((l) => l.type <= 2), JSON.stringify(logs));
    } finally {
      await lsp.stop();
    }
  });
});
