/**
 * Runs last (zz-): the Slurm controller stops and comes back. Both transports report
 * 'controller-down' with a hint, the Poller backs off, and after the restart the next refresh
 * succeeds and the queued job is still there. The controller is a private slurmctld this test
 * starts and stops itself (test/queue/support/privateController.ts), so the shared cluster and
 * the tests of others running at the same time are never disturbed.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createCluster } from '../../../client/src/queue/cluster';
import { Poller } from '../../../client/src/queue/poller';
import { LocalRunner } from '../../../client/src/queue/transportLocal';
import { SshRunner } from '../../../client/src/queue/transportSsh';
import type { SlurmCluster } from '../../../client/src/queue/types';
import { privateTempDir, queueClusterOrSkip, writeSshConfig } from '../support/clusterEnv';
import { pollUntil } from '../support/poll';
import { PrivateController, SlurmConfRunner } from '../support/privateController';

describe('queue cluster: the controller stops and comes back', function () {
  this.timeout(120_000);
  let controller: PrivateController | undefined;
  let dir = '';
  let ssh: SshRunner | undefined;
  let viaSsh: SlurmCluster;
  let viaLocal: SlurmCluster;
  let jobId = '';

  before(async function () {
    const env = queueClusterOrSkip(this);
    if (!fs.existsSync('/usr/sbin/slurmctld')) {
      if (process.env.REQUIRE_CLUSTER === '1') throw new Error('no /usr/sbin/slurmctld');
      this.skip();
    }
    controller = await PrivateController.create();
    dir = privateTempDir('hpcwq-ctl-ssh-');
    const config = writeSshConfig(dir, 'lab', env);
    ssh = new SshRunner({ host: 'lab', configFile: config, controlDir: dir });
    viaSsh = createCluster({ kind: 'ssh', name: 'ctl-ssh', host: 'lab' }, new SlurmConfRunner(ssh, controller.conf));
    const root = process.getuid?.() === 0;
    const idOf = (flag: string) => Number(spawnSync('id', [flag, env.testUser], { encoding: 'utf8' }).stdout.trim());
    const local = root ? new LocalRunner({ uid: idOf('-u'), gid: idOf('-g') }) : new LocalRunner();
    viaLocal = createCluster({ kind: 'local', name: 'ctl-local' }, new SlurmConfRunner(local, controller.conf));
    jobId = await viaLocal.submitText('#!/bin/bash\ntrue\n', root ? env.workDir : dir, { extraArgs: ['--hold', '--job-name=hpcwq-ctl'] });
  });

  after(async () => {
    // whatever happened: our daemon stopped and removed, our ssh master closed
    await controller?.dispose();
    await ssh?.closeMaster();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('with the controller up, both transports list the queued job', async () => {
    for (const cluster of [viaLocal, viaSsh]) {
      const jobs = await cluster.list();
      assert.deepStrictEqual(jobs.map((j) => [j.id, j.name, j.reason]), [[jobId, 'hpcwq-ctl', 'JobHeldUser']]);
    }
  });

  it('controller stopped: controller-down with a hint, through both transports; the Poller backs off', async () => {
    assert.ok(controller);
    await controller.stop();
    const errors: { kind?: string; hint?: string }[] = [];
    const poller = new Poller({
      intervalMs: 1000, maxBackoffMs: 8000, tick: async () => void (await viaSsh.list()),
      setTimer: () => 0, clearTimer: () => undefined, onError: (e) => errors.push(e as { kind?: string }),
    });
    await poller.refreshNow();
    assert.strictEqual(errors[0]?.kind, 'controller-down');
    assert.ok((errors[0]?.hint ?? '').length > 10);
    assert.strictEqual(poller.failures >= 1, true);
    assert.ok(poller.nextDelayMs > 1000, 'backs off');
    const local = await viaLocal.list().then(() => undefined, (e: { kind?: string }) => e.kind);
    assert.strictEqual(local, 'controller-down');
    poller.dispose();
  });

  it('controller back: the next refresh works and the job is still queued', async () => {
    assert.ok(controller);
    await controller.start();
    const jobs = await pollUntil('listing after restart', () => viaSsh.list().catch(() => undefined), (v) => v !== undefined, 30_000);
    assert.deepStrictEqual(jobs?.map((j) => j.id), [jobId]);
    const poller = new Poller({ intervalMs: 1000, maxBackoffMs: 8000, tick: async () => void (await viaLocal.list()), setTimer: () => 0, clearTimer: () => undefined });
    await poller.refreshNow();
    assert.strictEqual(poller.failures, 0);
    poller.dispose();
    assert.ok(fs.existsSync(path.join(controller.dir, 'state')), 'state kept across the restart');
  });
});
