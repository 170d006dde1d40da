import * as assert from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)|import\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The invariants of ARCHITECTURE.md that imports can show. */
describe('architecture invariants', () => {
  const pure = ['core', 'slurm', 'rules', 'features'].flatMap((d) => files(path.join(ROOT, 'server', 'src', d))).concat([path.join(ROOT, 'server', 'src', 'analyze.ts'), path.join(ROOT, 'server', 'src', 'settings.ts')]);
  const forbidden = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|fs|fs\/promises|child_process|net|http|https|os)$/;

  it('the analysis (core, slurm, rules, features) imports no LSP, VS Code or I/O module', () => {
    const bad = pure.flatMap((f) => imports(f).filter((m) => forbidden.test(m)).map((m) => `${path.relative(ROOT, f)} imports ${m}`));
    assert.deepStrictEqual(bad, []);
  });

  it('only client/ imports vscode', () => {
    const server = files(path.join(ROOT, 'server', 'src'));
    const bad = server.flatMap((f) => imports(f).filter((m) => m === 'vscode').map(() => path.relative(ROOT, f)));
    assert.deepStrictEqual(bad, []);
  });

  it('source files stay small (under ~450 lines)', () => {
    const all = files(path.join(ROOT, 'server', 'src')).concat(files(path.join(ROOT, 'client', 'src')));
    const big = all.filter((f) => readFileSync(f, 'utf8').split('\n').length > 450).map((f) => path.relative(ROOT, f));
    assert.deepStrictEqual(big, []);
  });
});
