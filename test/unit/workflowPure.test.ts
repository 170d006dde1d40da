import * as assert from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ENGINE = path.join(ROOT, 'server', 'src', 'workflow');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** ARCHITECTURE's invariants for the workflow engine: no I/O and no protocol below the edge; small files. */
describe('workflow engine (server/src/workflow) stays pure', () => {
  const forbidden = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|fs|fs\/promises|child_process|net|http|https|os|url)$/;
  it('imports no I/O, LSP or VS Code module; reads other files only through the injected reader', () => {
    const bad = files(ENGINE).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)]
        .map((m) => m[1] ?? m[2])
        .filter((m) => forbidden.test(m) || m.includes('/handlers/') || m.includes('/cli/'))
        .map((m) => `${path.relative(ROOT, f)} imports ${m}`),
    );
    assert.deepStrictEqual(bad, []);
  });
  it('every file stays under 400 lines', () => {
    const big = files(ENGINE).filter((f) => readFileSync(f, 'utf8').split('\n').length > 400).map((f) => path.relative(ROOT, f));
    assert.deepStrictEqual(big, []);
  });
});
