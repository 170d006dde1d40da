// Samples the memory of a server's process tree from /proc (Linux only).
//
// VmHWM is the kernel's own high-water mark of a process's resident memory, so for the
// server process itself the number is exact. Child processes (ShellCheck under
// bash-language-server) come and go; we read their VmHWM on every poll and keep the last
// value seen before they exit, so a child's peak is exact up to one polling interval.

import { readFileSync, readdirSync } from 'node:fs';

/** Reads `VmHWM` and `VmRSS` (in KiB) of `pid`; null when the process is gone. */
function readStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+)/.exec(text);
    const rss = /VmRSS:\s+(\d+)/.exec(text);
    const name = /Name:\s+(\S+)/.exec(text);
    if (!hwm || !rss) return null;
    return { hwmKiB: Number(hwm[1]), rssKiB: Number(rss[1]), name: name ? name[1] : '?' };
  } catch {
    return null;
  }
}

/** The command line of `pid` (NUL-separated), or null when the process is gone. */
function readCmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
}

/** Direct children of `pid`, gathered from every thread (a child belongs to the thread that forked it). */
function childrenOf(pid) {
  const result = [];
  let tasks;
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return result;
  }
  for (const tid of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) result.push(...text.split(/\s+/).map(Number));
    } catch {
      /* thread ended */
    }
  }
  return result;
}

/** All descendants of `rootPid` alive right now (not including the root). */
export function descendantsOf(rootPid) {
  const found = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    for (const child of childrenOf(pid)) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Polls one process tree until stopped and keeps the peaks. */
export class TreeMemorySampler {
  constructor(rootPid, intervalMs) {
    this.rootPid = rootPid;
    this.intervalMs = intervalMs;
    this.rootHwmKiB = 0;
    this.childHwmKiB = new Map();
    this.childNames = new Set();
    this.peakTreeRssKiB = 0;
    this.childCount = 0;
    this.timer = null;
  }

  /** Starts polling (and takes one sample at once). */
  start() {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Takes one sample of the whole tree. */
  sample() {
    const root = readStatus(this.rootPid);
    if (!root) return;
    this.rootHwmKiB = Math.max(this.rootHwmKiB, root.hwmKiB);
    let treeRss = root.rssKiB;
    const rootCmdline = readCmdline(this.rootPid);
    for (const pid of descendantsOf(this.rootPid)) {
      // NOTE: between fork and exec a child is a copy of the server with the same command
      // line and an inflated RSS; skip it until it has become the program it runs.
      // An empty command line means the process is mid-exec or already a zombie.
      const cmdline = readCmdline(pid);
      if (!cmdline || cmdline === rootCmdline) continue;
      const status = readStatus(pid);
      if (!status) continue;
      if (!this.childHwmKiB.has(pid)) this.childCount += 1;
      // NOTE: the last reading, not the largest: exec starts a fresh high-water mark.
      this.childHwmKiB.set(pid, status.hwmKiB);
      this.childNames.add(status.name);
      treeRss += status.rssKiB;
    }
    this.peakTreeRssKiB = Math.max(this.peakTreeRssKiB, treeRss);
  }

  /** True when the server has no child process running right now. */
  hasNoChildren() {
    return descendantsOf(this.rootPid).length === 0;
  }

  /** Stops polling (after a last sample) and returns the peaks in KiB. */
  stop() {
    this.sample();
    clearInterval(this.timer);
    const childPeaks = [...this.childHwmKiB.values()];
    return {
      serverHwmKiB: this.rootHwmKiB,
      largestChildHwmKiB: childPeaks.length ? Math.max(...childPeaks) : 0,
      peakTreeRssKiB: this.peakTreeRssKiB,
      childProcesses: this.childCount,
      childNames: [...this.childNames],
    };
  }
}
