// The measurements, run against one server on one generated script.
// Every wait is bounded; a server that fails or stays silent gets a note, never a hang.

import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LspClient } from './lsp-client.mjs';
import { TreeMemorySampler, descendantsOf } from './memory.mjs';
import { OpenDocument } from './document.mjs';
import { POSITIONS } from './generate.mjs';

/** A list of timings (ms) plus an optional note saying why some runs are missing. */
function metric() {
  return { values: [], note: null };
}

/** Short reason for a failed wait, for tables. */
function reasonOf(error, config) {
  if (error?.kind === 'timeout') return `none within ${Math.round(config.timeoutMs / 1000)} s`;
  return String(error?.message ?? error).slice(0, 200);
}

/** Spawns the server, starts sampling its memory, and runs initialize/initialized. */
async function startSession(server, workload, config) {
  const startedAt = performance.now();
  const client = new LspClient({ command: server.command, args: server.args, cwd: config.repoRoot, env: server.env });
  const sampler = new TreeMemorySampler(client.pid, config.memoryIntervalMs).start();
  try {
    await client.initialize(workload.rootUri, config.timeoutMs);
  } catch (error) {
    sampler.stop();
    await client.stop(500);
    throw error;
  }
  return { client, sampler, startupMs: performance.now() - startedAt, diagnosticsTimedOut: false };
}

/** Stops the server (and any child it leaves behind); returns its memory peaks. */
async function endSession(session) {
  const memory = session.sampler.stop();
  const children = descendantsOf(session.client.pid);
  await session.client.stop();
  for (const pid of children) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  return memory;
}

/** Waits until the server has no child process (e.g. no ShellCheck run) for a moment. */
async function waitQuiet(session, config) {
  const deadline = performance.now() + config.timeoutMs;
  await sleep(config.quietMs);
  while (!session.sampler.hasNoChildren() && performance.now() < deadline) await sleep(50);
}

/**
 * Waits for `pending` diagnostics; after the first timeout in a session, waits for the server
 * to go quiet instead, so later measurements start from an idle server either way.
 */
async function settle(session, pending, config) {
  if (!session.diagnosticsTimedOut) {
    try {
      await pending;
      return;
    } catch (error) {
      if (error?.kind !== 'timeout') throw error;
      session.diagnosticsTimedOut = true;
    }
  }
  await waitQuiet(session, config);
}

/** Records a phase failure on `target`; rethrows when the server itself is gone. */
function noteFailure(session, target, error, config) {
  if (error?.kind === 'timeout') session.diagnosticsTimedOut = true;
  target.note = reasonOf(error, config);
  if (session.client.exited || session.client.spawnError) throw error;
}

/** Open → first publishDiagnostics in fresh processes; returns the last session, still running. */
async function measureCold(server, workload, config, result, memories) {
  for (let run = 0; run < config.runs.cold; run += 1) {
    const session = await startSession(server, workload, config);
    result.startup.values.push(session.startupMs);
    const doc = new OpenDocument(session.client, workload.uri('job.sh'), workload.text);
    const { sentAt, diagnostics } = doc.open(config.timeoutMs);
    try {
      const { at, params } = await diagnostics;
      result.cold.values.push(at - sentAt);
      result.detail.diagnosticsAtOpen = params.diagnostics.length;
    } catch (error) {
      noteFailure(session, result.cold, error, config);
    }
    if (run === config.runs.cold - 1 || session.diagnosticsTimedOut) return { ...session, doc };
    memories.push(await endSession(session));
  }
  throw new Error('no cold runs configured');
}

/** Re-opening the same text under a new name in the running server. */
async function measureWarm(session, workload, config, result) {
  const runs = session.diagnosticsTimedOut ? 1 : config.runs.warm;
  for (let run = 0; run < runs; run += 1) {
    const doc = new OpenDocument(session.client, workload.uri(`job-reopen-${run}.sh`), workload.text);
    const { sentAt, diagnostics } = doc.open(config.timeoutMs);
    try {
      const { at } = await diagnostics;
      result.warm.values.push(at - sentAt);
    } catch (error) {
      noteFailure(session, result.warm, error, config);
      doc.close();
      await waitQuiet(session, config);
      return;
    }
    doc.close();
  }
}

/** Hover on `--time` in the header with nothing else going on. */
async function measureIdleHover(session, config, result) {
  for (let run = 0; run < config.runs.hover; run += 1) {
    const { ms, result: hover } = await session.doc.hover(POSITIONS.hover, config.timeoutMs);
    result.hoverIdle.values.push(ms);
    result.detail.hoverHasContent = hoverHasContent(hover);
  }
}

/** True when a hover result carries some text. */
function hoverHasContent(hover) {
  const contents = hover?.contents;
  if (!contents) return false;
  if (typeof contents === 'string') return contents.trim().length > 0;
  if (Array.isArray(contents)) return contents.length > 0;
  return String(contents.value ?? '').trim().length > 0;
}

