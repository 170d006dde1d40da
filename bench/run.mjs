// `npm run bench`: runs our language server and bash-language-server side by side over stdio
// on generated Slurm job scripts, then prints and saves a markdown comparison.
// Settings come from BENCH_* environment variables; see BENCHMARKS.md.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir, type, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readConfig } from './lib/config.mjs';
import { generateJobScript } from './lib/generate.mjs';
import { serverDefinitions, shellcheckVersion } from './lib/servers.mjs';
import { benchmarkServer } from './lib/scenarios.mjs';
import { TreeMemorySampler } from './lib/memory.mjs';
import { renderReport } from './lib/report.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (text) => process.stderr.write(`${text}\n`);

/** Writes the script for `lines` into its own workspace folder; returns what scenarios need. */
function prepareWorkload(baseDir, lines) {
  const dir = join(baseDir, `lines-${lines}`);
  mkdirSync(dir, { recursive: true });
  const text = generateJobScript(lines);
  writeFileSync(join(dir, 'job.sh'), text);
  return {
    lines,
    text,
    dir,
    rootUri: pathToFileURL(dir).href,
    uri: (name) => pathToFileURL(join(dir, name)).href,
  };
}

/** ShellCheck by itself on the script, with the arguments bash-language-server passes. */
function runShellcheckAlone(workload, memoryIntervalMs, timeoutMs) {
  return new Promise((done) => {
    const startedAt = performance.now();
    const child = spawn('shellcheck', ['--format=json1', '--external-sources', `--source-path=${workload.dir}`, '-'], {
      cwd: workload.dir,
    });
    const sampler = new TreeMemorySampler(child.pid, memoryIntervalMs).start();
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', (error) => done({ lines: workload.lines, error: error.message }));
    child.on('exit', (code, signal) => {
      const ms = performance.now() - startedAt;
      clearTimeout(timer);
      const memory = sampler.stop();
      if (signal) return done({ lines: workload.lines, error: `killed after ${Math.round(ms)} ms` });
      let findings = 0;
      try {
        findings = JSON.parse(out).comments.length;
      } catch {
        return done({ lines: workload.lines, error: `exit ${code}, unreadable output` });
      }
      done({ lines: workload.lines, ms, findings, maxRssKiB: memory.serverHwmKiB });
    });
    child.stdin.end(workload.text);
  });
}

const DOC_START = '<!-- bench:latest:start -->';
const DOC_END = '<!-- bench:latest:end -->';

/**
 * Copies the report into BENCHMARKS.md between the bench:latest markers, but only after a
 * standard run (no BENCH_* variable set), so quick or partial runs never replace it.
 */
function updateBenchmarksDoc(markdown) {
  if (Object.keys(process.env).some((name) => name.startsWith('BENCH_'))) return false;
  const docPath = join(repoRoot, 'BENCHMARKS.md');
  let doc;
  try {
    doc = readFileSync(docPath, 'utf8');
  } catch {
    return false;
  }
  const start = doc.indexOf(DOC_START);
  const end = doc.indexOf(DOC_END);
  if (start < 0 || end < start) return false;
  // The report's own title is dropped; BENCHMARKS.md has its own headings.
  const body = markdown.replace(/^# .*\n+/, '').replace(/^## /gm, '### ');
  writeFileSync(docPath, `${doc.slice(0, start + DOC_START.length)}\n${body}\n${doc.slice(end)}`);
  return true;
}

async function main() {
  const startedAt = performance.now();
  const loadAtStart = loadavg()[0];
  const config = readConfig(repoRoot);
  const allServers = serverDefinitions(repoRoot);
  const servers = allServers.filter((server) => config.servers.includes(server.id));
  const labels = Object.fromEntries(allServers.map((server) => [server.id, server.label]));
  const shellcheck = shellcheckVersion();
  const baseDir = mkdtempSync(join(tmpdir(), 'hpcw-bench-'));
  const results = {};
  const shellcheckAlone = [];
  try {
    for (const lines of config.sizes) {
      const workload = prepareWorkload(baseDir, lines);
      const sizeConfig = { ...config, runs: config.runsFor(lines) };
      for (const server of servers) {
        log(`[bench] ${server.label}, ${lines} lines`);
        const result = await benchmarkServer(server, workload, sizeConfig, log);
        if (result.failed) log(`  failed: ${result.failed}`);
        results[`${server.id}:${lines}`] = result;
      }
      if (config.shellcheckAlone && shellcheck) {
        log(`[bench] ShellCheck alone, ${lines} lines`);
        shellcheckAlone.push(await runShellcheckAlone(workload, config.memoryIntervalMs, config.timeoutMs * 2));
      }
    }
  } finally {
    rmSync(baseDir, { recursive: true, force: true });
  }

  const runs = config.sizes
    .map((lines) => {
      const r = config.runsFor(lines);
      return `${lines} lines: ${r.cold} / ${r.warm} / ${r.keystroke} / ${r.hover} / ${r.completion}`;
    })
    .join('; ');
  const meta = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    durationS: Math.round((performance.now() - startedAt) / 1000),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model?.trim() ?? 'unknown CPU',
    memGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    load: `${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end`,
    node: process.version,
    shellcheck,
    runs,
    typing: `${config.typing.keystrokes} one-character changes ${config.typing.intervalMs} ms apart, each followed at once by a hover`,
    timeoutMs: config.timeoutMs,
  };
  const serverIds = servers.map((server) => server.id);
  const markdown = renderReport({ results, serverIds, labels, sizes: config.sizes, meta, shellcheckAlone });
  const outFile = resolve(repoRoot, config.outFile);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, markdown);
  writeFileSync(outFile.replace(/\.md$/, '') + '.json', JSON.stringify({ meta, results, shellcheckAlone }, null, 2) + '\n');
  process.stdout.write(markdown);
  log(`[bench] written to ${config.outFile}${updateBenchmarksDoc(markdown) ? ' and BENCHMARKS.md' : ''}`);
}

main().catch((error) => {
  log(`[bench] crashed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
