// UI smoke test: uses code-server's real workbench the way a person would (Playwright + Debian's
// headless chromium), with the extension loaded as the extension under development, and takes
// the README screenshot (job script open, squiggle, Problems panel, hover).
//
// Usage: node run-ui-smoke.js <serverUrl> <workspaceDir> <extensionDevelopmentPath>
// Env:   E2E_SCREENSHOT=<png> (default <workspaceDir>/../ui-smoke.png), CHROMIUM=<binary>
//        E2E_QUEUE_SCREENSHOT=<png>  also the queue panel with real jobs (queue-screenshot.js;
//        needs the test cluster's Slurm commands on PATH)
// Exit:  0 all steps passed; 1 a step failed; 2 the driver itself broke.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [serverUrl, workspaceDir, extensionPath] = process.argv.slice(2);
const JOB_SCRIPT = 'job.sbatch';
const HOVER_LINE = '#SBATCH --time=1-12:00:00';
const screenshotPath = process.env.E2E_SCREENSHOT || path.join(path.dirname(path.resolve(workspaceDir)), 'ui-smoke.png');
const stepResults = [];

/** Runs one named step; a failing step is reported and the next one still runs. */
async function step(name, action) {
  const t0 = Date.now();
  try {
    await action();
    stepResults.push(true);
    console.log(`ok - ${name} (${Date.now() - t0} ms)`);
  } catch (error) {
    stepResults.push(false);
    console.log(`not ok - ${name}: ${String(error.message).split('\n')[0]}`);
  }
}

/** Returns the 1-based line and column of the middle of `--time` in the job script. */
function hoverTarget() {
  const lines = fs.readFileSync(path.join(workspaceDir, JOB_SCRIPT), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.trim() === HOVER_LINE);
  if (index < 0) throw new Error(`${JOB_SCRIPT} has no line ${HOVER_LINE}`);
  return { line: index + 1, column: lines[index].indexOf('--time') + 4 };
}

(async () => {
  if (!extensionPath) {
    console.error('usage: node run-ui-smoke.js <serverUrl> <workspaceDir> <extensionDevelopmentPath>');
    process.exit(2);
  }
  const t0 = Date.now();
  const browserProfile = fs.mkdtempSync(path.join(os.tmpdir(), 'hpc-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(browserProfile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  context.setDefaultTimeout(20000);
  const page = context.pages()[0] || (await context.newPage());
  const authority = new URL(serverUrl).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${path.resolve(extensionPath)}`],
    ['skipWelcome', 'true'],
  ];
  await page.goto(`${serverUrl}/?folder=${encodeURIComponent(path.resolve(workspaceDir))}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.waitForSelector('.monaco-workbench .part.editor');
  await page.waitForSelector('.explorer-folders-view .monaco-list-row');
  console.log(`[ui] workbench ready in ${Date.now() - t0} ms`);
  const editor = page.locator('.part.editor .monaco-editor').first();

  await step(`open ${JOB_SCRIPT} from the explorer; language mode is Shell Script`, async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: JOB_SCRIPT }).dblclick();
    await editor.locator('.view-lines').waitFor();
    await page.locator('.statusbar-item', { hasText: 'Shell Script' }).first().waitFor();
  });

  await step('the language server diagnostic shows as a squiggle and in the Problems panel', async () => {
    await editor.locator('.squiggly-error').first().waitFor();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: 'slurm/unknown-option' }).first().waitFor();
  });

  await step('hovering --time shows the duration read the way Slurm reads it', async () => {
    const { line, column } = hoverTarget();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.locator('.monaco-hover', { hasText: '1 day 12 hours' }).first().waitFor();
  });

  await page.screenshot({ path: screenshotPath });
  console.log(`[ui] screenshot ${screenshotPath}`);
  if (process.env.E2E_QUEUE_SCREENSHOT) {
    await require('./queue-screenshot').queueScreenshot(page, step, path.resolve(process.env.E2E_QUEUE_SCREENSHOT));
  }
  const passed = stepResults.filter(Boolean).length;
  console.log(`${passed} passed, ${stepResults.length - passed} failed (total ${Date.now() - t0} ms)`);
  await context.close();
  fs.rmSync(browserProfile, { recursive: true, force: true });
  process.exit(passed === stepResults.length ? 0 : 1);
})().catch((error) => {
  console.error('[ui] driver broke:', error);
  process.exit(2);
});
