/**
 * Invariants of client/src/queue (outside view/): no VS Code anywhere; processes and files only
 * in the transport files; small files.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../support/paths';

const dir = path.join(repoRoot(), 'client', 'src', 'queue');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
const importsOf = (text: string): string[] => [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2]);

describe('queue/architecture', () => {
  it('has the model files', () => assert.ok(files.includes('api.ts') && files.length > 10));

  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    it(`${file}: no vscode; child_process/fs/net only in transport*.ts; under 400 lines`, () => {
      const imports = importsOf(text);
      assert.ok(!imports.some((i) => i === 'vscode' || i.startsWith('vscode-')), `${file} imports VS Code`);
      if (!file.startsWith('transport')) {
        const io = imports.filter((i) => ['child_process', 'fs', 'net', 'fs/promises'].includes(i.replace(/^node:/, '')));
        assert.deepStrictEqual(io, [], `${file} does I/O itself`);
      }
      assert.ok(text.split('\n').length < 400, `${file} has ${text.split('\n').length} lines`);
    });
  }
});
