// Optional step of the UI smoke test (E2E_QUEUE_SCREENSHOT=<png>): the queue panel with real jobs.
// Submits a few jobs to the local Slurm (a running one, a held one, one waiting for a start time,
// one waiting for a dependency, a throttled array), opens the HPC container from the activity bar,
// expands the array, hovers a waiting job for its tooltip and saves a screenshot. The jobs are
// cancelled afterwards, whatever happened.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

/** Submits one job with sbatch (argv, no shell) in `dir`; returns its id. */
function sbatch(dir, args) {
  return execFileSync('sbatch', ['--parsable', '--output=/dev/null', ...args], { cwd: dir, encoding: 'utf8' }).trim().split(';')[0];
}

/**
 * Runs the queue screenshot as steps of the smoke test. `step(name, action)` is the smoke test's
 * step runner; `page` the workbench page with job.sbatch open; `outPath` where the PNG goes.
 */
async function queueScreenshot(page, step, outPath) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hpc-e2e-queue-shot-'));
  const ids = [];
  try {
    await step('queue: submit example jobs to the local Slurm', async () => {
      const running = sbatch(dir, ['--job-name=align-reads', '--time=00:30:00', '--cpus-per-task=4', '--wrap', 'sleep 300']);
      ids.push(running);
      ids.push(sbatch(dir, ['--job-name=call-variants', '--time=02:00:00', `--dependency=afterok:${running}`, '--wrap', 'sleep 60']));
      ids.push(sbatch(dir, ['--job-name=train-model', '--time=1-00:00:00', '--partition=gpu', '--gres=gpu:1', '--hold', '--wrap', 'sleep 60']));
      ids.push(sbatch(dir, ['--job-name=nightly-report', '--time=00:10:00', '--begin=now+6hours', '--wrap', 'sleep 60']));
      ids.push(sbatch(dir, ['--job-name=sweep-lr', '--time=00:20:00', '--array=0-11%3', '--wrap', 'sleep 300']));
    });

    await step('queue: the HPC activity-bar container lists the jobs, grouped by state', async () => {
      await page.keyboard.press('Escape');
      // the Problems panel of the earlier steps is not part of this picture
      await page.keyboard.press('F1');
      await page.keyboard.type('View: Close Panel');
      await page.keyboard.press('Enter');
      await page.locator('.part.activitybar .action-item .action-label[aria-label^="HPC"]').first().click();
      const view = page.locator('.pane', { hasText: 'Slurm Queue' }).first();
      await view.locator('.monaco-list-row', { hasText: 'align-reads' }).first().waitFor();
      await view.locator('.monaco-list-row', { hasText: 'nightly-report' }).first().waitFor();
      // the array's running tasks ("123_[0-2]  sweep-lr" under RUNNING): expand that node
      const running = view.locator('.monaco-list-row', { hasText: /_\[[\d,-]+\]\s+sweep-lr/ }).first();
      await running.waitFor();
      await running.locator('.monaco-tl-twistie').click();
      await view.locator('.monaco-list-row', { hasText: /_\d+\s+sweep-lr/ }).first().waitFor();
      await page.locator('.statusbar-item', { hasText: /running · \d+ pending/ }).first().waitFor();
      // a wider side bar, so the descriptions (state · time · nodes or reason) are readable
      const box = await page.locator('.part.sidebar').boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + 640, box.y + box.height / 2, { steps: 8 });
        await page.mouse.up();
      }
    });

    await step('queue: a held job\'s tooltip explains its reason', async () => {
      const view = page.locator('.pane', { hasText: 'Slurm Queue' }).first();
      // the held job is the last row: its tooltip opens below it and hides no other job
      // NOTE: a refresh that changes the tree (running jobs' elapsed time) closes a tooltip, so
      // hovering is tried again until the tooltip is up between two refreshes
      const tooltip = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Why it waits' }).first();
      for (let attempt = 0; ; attempt++) {
        await page.mouse.move(5, 5);
        await view.locator('.monaco-list-row', { hasText: 'train-model' }).first().locator('.label-description').hover();
        try {
          await tooltip.waitFor({ timeout: 1500 });
          await page.waitForTimeout(400); // the tooltip fades in; the picture wants it opaque
          if (await tooltip.isVisible()) break;
        } catch (error) {
          if (attempt >= 10) throw error;
        }
        if (attempt >= 10) throw new Error('the tooltip kept closing');
      }
    });
    fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
    await page.screenshot({ path: outPath });
    console.log(`[ui] queue screenshot ${outPath}`);
  } finally {
    if (ids.length > 0) {
      try {
        execFileSync('scancel', ids);
      } catch {
        // already ended
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { queueScreenshot };
