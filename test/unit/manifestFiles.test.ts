import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every string value under `contributes` that names a file of the extension (icons, grammars, snippets). */
function filesNamed(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^\.?\/?[\w.-]+\/[\w./-]+\.(svg|png|json|code-snippets)$/.test(value)) out.push(value.replace(/^\.\//, ''));
  } else if (Array.isArray(value)) {
    for (const v of value) filesNamed(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) filesNamed(v, out);
  }
  return out;
}

/** The paths .vscodeignore lets into the .vsix (`!pattern` lines after `**`), as prefixes. */
function packagedPrefixes(): string[] {
  return fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\*\*$/, ''));
}

describe('manifest: files the contributions name exist and are packaged', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: unknown };
  const files = [...new Set(filesNamed(manifest.contributes))];
  it('names some files (icons, grammar, snippets)', () => {
    assert.ok(files.length >= 3, files.join(', '));
  });
  for (const f of files) {
    it(`${f} exists and is in the .vsix`, () => {
      assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} does not exist`);
      assert.ok(packagedPrefixes().some((p) => f === p || f.startsWith(p)), `${f} is left out of the .vsix by .vscodeignore`);
    });
  }
});