/** One character typed (or deleted) in the header → diagnostics for that version. */
async function measureKeystrokes(session, config, result) {
  const runs = session.diagnosticsTimedOut ? 1 : config.runs.keystroke;
  const at = POSITIONS.keystroke;
  for (let run = 0; run < runs; run += 1) {
    const typing = run % 2 === 0;
    const range = typing ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
    const change = session.doc.change(range, typing ? 'x' : '', config.timeoutMs);
    try {
      const published = await change.diagnostics;
      result.keystroke.values.push(published.at - change.sentAt);
    } catch (error) {
      noteFailure(session, result.keystroke, error, config);
      await waitQuiet(session, config);
      return;
    }
  }
}

/**
 * A burst of keystrokes at a fixed pace, each followed at once by a hover request (as an
 * editor does when the mouse rests on the header). Hovers are not awaited before the next
 * keystroke, so a server that blocks on each change shows it as growing hover latency.
 */
async function measureTyping(session, config, result) {
  const { client, doc } = session;
  const start = { ...POSITIONS.keystroke };
  const firstPublish = client.publishLog.length;
  const hovers = [];
  let lastChange = null;
  for (let key = 0; key < config.typing.keystrokes; key += 1) {
    const position = { line: start.line, character: start.character + key };
    lastChange = doc.change({ start: position, end: position }, String.fromCharCode(97 + (key % 26)), config.timeoutMs);
    hovers.push(doc.hover(POSITIONS.hover, config.timeoutMs));
    if (key < config.typing.keystrokes - 1) await sleep(config.typing.intervalMs);
  }
  for (const outcome of await Promise.allSettled(hovers)) {
    if (outcome.status === 'fulfilled') result.typingHover.values.push(outcome.value.ms);
    else result.typingHover.note = reasonOf(outcome.reason, config);
  }
  try {
    const published = await lastChange.diagnostics;
    result.typingSettle.values.push(published.at - lastChange.sentAt);
  } catch (error) {
    noteFailure(session, result.typingSettle, error, config);
    await waitQuiet(session, config);
  }
  result.detail.publishesDuringTyping = client.publishLog
    .slice(firstPublish)
    .filter((entry) => entry.uri === doc.uri).length;
}

/** Completion right after typing `#SBATCH --` on a new header line. */
async function measureCompletion(session, config, result) {
  const line = POSITIONS.completionLine;
  const insertAt = { line, character: 0 };
  const change = session.doc.change({ start: insertAt, end: insertAt }, '#SBATCH --\n', config.timeoutMs);
  await settle(session, change.diagnostics, config);
  for (let run = 0; run < config.runs.completion; run += 1) {
    const { ms, result: completion } = await session.doc.complete({ line, character: 10 }, config.timeoutMs);
    result.completion.values.push(ms);
    result.detail.completionItems = Array.isArray(completion) ? completion.length : (completion?.items?.length ?? 0);
  }
}

/** Server warnings without timestamps and file names, each kind once (at most five). */
function distinctWarnings(warnings) {
  const normalized = warnings.map((text) =>
    text
      .replace(/^\S*\d\d:\d\d:\d\d\S*\s*/, '')
      .replace(/file:\/\/\S+/g, '<file>')
      .replace(/line \d+/g, 'line N')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return [...new Set(normalized)].slice(0, 5);
}

/** Largest of each memory peak over all sessions of one server on one script. */
function combineMemory(memories) {
  if (memories.length === 0) return null;
  const largest = (key) => Math.max(...memories.map((memory) => memory[key]));
  return {
    serverHwmKiB: largest('serverHwmKiB'),
    largestChildHwmKiB: largest('largestChildHwmKiB'),
    peakTreeRssKiB: largest('peakTreeRssKiB'),
    childProcesses: memories.reduce((sum, memory) => sum + memory.childProcesses, 0),
    childNames: [...new Set(memories.flatMap((memory) => memory.childNames))],
  };
}

/**
 * Runs every measurement for `server` on `workload` and returns plain data for the report.
 * Never throws: a server that cannot start or dies gets `failed` set.
 */
export async function benchmarkServer(server, workload, config, log) {
  const result = {
    server: server.id,
    lines: workload.lines,
    failed: null,
    startup: metric(),
    cold: metric(),
    warm: metric(),
    hoverIdle: metric(),
    keystroke: metric(),
    typingHover: metric(),
    typingSettle: metric(),
    completion: metric(),
    memory: null,
    detail: {},
    serverWarnings: [],
  };
  if (server.missing) {
    result.failed = server.missing;
    return result;
  }
  const memories = [];
  let session = null;
  try {
    log(`  cold open x${config.runs.cold}`);
    session = await measureCold(server, workload, config, result, memories);
    const phases = [
      ['warm re-open', () => measureWarm(session, workload, config, result), result.warm],
      ['idle hover', () => measureIdleHover(session, config, result), result.hoverIdle],
      ['keystrokes', () => measureKeystrokes(session, config, result), result.keystroke],
      ['typing burst', () => measureTyping(session, config, result), result.typingHover],
      ['completion', () => measureCompletion(session, config, result), result.completion],
    ];
    for (const [name, run, target] of phases) {
      log(`  ${name}`);
      try {
        await run();
      } catch (error) {
        noteFailure(session, target, error, config);
      }
    }
  } catch (error) {
    result.failed = String(error?.message ?? error).slice(0, 300);
  }
  if (session) {
    result.serverWarnings = distinctWarnings(session.client.serverWarnings);
    memories.push(await endSession(session));
  }
  result.memory = combineMemory(memories);
  return result;
}
