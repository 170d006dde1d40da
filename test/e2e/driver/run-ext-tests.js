// Drives code-server's real VS Code workbench in Debian's headless chromium and runs the
// extension's own tests (the `--extensionTestsPath` of desktop VS Code) in the remote Node
// extension host. The workbench only honours the `payload` below when code-server was started
// with `--vscode-option enable-smoke-test-driver`; it then reports the extension host's console
// through window.codeAutomationLog and the tests' exit code through window.codeAutomationExit.
//
// Usage: node run-ext-tests.js <serverUrl> <workspaceDir> <extensionDevelopmentPath> <testsModule>
// Env:   E2E_TIMEOUT_MS (default 180000), E2E_VERBOSE=1 (all workbench logs), CHROMIUM=<binary>
// The workbench's own log goes through the same channel as the tests' console; the workbench's
// chatter is left out unless E2E_VERBOSE=1. (No screenshot here: when the tests end the extension
// host stops and its diagnostics vanish; run-ui-smoke.js takes the screenshot.)
// Exit:  0 all passed; 1 failures or timeout; 2 the driver itself broke.
// Needs playwright-core on NODE_PATH (scripts/setup-e2e.sh installs it outside the project).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { chromium } = require('playwright-core');

const [serverUrl, workspaceDir, extensionPath, testsModule] = process.argv.slice(2);
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 180000);
const SUMMARY = /^(\d+) passed, (\d+) failed/;
// Workbench chatter that says nothing about the tests: its own component logs ("[Name] ..."),
// connection set-up, marketplace look-ups that fail offline, errors with workbench stack traces.
const WORKBENCH_INFO = /^(\[[\w :.-]+\] |Resolving connection|Resolved connection|Creating a socket|Updating additional builtin)/;
const WORKBENCH_ERROR = /\/static\/out\/vs\/|open-vsx\.org|marketplace|^Canceled/;

/** True when a logged message comes from the workbench itself rather than from the tests. */
function isWorkbenchChatter(type, text) {
  return type === 'error' ? WORKBENCH_ERROR.test(text) : WORKBENCH_INFO.test(text);
}

if (!testsModule) {
  console.error('usage: node run-ext-tests.js <serverUrl> <workspaceDir> <extensionDevelopmentPath> <testsModule>');
  process.exit(2);
}

(async () => {
  const t0 = Date.now();
  const browserProfile = fs.mkdtempSync(path.join(os.tmpdir(), 'hpc-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(browserProfile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || (await context.newPage());
  const authority = new URL(serverUrl).host;
  const remoteUri = (p) => `vscode-remote://${authority}${path.resolve(p)}`;

  let summary = '';
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...args);
    const match = SUMMARY.exec(text.trim());
    if (match) summary = match[0];
    if (!process.env.E2E_VERBOSE && isWorkbenchChatter(type, text)) return;
    for (const line of text.split('\n')) console.log(type === 'error' ? `[error] ${line}` : line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('pageerror', (error) => console.log('[pageerror]', error.message));
  if (process.env.E2E_VERBOSE) page.on('console', (message) => console.log('[browser]', message.text()));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(extensionPath)],
    ['extensionTestsPath', remoteUri(testsModule)],
    ['skipWelcome', 'true'],
  ];
  const target = `${serverUrl}/?folder=${encodeURIComponent(path.resolve(workspaceDir))}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(target);
  console.log(`[driver] workbench page loaded in ${Date.now() - t0} ms`);

  const timer = setTimeout(() => finish('timeout'), TIMEOUT_MS);
  const code = await finished;
  clearTimeout(timer);
  if (code === 'timeout') console.log(`[driver] TIMEOUT: no result after ${TIMEOUT_MS} ms`);
  console.log(`[driver] extension tests exit code: ${code} (total ${Date.now() - t0} ms)`);
  console.log(`[driver] ${summary || 'no "N passed, N failed" line seen'}`);
  await context.close();
  fs.rmSync(browserProfile, { recursive: true, force: true });
  process.exit(code === 0 ? 0 : 1);
})().catch((error) => {
  console.error('[driver] broke:', error);
  process.exit(2);
});
