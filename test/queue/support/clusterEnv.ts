/**
 * The running test cluster (scripts/test-cluster.sh) as the queue's cluster tests see it: the
 * same rule as test/support/cluster.ts (another tsconfig project, so not imported): read
 * $HPCW_CLUSTER_ENV or $LAB_DIR/cluster.env (default /tmp/hpcw-slurm-lab); without it, skip the
 * suite, unless REQUIRE_CLUSTER=1, which fails it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const DEFAULT_LAB_DIR = '/tmp/hpcw-slurm-lab';

/** What the tests need to know about the cluster. */
export interface QueueClusterEnv {
  file: string;
  values: Record<string, string>;
  testUser: string;
  workDir: string;
  sshHost: string;
  sshPort: string;
  sshUser: string;
  sshKey: string;
  knownHosts: string;
}

/** Reads KEY=value lines (blank lines and # comments skipped). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) out[m[1]] = m[2].trim();
  }
  return out;
}

/** The env file of a running cluster, or undefined. */
export function findClusterEnvFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.HPCW_CLUSTER_ENV, path.join(env.LAB_DIR || DEFAULT_LAB_DIR, 'cluster.env')];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

/**
 * Called from a `before` hook. Returns the cluster's env; without one, skips the suite (or,
 * with REQUIRE_CLUSTER=1, throws so the run fails instead of passing without testing).
 */
export function queueClusterOrSkip(ctx: { skip(): void }, env: NodeJS.ProcessEnv = process.env): QueueClusterEnv {
  const file = findClusterEnvFile(env);
  if (!file) {
    const how = 'start one with: sudo bash scripts/test-cluster.sh';
    if (env.REQUIRE_CLUSTER === '1') throw new Error(`REQUIRE_CLUSTER=1 but no test cluster is running; ${how}`);
    console.log(`    (skipped: no test cluster; ${how})`);
    ctx.skip();
    throw new Error('unreachable: skip() returned');
  }
  const v = parseEnvFile(fs.readFileSync(file, 'utf8'));
  const need = ['SLURM_TEST_USER', 'SLURM_WORK_DIR', 'SLURM_SSH_HOST', 'SLURM_SSH_PORT', 'SLURM_SSH_USER', 'SLURM_SSH_KEY', 'SLURM_SSH_KNOWN_HOSTS'];
  const missing = need.filter((k) => !v[k]);
  if (missing.length > 0) throw new Error(`${file} lacks ${missing.join(', ')}`);
  return {
    file, values: v, testUser: v.SLURM_TEST_USER, workDir: v.SLURM_WORK_DIR, sshHost: v.SLURM_SSH_HOST,
    sshPort: v.SLURM_SSH_PORT, sshUser: v.SLURM_SSH_USER, sshKey: v.SLURM_SSH_KEY, knownHosts: v.SLURM_SSH_KNOWN_HOSTS,
  };
}

/** A private temporary directory (0700) for ssh configs and control sockets of one suite. */
export function privateTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o700);
  return dir;
}

/**
 * Writes an ssh_config for the lab's sshd under alias `alias`, the way a user's ~/.ssh/config
 * would say it: HostName, Port, User, IdentityFile, UserKnownHostsFile (host-key checking stays
 * on; StrictHostKeyChecking is not mentioned). `overrides` replaces lines (e.g. a wrong port).
 * Returns the file path. ssh refuses a config or key readable by others, so both are 0600.
 */
export function writeSshConfig(dir: string, alias: string, c: QueueClusterEnv, overrides: Partial<Record<'HostName' | 'Port' | 'User' | 'IdentityFile' | 'UserKnownHostsFile', string>> = {}): string {
  const key = overrides.IdentityFile ?? copyKey(dir, c.sshKey);
  const lines = {
    HostName: c.sshHost, Port: c.sshPort, User: c.sshUser, IdentityFile: key, UserKnownHostsFile: c.knownHosts, ...overrides,
  };
  const text = `Host ${alias}\n${Object.entries(lines).map(([k, v]) => `  ${k} ${v}`).join('\n')}\n  IdentitiesOnly yes\n  IdentityAgent none\n`;
  const file = path.join(dir, `ssh_config-${alias}`);
  fs.writeFileSync(file, text, { mode: 0o600 });
  return file;
}

/** A copy of the lab key owned by us with mode 0600 (ssh ignores keys others can read). */
function copyKey(dir: string, key: string): string {
  const target = path.join(dir, 'id_lab');
  if (!fs.existsSync(target)) fs.copyFileSync(key, target);
  fs.chmodSync(target, 0o600);
  return target;
}
