/**
 * The queue model through the SSH runner (system ssh, BatchMode, multiplexed) against the real
 * Slurm and sshd of scripts/test-cluster.sh, configured the way a user's ~/.ssh/config would be
 * (a generated config file used with -F; host-key checking on). Then the failures a user meets:
 * unknown host key, wrong key, wrong port, a missing command, a timeout.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { classifyResult } from '../../../client/src/queue/classify';
import { createCluster } from '../../../client/src/queue/cluster';
import { SshRunner } from '../../../client/src/queue/transportSsh';
import type { QueueErrorKind } from '../../../client/src/queue/types';
import { queueClusterOrSkip, privateTempDir, writeSshConfig, type QueueClusterEnv } from '../support/clusterEnv';
import { queueScenario, type ScenarioSetup } from '../support/scenario';

describe('queue cluster (ssh runner)', function () {
  this.timeout(120_000);
  let env: QueueClusterEnv;
  let dir: string;
  let runner: SshRunner;
  let setup: ScenarioSetup | undefined;

  before(function () {
    env = queueClusterOrSkip(this);
    dir = privateTempDir('hpcwq-ssh-');
    const config = writeSshConfig(dir, 'lab', env);
    runner = new SshRunner({ host: 'lab', configFile: config, controlDir: path.join(dir, 'cm') });
    fs.mkdirSync(path.join(dir, 'cm'), { mode: 0o700 });
    const cluster = createCluster({ kind: 'ssh', name: 'lab-ssh', host: 'lab', sshConfigFile: config }, runner);
    const chownTo = spawnSync('id', ['-u', env.sshUser], { encoding: 'utf8' }).stdout.trim();
    setup = {
      cluster, workDir: env.workDir,
      handOver: (f) => {
        if (process.getuid?.() === 0) fs.chownSync(f, Number(chownTo), Number(chownTo));
        fs.chmodSync(f, 0o644);
      },
    };
  });
  after(async () => {
    await runner?.closeMaster();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('scenario', () => {
    queueScenario('ssh', () => {
      if (!setup) throw new Error('no setup');
      return setup;
    });
  });

  describe('connection', () => {
    it('keeps one master connection in our private directory, closed by closeMaster()', async () => {
      await runner.run(['true']);
      const args = [...runner.sshArgs(), '-O', 'check', '--', 'lab'];
      assert.strictEqual(spawnSync('ssh', args).status, 0, 'master running');
      const sockets = fs.readdirSync(path.join(dir, 'cm'));
      assert.strictEqual(sockets.length, 1);
      assert.strictEqual(fs.statSync(path.join(dir, 'cm')).mode & 0o777, 0o700);
      await runner.closeMaster();
      assert.notStrictEqual(spawnSync('ssh', args).status, 0, 'master closed');
      const again = await runner.run(['echo', 'back']);
      assert.strictEqual(again.stdout, 'back\n', 'a new master comes up on demand');
    });

    it('a command runs in the directory asked for (env -C), words quoted', async () => {
      const r = await runner.run(['pwd'], { cwd: env.workDir });
      assert.strictEqual(r.stdout.trim(), env.workDir);
    });
  });

  describe('failures are classified', () => {
    const kindFor = async (overrides: Parameters<typeof writeSshConfig>[3], alias: string): Promise<QueueErrorKind | undefined> => {
      const config = writeSshConfig(dir, alias, env, overrides);
      const cluster = createCluster({ kind: 'ssh', name: alias, host: alias, sshConfigFile: config }, new SshRunner({ host: alias, configFile: config, multiplex: false }));
      try {
        await cluster.list();
        return undefined;
      } catch (e) {
        return (e as { kind?: QueueErrorKind }).kind;
      } finally {
        cluster.dispose();
      }
    };

    it('an unknown host key → host-key (checking stays on)', async () => {
      const empty = path.join(dir, 'known_hosts_empty');
      fs.writeFileSync(empty, '', { mode: 0o600 });
      assert.strictEqual(await kindFor({ UserKnownHostsFile: empty }, 'unknownkey'), 'host-key');
    });

    it('a changed host key → host-key', async () => {
      const other = path.join(dir, 'other_host_key');
      spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
      const pub = fs.readFileSync(`${other}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
      const wrong = path.join(dir, 'known_hosts_wrong');
      fs.writeFileSync(wrong, `[${env.sshHost}]:${env.sshPort} ${pub}\n`, { mode: 0o600 });
      assert.strictEqual(await kindFor({ UserKnownHostsFile: wrong }, 'changedkey'), 'host-key');
    });

    it('a key the server does not accept → ssh-auth', async () => {
      const key = path.join(dir, 'id_wrong');
      spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
      assert.strictEqual(await kindFor({ IdentityFile: key }, 'wrongkey'), 'ssh-auth');
    });

    it('a port nobody listens on → ssh-unreachable', async () => {
      assert.strictEqual(await kindFor({ Port: '1' }, 'wrongport'), 'ssh-unreachable');
    });

    it('a command that is not installed → command-missing', async () => {
      const r = await runner.run(['hpcw-no-such-slurm-command', '--version']);
      assert.strictEqual(r.exitCode, 127);
      assert.strictEqual(classifyResult(r, { transport: 'ssh', where: 'lab', program: 'hpcw-no-such-slurm-command' })?.kind, 'command-missing');
    });

    it('a command slower than its timeout → timeout', async () => {
      const r = await runner.run(['sleep', '30'], { timeoutMs: 500 });
      assert.strictEqual(classifyResult(r, { transport: 'ssh', where: 'lab', program: 'sleep' })?.kind, 'timeout');
    });
  });
});
