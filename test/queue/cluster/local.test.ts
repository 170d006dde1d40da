/**
 * The queue model through the LOCAL runner against the real Slurm of scripts/test-cluster.sh.
 * As root, commands run as the unprivileged test user (spawn with its uid/gid, like a login
 * node where the user runs VS Code); as another user, as that user with a private work dir.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { createCluster } from '../../../client/src/queue/cluster';
import { LocalRunner } from '../../../client/src/queue/transportLocal';
import { queueClusterOrSkip, privateTempDir } from '../support/clusterEnv';
import { queueScenario, type ScenarioSetup } from '../support/scenario';

function idOf(user: string, flag: '-u' | '-g'): number {
  const r = spawnSync('id', [flag, user], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`id ${flag} ${user}: ${r.stderr}`);
  return Number(r.stdout.trim());
}

describe('queue cluster (local runner)', function () {
  this.timeout(120_000);
  let setup: ScenarioSetup | undefined;
  before(function () {
    const env = queueClusterOrSkip(this);
    const root = process.getuid?.() === 0;
    if (root) {
      const uid = idOf(env.testUser, '-u');
      const gid = idOf(env.testUser, '-g');
      const home = spawnSync('getent', ['passwd', env.testUser], { encoding: 'utf8' }).stdout.split(':')[5] ?? '/';
      const runner = new LocalRunner({ uid, gid, env: { ...process.env, USER: env.testUser, LOGNAME: env.testUser, HOME: home } });
      setup = { cluster: createCluster({ kind: 'local', name: 'lab-local' }, runner), workDir: env.workDir, handOver: (f) => fs.chownSync(f, uid, gid) };
    } else {
      const dir = privateTempDir('hpcwq-local-');
      fs.chmodSync(dir, 0o755);
      setup = { cluster: createCluster({ kind: 'local', name: 'lab-local' }), workDir: dir, handOver: () => undefined };
    }
  });
  after(() => setup?.cluster.dispose());

  queueScenario('local', () => {
    if (!setup) throw new Error('no setup');
    return setup;
  });
});
