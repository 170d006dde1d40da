// Turns benchmark results into the markdown report (both servers side by side, with ratios).

/** Median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds for a table: one decimal below 10 ms, whole numbers above. */
function formatMs(ms) {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}

/** KiB as MiB for a table. */
function formatMiB(kib) {
  const mib = kib / 1024;
  return mib < 10 ? mib.toFixed(1) : String(Math.round(mib));
}

/** Ratio peer/ours, or a lower bound when the peer gave nothing within the timeout. */
function formatRatio(ours, peer, peerTimedOut, timeoutMs) {
  if (ours === null || ours <= 0) return '—';
  if (peer === null) return peerTimedOut ? `> ${Math.round(timeoutMs / ours)}×` : '—';
  const ratio = peer / ours;
  return `${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)}×`;
}

/** The value a metric row compares (median or max), or null when there is none. */
function statOf(metric, stat) {
  if (!metric || metric.values.length === 0) return null;
  return stat === 'max' ? Math.max(...metric.values) : median(metric.values);
}

/** Cell text for one server's metric: the number, or why there is none. */
function cellOf(result, metric, stat) {
  if (!result) return 'not run';
  const value = statOf(metric, stat);
  if (value === null) {
    if (metric?.note) return metric.note;
    return result.failed ? 'failed' : 'n/a';
  }
  return metric.note ? `${formatMs(value)} (some runs: ${metric.note})` : formatMs(value);
}

/** Combined peak used in the main table: server VmHWM + largest child VmHWM, in KiB. */
function peakKiB(result) {
  if (!result?.memory) return null;
  return result.memory.serverHwmKiB + result.memory.largestChildHwmKiB;
}

/** [title, result key, statistic, what the answer held (for a remark when it was empty)]. */
const TIMING_ROWS = [
  ['Open → first diagnostics, cold (fresh process)', 'cold', 'median'],
  ['Open → first diagnostics, warm (same process)', 'warm', 'median'],
  ['Keystroke in header → diagnostics for that version', 'keystroke', 'median'],
  ['Hover on `#SBATCH --time`, idle', 'hoverIdle', 'median', 'hover'],
  ['Hover while typing, median', 'typingHover', 'median', 'hover'],
  ['Hover while typing, worst', 'typingHover', 'max', 'hover'],
  ['Typing burst: last keystroke → diagnostics', 'typingSettle', 'median'],
  ['Completion after `#SBATCH --`', 'completion', 'median', 'completion'],
  ['Start → initialize answered', 'startup', 'median'],
];

/** " (empty answer)" when the server answered but with nothing in it, else "". */
function emptyRemark(result, answer) {
  if (answer === 'hover' && result?.detail.hoverHasContent === false) return ' (empty answer)';
  if (answer === 'completion' && result?.detail.completionItems === 0) return ' (no items)';
  return '';
}

/**
 * Builds the main side-by-side table. `results` maps `${serverId}:${lines}` to a result;
 * `labels` maps server ids to column titles; the first server id is "ours".
 */
function mainTable(results, serverIds, labels, sizes, timeoutMs) {
  const [oursId, peerId] = serverIds;
  const header = `| Measure | Lines | ${serverIds.map((id) => labels[id]).join(' | ')} |${peerId ? ' peer/ours |' : ''}`;
  const rule = `|---|--:|${serverIds.map(() => '--:').join('|')}|${peerId ? '--:|' : ''}`;
  const rows = [header, rule];
  for (const [title, key, stat, answer] of TIMING_ROWS) {
    for (const lines of sizes) {
      const ours = results[`${oursId}:${lines}`];
      const peer = peerId ? results[`${peerId}:${lines}`] : null;
      const cells = serverIds.map((id) => {
        const result = results[`${id}:${lines}`];
        const cell = cellOf(result, result?.[key], stat);
        return statOf(result?.[key], stat) === null ? cell : cell + emptyRemark(result, answer);
      });
      const peerTimedOut = Boolean(peer?.[key]?.note?.startsWith('none within'));
      const ratio = peerId ? formatRatio(statOf(ours?.[key], stat), statOf(peer?.[key], stat), peerTimedOut, timeoutMs) : '';
      rows.push(`| ${title} (ms) | ${lines.toLocaleString('en-US')} | ${cells.join(' | ')} |${peerId ? ` ${ratio} |` : ''}`);
    }
  }
  for (const lines of sizes) {
    const cells = serverIds.map((id) => {
      const result = results[`${id}:${lines}`];
      const peak = peakKiB(result);
      if (peak !== null) return formatMiB(peak);
      return result?.failed ? 'failed' : 'n/a';
    });
    const ours = peakKiB(results[`${oursId}:${lines}`]);
    const peer = peerId ? peakKiB(results[`${peerId}:${lines}`]) : null;
    const ratio = peerId ? formatRatio(ours, peer, false, 0) : '';
    rows.push(`| Peak memory, server + largest child (MiB) | ${lines.toLocaleString('en-US')} | ${cells.join(' | ')} |${peerId ? ` ${ratio} |` : ''}`);
  }
  const failures = [];
  for (const id of serverIds) {
    for (const lines of sizes) {
      const result = results[`${id}:${lines}`];
      if (result?.failed) failures.push(`${labels[id]} on ${lines} lines failed: ${result.failed}`);
    }
  }
  return [rows.join('\n'), ...failures.map((text) => `\n${text}`)].join('\n');
}

