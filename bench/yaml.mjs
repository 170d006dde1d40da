// `node bench/yaml.mjs` (after `npm run build`): our language server and yaml-language-server side
// by side on the same generated CWL workflows and the same schema (schemas/cwl-v1.2.schema.json),
// plus the in-process floor (the `yaml` package's parse with ranges + toJS + a compiled ajv
// validate, no LSP). Prints a markdown table of times and ratios and writes it to
// bench/results/yaml-latest.md (raw numbers in yaml-latest.json).
//
// BENCH_SIZES=1000,10000  BENCH_COLD_RUNS=3  BENCH_KEYSTROKE_RUNS=10  BENCH_HOVER_RUNS=20
// BENCH_SERVERS=ours,yls  BENCH_TIMEOUT_MS=20000  BENCH_FLOOR_RUNS=3
// `node bench/yaml.mjs --floor FILE SCHEMA` runs the floor once in this process and prints JSON.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LspClient } from './lib/lsp-client.mjs';
import { TreeMemorySampler } from './lib/memory.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const log = (text) => process.stderr.write(`${text}\n`);
const SCHEMA = join(repoRoot, 'schemas', 'cwl-v1.2.schema.json');

/** The tool every generated step runs (its inputs and outputs match the steps' in/out). */
const SORT_TOOL = ['cwlVersion: v1.2', 'class: CommandLineTool', 'baseCommand: [samtools, sort]', 'inputs:', '  reads: {type: File, inputBinding: {position: 1}}', '  previous: {type: File?}', '  threads: {type: int, inputBinding: {prefix: -@}}', 'outputs:', '  sorted: {type: File, outputBinding: {glob: sorted.bam}}', ''].join('\n');

/**
 * A CWL Workflow of exactly `lines` lines (deterministic): inputs, outputs and steps wired to them
 * (each step also reads the previous one's output, so every output is used), all running
 * tools/sort.cwl (SORT_TOOL, written beside it), with a misspelt step key (`lable`) every 250 steps
 * so that the schema has something to report and the semantic checks have nothing to add.
 */
