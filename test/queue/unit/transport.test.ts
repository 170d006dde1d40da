/**
 * The transports without a cluster: remote quoting round-trips through a real shell and never
 * runs anything; the ssh command line keeps host-key checks and multiplexes in a private
 * directory; the local runner's timeout, stdin, output cap and missing commands.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { classifyResult } from '../../../client/src/queue/classify';
import { quoteWord, remoteCommandLine } from '../../../client/src/queue/shellQuote';
import { LocalRunner } from '../../../client/src/queue/transportLocal';
import { SshRunner, hostProblem, privateControlDir } from '../../../client/src/queue/transportSsh';

const marker = path.join(os.tmpdir(), `hpcw-pwned-${process.pid}`);
const nasty = [
  `x'; touch ${marker} #`, `$(touch ${marker})`, `\`touch ${marker}\``, `a;touch ${marker}`, `a && touch ${marker}`, `a | touch ${marker}`,
  `"; touch ${marker}; "`, "it's", "'", "''", '\\', '\\\'', '$HOME', '${HOME}', '*', '~', '!', '!!', '#', '-n', '--', ' ', '', 'two\nlines', 'tab\there',
  'ünïcødé ✓', '\x1e\x1f', '%j', 'a=b', '>out', '<in', '&', '(', ')', '{a,b}', '[ab]', '?',
];

describe('queue/remote quoting (bash -c as the remote login shell)', () => {
  before(() => fs.rmSync(marker, { force: true }));
  after(() => fs.rmSync(marker, { force: true }));

  it('every word arrives exactly as given, and nothing runs', () => {
    const line = remoteCommandLine(['printf', '%s\\0', ...nasty]);
    assert.ok(line);
    // what sshd does: hand the one string to the user's shell with -c
    const r = spawnSync('bash', ['-c', line], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(r.stdout.split('\0').slice(0, -1), nasty);
    assert.strictEqual(fs.existsSync(marker), false, 'a word was executed');
  });

  for (const shell of ['sh', 'dash']) {
    it(`also with ${shell}`, function () {
      if (spawnSync(shell, ['-c', 'true']).status !== 0) this.skip();
      const r = spawnSync(shell, ['-c', remoteCommandLine(['printf', '%s\\0', ...nasty]) ?? ''], { encoding: 'utf8' });
      assert.deepStrictEqual(r.stdout.split('\0').slice(0, -1), nasty);
      assert.strictEqual(fs.existsSync(marker), false);
    });
  }

  it('quotes in the documented way; refuses NUL', () => {
    assert.strictEqual(quoteWord("it's"), `'it'\\''s'`);
    assert.strictEqual(quoteWord(''), "''");
    assert.strictEqual(remoteCommandLine(['a', 'b\0c']), undefined);
  });
});

describe('queue/SshRunner command line', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hpcw-q-unit-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('BatchMode, multiplexing in a private directory, config file with -F; never disables host keys', () => {
    const runner = new SshRunner({ host: 'cluster', configFile: '/x/cfg', controlDir: dir, sshOptions: ['ConnectTimeout=3'] });
    const args = runner.sshArgs();
    const opts = args.filter((_, i) => args[i - 1] === '-o');
    assert.deepStrictEqual(args.slice(0, 2), ['-F', '/x/cfg']);
    for (const o of ['BatchMode=yes', 'ControlMaster=auto', `ControlPath=${dir}/%C`, 'ControlPersist=600']) assert.ok(opts.includes(o), o);
    assert.ok(!args.join(' ').match(/StrictHostKeyChecking|UserKnownHostsFile/), args.join(' '));
  });

  it('the default control directory is ours and 0700', () => {
    const d = privateControlDir(dir);
    const st = fs.statSync(d);
    assert.strictEqual(st.mode & 0o777, 0o700);
    assert.strictEqual(st.uid, process.getuid?.());
  });

  it('a control directory open to others is not used', () => {
    const open = path.join(dir, 'open');
    fs.mkdirSync(open);
    fs.chmodSync(open, 0o777);
    const base = path.join(dir, 'base');
    fs.mkdirSync(base);
    fs.symlinkSync(open, path.join(base, `hpcw-ssh-${process.getuid?.()}`));
    const chosen = privateControlDir(base);
    assert.notStrictEqual(chosen, path.join(base, `hpcw-ssh-${process.getuid?.()}`));
    assert.strictEqual(fs.statSync(chosen).mode & 0o777, 0o700);
  });

  const refused = ['StrictHostKeyChecking=no', 'stricthostkeychecking no', 'UserKnownHostsFile=/dev/null', 'ProxyCommand=sh -c x', 'LocalCommand=x', '-oStrictHostKeyChecking=no'];
  for (const o of refused) {
    it(`refuses the option ${JSON.stringify(o)}`, () => {
      assert.throws(() => new SshRunner({ host: 'h', sshOptions: [o] }), (e: { kind?: string }) => e.kind === 'invalid-argument');
    });
  }
  for (const host of ['-oProxyCommand=x', 'a b', 'a\nb', '']) {
    it(`refuses the host ${JSON.stringify(host)}`, () => {
      assert.ok(hostProblem(host));
      assert.throws(() => new SshRunner({ host }), (e: { kind?: string }) => e.kind === 'invalid-argument');
    });
  }
  it('accepts aliases and user@host', () => {
    for (const host of ['cluster', 'me@login.example.org', 'login-1']) assert.strictEqual(hostProblem(host), undefined);
  });
});

describe('queue/LocalRunner', () => {
  const runner = new LocalRunner({ timeoutMs: 10_000 });
  const ctx = { transport: 'local' as const, where: 'here', program: 'x' };

  it('passes argv without a shell and feeds stdin', async () => {
    const r = await runner.run(['cat'], { stdin: "x'; $(id) `id`\n" });
    assert.strictEqual(r.exitCode, 0);
    assert.strictEqual(r.stdout, "x'; $(id) `id`\n");
    const echo = await runner.run(['printf', '%s|', '$(id)', '; id']);
    assert.strictEqual(echo.stdout, '$(id)|; id|');
  });

  it('kills a command at its timeout and says so', async () => {
    const r = await runner.run(['sleep', '30'], { timeoutMs: 100 });
    assert.strictEqual(r.timedOut, true);
    assert.strictEqual(r.exitCode, null);
    assert.strictEqual(classifyResult(r, ctx)?.kind, 'timeout');
  });

  it('stops a command whose output passes the cap: partial-output', async () => {
    const small = new LocalRunner({ maxOutputBytes: 1000 });
    const r = await small.run(['yes']);
    assert.strictEqual(r.truncated, true);
    assert.strictEqual(r.stdout.length, 1000);
    assert.strictEqual(classifyResult(r, ctx)?.kind, 'partial-output');
  });

  it('a missing program is exit 127: command-missing', async () => {
    const r = await runner.run(['hpcw-no-such-command-here']);
    assert.strictEqual(r.exitCode, 127);
    assert.strictEqual(classifyResult(r, ctx)?.kind, 'command-missing');
  });

  it('reads a byte range of a file with fs', async () => {
    const f = path.join(os.tmpdir(), `hpcw-q-read-${process.pid}`);
    fs.writeFileSync(f, 'hello world');
    try {
      assert.ok(runner.readFile);
      const r = await runner.readFile(f, 6, 3);
      assert.strictEqual(r.bytes.toString(), 'wor');
      assert.strictEqual(r.size, 11);
    } finally {
      fs.rmSync(f);
    }
  });
});
