// Checks of the benchmark's own pieces that need no server: `node bench/selftest.mjs`.
// Nothing here is timed; every check compares values.

import assert from 'node:assert/strict';
import { generateJobScript, applyEdit, POSITIONS } from './lib/generate.mjs';
import { median, renderReport } from './lib/report.mjs';
import { TreeMemorySampler } from './lib/memory.mjs';

const checks = [];
const check = (name, run) => checks.push({ name, run });

for (const lines of [1, 30, 100, 1000, 10000]) {
  check(`generated script has exactly ${lines} lines`, () => {
    const text = generateJobScript(lines);
    assert.ok(text.endsWith('\n'));
    assert.equal(text.split('\n').length - 1, lines);
  });
}

check('header has 22 #SBATCH directives, then the body', () => {
  const lines = generateJobScript(100).split('\n');
  assert.equal(lines.filter((line) => line.startsWith('#SBATCH ')).length, 22);
  assert.ok(lines.includes('#SBATCH --tim=02:00:00'));
  assert.ok(lines.some((line) => line.startsWith('srun ')));
  assert.ok(lines.some((line) => line.includes('<<EOF')));
});

check('same size gives the same text', () => {
  assert.equal(generateJobScript(1000), generateJobScript(1000));
});

check('positions point at the job name end, the word time and the header', () => {
  const lines = generateJobScript(100).split('\n');
  const key = POSITIONS.keystroke;
  assert.equal(lines[key.line].slice(0, key.character), '#SBATCH --job-name=bench-train');
  const hover = POSITIONS.hover;
  assert.equal(lines[hover.line].slice(hover.character - 2, hover.character + 2), 'time');
  assert.ok(lines[POSITIONS.completionLine].startsWith('#SBATCH '));
});

check('applyEdit inserts, deletes and replaces across lines', () => {
  const text = 'ab\ncd\nef\n';
  assert.equal(applyEdit(text, { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, 'X'), 'ab\ncXd\nef\n');
  assert.equal(applyEdit(text, { start: { line: 0, character: 1 }, end: { line: 2, character: 1 } }, ''), 'af\n');
  assert.equal(applyEdit(text, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }, 'gh'), 'ab\ncd\ngh\n');
});

check('median of odd and even lists', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

check('report shows both servers, ratios, timeouts and failures', () => {
  const metric = (values, note = null) => ({ values, note });
  const base = (server, over) => ({
    server,
    lines: 100,
    failed: null,
    startup: metric([100]),
    cold: metric([10]),
    warm: metric([5]),
    hoverIdle: metric([1]),
    keystroke: metric([2]),
    typingHover: metric([1, 3]),
    typingSettle: metric([2]),
    completion: metric([1]),
    memory: { serverHwmKiB: 51200, largestChildHwmKiB: 0, peakTreeRssKiB: 51200, childProcesses: 0, childNames: [] },
    detail: { hoverHasContent: true, completionItems: 3 },
    serverWarnings: [],
    ...over,
  });
  const results = {
    'ours:100': base('ours', {}),
    'bash-ls:100': base('bash-ls', { cold: metric([], 'none within 15 s'), warm: metric([500]), detail: { hoverHasContent: false, completionItems: 0 } }),
    'ours:1000': { ...base('ours', {}), failed: 'dist/server.js not found', cold: metric([]), memory: null },
  };
  const markdown = renderReport({
    results,
    serverIds: ['ours', 'bash-ls'],
    labels: { ours: 'Ours', 'bash-ls': 'Peer' },
    sizes: [100, 1000],
    meta: { date: 'd', durationS: 1, cpus: 2, cpuModel: 'cpu', memGiB: 1, os: 'os', load: 'l', node: 'v', shellcheck: '0.9.0', runs: 'r', typing: 't', timeoutMs: 15000 },
    shellcheckAlone: [],
  });
  assert.match(markdown, /\| Open → first diagnostics, cold \(fresh process\) \(ms\) \| 100 \| 10 \| none within 15 s \| > 1500× \|/);
  assert.match(markdown, /\| Open → first diagnostics, warm \(same process\) \(ms\) \| 100 \| 5\.0 \| 500 \| 100× \|/);
  assert.match(markdown, /\| Hover on `#SBATCH --time`, idle \(ms\) \| 100 \| 1\.0 \| 1\.0 \(empty answer\) \| 1\.0× \|/);
  assert.match(markdown, /Ours on 1000 lines failed: dist\/server\.js not found/);
});

check('memory sampler reads this process', () => {
  const sampler = new TreeMemorySampler(process.pid, 1000).start();
  const memory = sampler.stop();
  assert.ok(memory.serverHwmKiB > 1024);
  assert.ok(memory.peakTreeRssKiB > 1024);
});

let failed = 0;
for (const { name, run } of checks) {
  try {
    run();
    console.log(`ok   ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}\n     ${String(error?.message ?? error).split('\n').join('\n     ')}`);
  }
}
console.log(`${checks.length - failed}/${checks.length} checks passed`);
process.exitCode = failed ? 1 : 0;
