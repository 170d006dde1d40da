import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync, readFileSync, chmodSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'hpcw.js'), ...args], { encoding: 'utf8' });

describe('hpcw CLI (the bundled dist/cli.js as a process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hpcw-'));
  const good = path.join(dir, 'good.sbatch');
  const bad = path.join(dir, 'bad.sh');
  writeFileSync(good, '#!/bin/bash\n#SBATCH --time=10\nsrun hostname\n');
  writeFileSync(bad, '#!/bin/bash\n#SBATCH --tmie=10\n#SBATCH --time=5\n#SBATCH --time=6\nsrun hostname\n');
  writeFileSync(path.join(dir, 'plain.sh'), 'make\n');

  it('exit 0 and a summary for a clean file', () => {
    const r = run('lint', good);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 file checked: 0 errors/);
  });

  it('JSON output: 1-based positions, exit 1 on an error finding', () => {
    const r = run('lint', '--format', 'json', bad);
    assert.strictEqual(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string }[];
    const unknown = findings.find((f) => f.code === 'slurm/unknown-option')!;
    assert.deepStrictEqual([unknown.line, unknown.column, unknown.endLine, unknown.endColumn, unknown.severity], [2, 9, 2, 15, 'error']);
    assert.strictEqual(unknown.file, bad);
  });

  it('walks directories for job scripts only (plain.sh has no directives)', () => {
    const r = run('lint', '--format', 'json', dir);
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => path.basename(f.file)));
    assert.deepStrictEqual([...files].sort(), ['bad.sh']);
  });

  it('SARIF output names the rules', () => {
    const r = run('lint', '--format', 'sarif', bad);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.strictEqual(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x) => x.ruleId === 'slurm/unknown-option'));
  });

  it('--fix applies safe fixes only and reports what is left', () => {
    const f = path.join(dir, 'fixme.sbatch');
    writeFileSync(f, '#!/bin/bash\n#SBATCH --time=5\n  #SBATCH --mem=1G\n#SBATCH --time=6\n#SBATCH --tmie=3\nsrun x\n');
    const r = run('lint', '--fix', '--format', 'json', f);
    assert.strictEqual(readFileSync(f, 'utf8'), '#!/bin/bash\n#SBATCH --mem=1G\n#SBATCH --time=6\n#SBATCH --tmie=3\nsrun x\n');
    const left = (JSON.parse(r.stdout) as { code: string }[]).map((x) => x.code);
    assert.deepStrictEqual(left, ['slurm/unknown-option'], 'a did-you-mean is never applied without review');
  });

  it('--fix converts CRLF line endings', () => {
    const f = path.join(dir, 'dos.sbatch');
    writeFileSync(f, '#!/bin/bash\r\n#SBATCH -t 5\r\nsrun x\r\n');
    const r = run('lint', '--fix', f);
    assert.strictEqual(r.status, 0, r.stdout);
    assert.strictEqual(readFileSync(f, 'utf8'), '#!/bin/bash\n#SBATCH -t 5\nsrun x\n');
  });

  it('exit 2 with a clear message for a missing file, usage errors and bad config', () => {
    const missing = run('lint', path.join(dir, 'nope.sbatch'));
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /no such file or directory/);
    const usage = run('lint', '--format', 'xml', good);
    assert.strictEqual(usage.status, 2);
    assert.match(usage.stderr, /--format must be text, json or sarif/);
    assert.strictEqual(run('lint').status, 2);
    assert.strictEqual(run('frobnicate').status, 2);
    const cfg = path.join(dir, 'bad.json');
    writeFileSync(cfg, '{ not json');
    const c = run('lint', '--config', cfg, good);
    assert.strictEqual(c.status, 2);
    assert.match(c.stderr, /invalid JSON/);
  });

  it('a binary file gets a finding, never a crash', () => {
    const binary = path.join(dir, 'blob.sbatch');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    const r = run('lint', '--format', 'json', binary);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /slurm\/not-a-batch-script/);
  });

  it('an unreadable file gets an error line and exit 2, and the other files are still checked', function () {
    const locked = path.join(dir, 'locked.sbatch');
    writeFileSync(locked, '#!/bin/bash\n');
    chmodSync(locked, 0);
    chmodSync(dir, 0o755);
    const args = [path.join(ROOT, 'bin', 'hpcw.js'), 'lint', '--format', 'json', locked, good];
    let u;
    if (process.getuid && process.getuid() === 0) {
      // root reads any file, so run the CLI as an unprivileged user where the system has one
      const who = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
      if (who.status !== 0) this.skip(); // no unprivileged user to run as on this system
      u = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, ...args], { encoding: 'utf8' });
      if (u.error || /cannot find module|EACCES.*hpcw/i.test(u.stderr)) this.skip(); // the checkout itself is not readable for nobody
    } else {
      u = spawnSync(process.execPath, args, { encoding: 'utf8' });
    }
    assert.strictEqual(u.status, 2, u.stderr);
    assert.match(u.stderr, /cannot read .*locked\.sbatch: permission denied/);
    assert.deepStrictEqual(JSON.parse(u.stdout), [], 'good.sbatch was still checked (and is clean)');
  });

  it('--slurm-version and --site-option change the verdict', () => {
    const f = path.join(dir, 'pyxis.sbatch');
    writeFileSync(f, '#!/bin/bash\n#SBATCH --time=10\n#SBATCH --container-image=ubuntu:22.04\n#SBATCH --oom-kill-step\nsrun x\n');
    const plain = JSON.parse(run('lint', '--format', 'json', '--slurm-version', '22.05', f).stdout) as { code: string; message: string }[];
    assert.strictEqual(plain.filter((x) => x.code === 'slurm/unknown-option').length, 2);
    const site = JSON.parse(run('lint', '--format', 'json', '--slurm-version', '25.05', '--site-option', 'container-image', f).stdout) as unknown[];
    assert.deepStrictEqual(site, []);
  });
});

describe('hpcw --fix on a script with a byte-order mark', () => {
  it('removes the mark and leaves the directives where they are', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hpcw-bom-'));
    const f = path.join(dir, 'bom.sbatch');
    writeFileSync(f, '\uFEFF#!/bin/bash\n#SBATCH --time=5\nsrun x\n');
    const r = run('lint', '--fix', f);
    assert.strictEqual(readFileSync(f, 'utf8'), '#!/bin/bash\n#SBATCH --time=5\nsrun x\n');
    assert.strictEqual(r.status, 0, r.stdout);
  });
});
