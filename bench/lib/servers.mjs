// The language servers the benchmark compares, and how each one is started.

import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** Version string of an installed npm package, or null. */
function packageVersion(repoRoot, name) {
  try {
    return JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** First line naming the version in `shellcheck --version`, or null when it is not on PATH. */
export function shellcheckVersion() {
  const result = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const match = /version:\s*(\S+)/.exec(result.stdout);
  return match ? match[1] : 'unknown';
}

/**
 * The servers to compare, in the order they are run. Each has an `id` (used in env filters),
 * a `label` for tables, the command line, and `missing`: why it cannot start, or null.
 */
export function serverDefinitions(repoRoot) {
  // BENCH_OUR_SERVER points at another build of our server (e.g. to compare two commits).
  const ourEntry = process.env.BENCH_OUR_SERVER ? resolve(process.env.BENCH_OUR_SERVER) : join(repoRoot, 'dist', 'server.js');
  const peerEntry = join(repoRoot, 'node_modules', 'bash-language-server', 'out', 'cli.js');
  const peerVersion = packageVersion(repoRoot, 'bash-language-server');
  return [
    {
      id: 'ours',
      label: 'HPC Workflows',
      command: process.execPath,
      args: [ourEntry, '--stdio'],
      env: { ...process.env },
      missing: existsSync(ourEntry) ? null : `${ourEntry} not found (run \`npm run build\`)`,
    },
    {
      id: 'bash-ls',
      label: `bash-language-server ${peerVersion ?? '?'}`,
      command: process.execPath,
      args: [peerEntry, 'start'],
      // NOTE: default configuration, as a user gets it: ShellCheck from PATH, 500 ms debounce,
      // 10 s ShellCheck time limit, background analysis of the workspace folder.
      env: { ...process.env },
      missing: existsSync(peerEntry) ? null : 'node_modules/bash-language-server not installed',
    },
  ];
}
