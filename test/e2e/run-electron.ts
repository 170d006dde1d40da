// Runs the editor tests (test/e2e/suite) in desktop VS Code, downloaded by @vscode/test-electron.
// For machines that can reach update.code.visualstudio.com; offline machines use scripts/e2e.sh
// (code-server) instead. Needs `npm run build` first (dist/ and out/ are what gets loaded).
//
//   node out/test/e2e/run-electron.js           # VSCODE_VERSION=stable|insiders|1.139.1 to pick one
//   xvfb-run -a node out/test/e2e/run-electron.js   # on a machine without a display
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

/** Copies the fixture workspace to a temporary folder (the tests edit files) and returns its path. */
function copyFixtureWorkspace(repoRoot: string): string {
  const source = path.join(repoRoot, 'test', 'fixtures', 'e2e-workspace');
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'hpc-e2e-ws-'));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/** Downloads (or reuses) VS Code, runs the suite in its extension host, returns the exit code. */
async function main(): Promise<number> {
  // out/test/e2e/run-electron.js -> repository root
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const workspace = copyFixtureWorkspace(repoRoot);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hpc-e2e-user-'));
  try {
    return await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under development (and built-ins) load
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userDataDir}`,
      ],
      extensionTestsEnv: { E2E_GREP: process.env.E2E_GREP ?? '' },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('editor tests failed to run:', error);
    process.exit(1);
  },
);
