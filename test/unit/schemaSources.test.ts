import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('schemas/ is the output of scripts/schemas/', () => {
  it('regenerating every schema from its source gives the committed files, byte for byte', function () {
    this.timeout(60_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hpcw-schemas-'));
    try {
      const run = spawnSync('bash', [path.join(ROOT, 'scripts', 'schemas', 'build.sh')], { env: { ...process.env, OUT_DIR: out }, encoding: 'utf8' });
      assert.strictEqual(run.status, 0, run.stderr);
      const made = fs.readdirSync(out).sort();
      const committed = fs.readdirSync(path.join(ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json')).sort();
      assert.deepStrictEqual(made, committed);
      for (const f of made) {
        assert.ok(fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(ROOT, 'schemas', f))), `${f} differs from its source: run bash scripts/schemas/build.sh`);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