/** Yes/no/number cell for the detail table. */
function detailCell(value) {
  if (value === undefined || value === null) return 'n/a';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** The second table: what each server actually answered, and the memory breakdown. */
function detailTable(results, serverIds, labels, sizes) {
  const rows = [
    '| Server | Lines | diagnostics at open | hover has text | completion items | publishes during typing | child processes | server VmHWM (MiB) | largest child VmHWM (MiB) | sampled tree RSS peak (MiB) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const id of serverIds) {
    for (const lines of sizes) {
      const result = results[`${id}:${lines}`];
      if (!result) continue;
      const memory = result.memory;
      const children = memory ? `${memory.childProcesses}${memory.childNames.length ? ` (${memory.childNames.join(', ')})` : ''}` : 'n/a';
      rows.push(
        `| ${labels[id]} | ${lines.toLocaleString('en-US')} | ${detailCell(result.detail.diagnosticsAtOpen)} | ${detailCell(result.detail.hoverHasContent)} | ${detailCell(result.detail.completionItems)} | ${detailCell(result.detail.publishesDuringTyping)} | ${children} | ${memory ? formatMiB(memory.serverHwmKiB) : 'n/a'} | ${memory ? formatMiB(memory.largestChildHwmKiB) : 'n/a'} | ${memory ? formatMiB(memory.peakTreeRssKiB) : 'n/a'} |`,
      );
    }
  }
  return rows.join('\n');
}

/** Notes: failures, server warnings, and ShellCheck's own time on each script. */
function notes(results, serverIds, labels, sizes, shellcheckAlone) {
  const lines = [];
  for (const id of serverIds) {
    for (const size of sizes) {
      const result = results[`${id}:${size}`];
      for (const warning of result?.serverWarnings ?? []) {
        lines.push(`- ${labels[id]}, ${size} lines, server warned: "${warning.slice(0, 160)}"`);
      }
    }
  }
  for (const entry of shellcheckAlone) {
    lines.push(
      `- ShellCheck alone (\`shellcheck --format=json1 --external-sources -\`, one run) on ${entry.lines} lines: ${entry.error ? `failed: ${entry.error}` : `${formatMs(entry.ms)} ms, ${entry.findings} findings, peak ${formatMiB(entry.maxRssKiB)} MiB`}`,
    );
  }
  return lines.length ? lines.join('\n') : '- none';
}

/**
 * Renders the whole report: environment, configuration, main table, detail table, notes.
 * `meta` holds the environment facts and settings collected by run.mjs.
 */
export function renderReport({ results, serverIds, labels, sizes, meta, shellcheckAlone }) {
  return `# Benchmark results

Generated ${meta.date} by \`npm run bench\` (${meta.durationS} s in total).

- Machine: ${meta.cpus} × ${meta.cpuModel}, ${meta.memGiB} GiB RAM, ${meta.os}; Node ${meta.node}. Load average (1 min): ${meta.load}.
- Servers: ${serverIds.map((id) => labels[id]).join('; ')}. ShellCheck: ${meta.shellcheck ?? 'not on PATH'}.
- Runs per script size (cold / warm / keystroke / hover / completion): ${meta.runs}.
- Typing burst: ${meta.typing}. Wait limit per answer: ${meta.timeoutMs / 1000} s.
- Times are medians in milliseconds; "peer/ours" above 1 means ours is faster or smaller.

${mainTable(results, serverIds, labels, sizes, meta.timeoutMs)}

## What each server answered

${detailTable(results, serverIds, labels, sizes)}

## Notes

${notes(results, serverIds, labels, sizes, shellcheckAlone)}
`;
}