export function generateCwlWorkflow(lines) {
  const out = ['cwlVersion: v1.2', 'class: Workflow', 'doc: A generated workflow for the benchmark', 'requirements:', '  - class: ScatterFeatureRequirement', '  - class: StepInputExpressionRequirement', 'inputs:'];
  const inputs = Math.max(2, Math.floor(lines / 50));
  for (let i = 0; i < inputs; i++) out.push(`  sample_${i}:`, '    type: File', `    doc: Reads of sample ${i}`);
  out.push('outputs:');
  for (let i = 0; i < Math.max(1, Math.floor(lines / 200)); i++) out.push(`  result_${i}:`, '    type: File', `    outputSource: step_${i}/sorted`);
  out.push('steps:');
  for (let s = 0; out.length < lines; s++) {
    out.push(`  step_${s}:`, '    run: tools/sort.cwl', '    in:', `      reads: sample_${s % inputs}`, ...(s > 0 ? [`      previous: step_${s - 1}/sorted`] : []), '      threads: {default: 4}', '    out: [sorted]');
    if (s % 250 === 7) out.push(`    lable: step ${s}`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** Where the benchmark types (end of an input's `doc`), hovers (`run` of a middle step) and completes (a key of that step). */
function cwlPositions(text) {
  const lines = text.split('\n');
  const doc = lines.findIndex((l) => l.startsWith('    doc: Reads of sample'));
  const steps = lines.map((l, i) => (/^  step_\d+:$/.test(l) ? i : -1)).filter((i) => i >= 0);
  const middle = steps[Math.floor(steps.length / 2)] + 1;
  return { keystroke: { line: doc, character: lines[doc].length }, hover: { line: middle, character: 5 }, completion: { line: middle, character: 4 } };
}

function envInt(name, fallback) {
  const v = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

const config = {
  sizes: (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number).filter((n) => n > 0),
  servers: (process.env.BENCH_SERVERS ?? 'ours,yls').split(','),
  cold: Math.max(1, envInt('BENCH_COLD_RUNS', 3)),
  keystroke: envInt('BENCH_KEYSTROKE_RUNS', 10),
  hover: envInt('BENCH_HOVER_RUNS', 20),
  completion: envInt('BENCH_COMPLETION_RUNS', 20),
  floorRuns: Math.max(1, envInt('BENCH_FLOOR_RUNS', 3)),
  timeoutMs: envInt('BENCH_TIMEOUT_MS', 20000),
};

/** The in-process floor, run in this (fresh) process: prints `{ compileMs, coldMs, warmMs[] }`. */
function floorMain(file, schemaFile) {
  const YAML = require(join(repoRoot, 'node_modules', 'yaml'));
  const Ajv2020 = require(join(repoRoot, 'node_modules', 'ajv', 'dist', '2020')).default;
  const addFormats = require(join(repoRoot, 'node_modules', 'ajv-formats')).default;
  const text = readFileSync(file, 'utf8');
  let t = performance.now();
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  const compileMs = performance.now() - t;
  // The same small warm-up our server does when idle (one tiny document), so both start equal.
  validate(YAML.parseDocument('cwlVersion: v1.2\nclass: CommandLineTool\ninputs: {}\noutputs: {}\n', { lineCounter: new YAML.LineCounter() }).toJS());
  const once = () => {
    const start = performance.now();
    const doc = YAML.parseDocument(text, { lineCounter: new YAML.LineCounter() });
    validate(doc.toJS({ maxAliasCount: 100 }));
    return performance.now() - start;
  };
  const coldMs = once();
  const warmMs = [];
  for (let i = 0; i < 7; i++) warmMs.push(once());
  process.stdout.write(JSON.stringify({ compileMs, coldMs, warmMs, errors: validate.errors?.length ?? 0 }));
}

function median(values) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function servers() {
  const ours = join(repoRoot, 'dist', 'server.js');
  const yls = join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const ylsVersion = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version;
  return [
    { id: 'ours', label: 'HPC Workflows', args: [ours, '--stdio'], missing: existsSync(ours) ? null : 'dist/server.js missing (npm run build)' },
    { id: 'yls', label: `yaml-language-server ${ylsVersion}`, args: [yls, '--stdio'], missing: existsSync(yls) ? null : 'yaml-language-server not installed' },
  ].filter((s) => config.servers.includes(s.id));
}

/** What each server is told: ours needs nothing (CWL is recognised); yaml-language-server gets the schema for *.cwl. */
function settingsFor(section, schemaUri) {
  if (section === 'yaml') return { schemas: { [schemaUri]: ['*.cwl', '**/*.cwl'] }, validate: true, hover: true, completion: true, schemaStore: { enable: false }, format: { enable: false } };
  return null;
}

class BenchClient extends LspClient {
  constructor(options, schemaUri) {
    super(options);
    this.schemaUri = schemaUri;
  }
  answerServerRequest(message) {
    if (message.method === 'workspace/configuration') {
      const result = (message.params?.items ?? []).map((item) => settingsFor(item.section, this.schemaUri));
      this.write({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    super.answerServerRequest(message);
  }
}

async function start(server, workload) {
  const spawnedAt = performance.now();
  const client = new BenchClient({ command: process.execPath, args: server.args, cwd: workload.dir, env: process.env }, workload.schemaUri);
  const sampler = new TreeMemorySampler(client.pid, 20).start();
  await client.initialize(workload.rootUri, config.timeoutMs);
  const startupMs = performance.now() - spawnedAt;
  client.notify('workspace/didChangeConfiguration', { settings: { yaml: settingsFor('yaml', workload.schemaUri) } });
  return { client, sampler, startupMs };
}

async function stop(session) {
  const memory = session.sampler.stop();
  await session.client.stop();
  return memory;
}

/** One server on one workload: cold opens, keystrokes, hovers, completions. Never throws. */
async function measure(server, workload) {
  const r = { startup: [], total: [], cold: [], keystroke: [], hover: [], completion: [], diagnostics: null, hoverOk: false, completionItems: 0, memoryKiB: null, failed: null };
  if (server.missing) return { ...r, failed: server.missing };
  let session;
  try {
    for (let run = 0; run < config.cold; run++) {
      session = await start(server, workload);
      const waiting = session.client.nextDiagnostics(workload.uri, (p) => (p.diagnostics?.length ?? 0) > 0, config.timeoutMs);
      const sentAt = session.client.notify('textDocument/didOpen', { textDocument: { uri: workload.uri, languageId: 'yaml', version: 1, text: workload.text } });
      const { at, params } = await waiting;
      r.cold.push(at - sentAt);
      r.startup.push(session.startupMs);
      r.total.push(session.startupMs + (at - sentAt));
      r.diagnostics = params.diagnostics.length;
      if (run < config.cold - 1) {
        const memory = await stop(session);
        r.memoryKiB = Math.max(r.memoryKiB ?? 0, memory.serverHwmKiB);
      }
    }
    await sleep(500);
    const p = workload.positions;
    for (let run = 0; run < config.keystroke; run++) {
      const version = run + 2;
      const insert = run % 2 === 0;
      const range = insert ? { start: p.keystroke, end: p.keystroke } : { start: p.keystroke, end: { line: p.keystroke.line, character: p.keystroke.character + 1 } };
      const waiting = session.client.nextDiagnostics(workload.uri, (x) => x.version === version || x.version == null, config.timeoutMs);
      const sentAt = session.client.notify('textDocument/didChange', { textDocument: { uri: workload.uri, version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
      const { at } = await waiting;
      r.keystroke.push(at - sentAt);
      await sleep(100);
    }
    await sleep(300);
    for (let run = 0; run < config.hover; run++) {
      const { ms, result } = await session.client.request('textDocument/hover', { textDocument: { uri: workload.uri }, position: p.hover }, config.timeoutMs);
      r.hover.push(ms);
      r.hoverOk = Boolean(result?.contents);
    }
    for (let run = 0; run < config.completion; run++) {
      const { ms, result } = await session.client.request('textDocument/completion', { textDocument: { uri: workload.uri }, position: p.completion, context: { triggerKind: 1 } }, config.timeoutMs);
      r.completion.push(ms);
      r.completionItems = Array.isArray(result) ? result.length : (result?.items?.length ?? 0);
    }
  } catch (error) {
    r.failed = String(error?.message ?? error).slice(0, 200);
  }
  if (session) {
    const memory = await stop(session);
    r.memoryKiB = Math.max(r.memoryKiB ?? 0, memory.serverHwmKiB);
  }
  return r;
}

function floor(workload) {
  const runs = [];
  for (let i = 0; i < config.floorRuns; i++) {
    const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--floor', workload.file, SCHEMA], { encoding: 'utf8' });
    try {
      runs.push(JSON.parse(out.stdout));
    } catch {
      return { failed: out.stderr.slice(0, 200) };
    }
  }
  return { compileMs: median(runs.map((x) => x.compileMs)), coldMs: median(runs.map((x) => x.coldMs)), warmMs: median(runs.flatMap((x) => x.warmMs)), errors: runs[0].errors };
}

const fmt = (ms) => (ms == null ? 'n/a' : ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);

function report(results, meta) {
  const lines = ['# YAML workflow files: HPC Workflows vs yaml-language-server', '', `${meta}`, ''];
  for (const { lines: size, floor: fl, byServer } of results) {
    const ours = byServer.ours;
    const yls = byServer.yls;
    lines.push(`## ${size.toLocaleString('en-US')} lines`, '');
    lines.push('| | HPC Workflows | yaml-language-server | in-process floor | ours ÷ floor | yaml-ls ÷ ours |', '|---|---|---|---|---|---|');
    const row = (name, o, y, f) => lines.push(`| ${name} | ${fmt(o)} | ${fmt(y)} | ${fmt(f)} | ${f == null ? '' : ratio(o, f)} | ${ratio(y, o)} |`);
    row('Start: spawn → `initialize` answered', median(ours?.startup ?? []), median(yls?.startup ?? []), null);
    row('Open → first diagnostics (cold, median)', median(ours?.cold ?? []), median(yls?.cold ?? []), fl.coldMs);
    row('Start + open → first diagnostics', median(ours?.total ?? []), median(yls?.total ?? []), fl.compileMs == null ? null : fl.compileMs + fl.coldMs);
    row('Keystroke → diagnostics (median)', median(ours?.keystroke ?? []), median(yls?.keystroke ?? []), fl.warmMs);
    row('Hover (median)', median(ours?.hover ?? []), median(yls?.hover ?? []), null);
    row('Completion (median)', median(ours?.completion ?? []), median(yls?.completion ?? []), null);
    lines.push('');
    const detail = (label, x) => (x ? `${label}: ${x.failed ? `failed (${x.failed})` : `${x.diagnostics} diagnostics, hover ${x.hoverOk ? 'with content' : 'empty'}, ${x.completionItems} completion items, peak memory ${Math.round((x.memoryKiB ?? 0) / 1024)} MiB`}` : '');
    lines.push([detail('HPC Workflows', ours), detail('yaml-language-server', yls), `floor: schema compile ${fmt(fl.compileMs)} (not counted), ${fl.errors} ajv errors`].filter(Boolean).join('; ') + '.', '');
  }
  return lines.join('\n');
}

async function main() {
  const base = mkdtempSync(join(tmpdir(), 'hpcw-yaml-bench-'));
  const results = [];
  try {
    for (const size of config.sizes) {
      const dir = join(base, `lines-${size}`);
      mkdirSync(dir, { recursive: true });
      const text = generateCwlWorkflow(size);
      const file = join(dir, 'workflow.cwl');
      writeFileSync(file, text);
      mkdirSync(join(dir, 'tools'), { recursive: true });
      writeFileSync(join(dir, 'tools', 'sort.cwl'), SORT_TOOL);
      const workload = { dir, file, text, uri: pathToFileURL(file).href, rootUri: pathToFileURL(dir).href, schemaUri: pathToFileURL(SCHEMA).href, positions: cwlPositions(text) };
      log(`[yaml-bench] floor, ${size} lines`);
      const fl = floor(workload);
      const byServer = {};
      for (const server of servers()) {
        log(`[yaml-bench] ${server.label}, ${size} lines`);
        byServer[server.id] = await measure(server, workload);
        if (byServer[server.id].failed) log(`  failed: ${byServer[server.id].failed}`);
      }
      results.push({ lines: size, floor: fl, byServer });
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  const meta = `${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, ${cpus().length} × ${cpus()[0]?.model?.trim()}, node ${process.version}, load ${loadavg()[0].toFixed(1)}. Runs: ${config.cold} cold, ${config.keystroke} keystrokes, ${config.hover} hovers, ${config.completion} completions; floor ${config.floorRuns} fresh processes. Cold = fresh process, \`initialize\`, then \`didOpen\` at once; time to the first \`publishDiagnostics\` with findings (the file has some). Keystroke = one character typed or deleted (incremental change) → \`publishDiagnostics\` of that version. Floor cold = fresh process, schema compiled and one tiny document read first (as our server does when idle), then \`parseDocument\` with a LineCounter + \`toJS\` + validate of this file; floor warm = the same again, median. Our server compiles the CWL schema and reads a small CWL file once while it starts (before it answers \`initialize\`), so that work is in its start row, not in its cold row; the floor's start + open row is its schema compile + cold read.`;
  const markdown = report(results, meta);
  const outDir = join(repoRoot, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'yaml-latest.md'), markdown + '\n');
  writeFileSync(join(outDir, 'yaml-latest.json'), JSON.stringify({ config, results }, null, 2) + '\n');
  process.stdout.write(markdown + '\n');
}

if (process.argv[2] === '--floor') floorMain(process.argv[3], process.argv[4]);
else main().catch((error) => {
  log(`[yaml-bench] crashed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
