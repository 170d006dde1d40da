// Benchmark settings, read from environment variables with defaults sized so that the whole
// run stays well under five minutes on two cores.

/** Integer from env var `name`, or `fallback` when unset or not a positive number. */
function intFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Comma-separated list from env var `name`, or `fallback`. */
function listFromEnv(name, fallback) {
  const raw = process.env[name];
  if (!raw) return fallback;
  return raw.split(',').map((item) => item.trim()).filter(Boolean);
}

/** Default run counts: fewer runs on the 10,000-line script, where one run takes seconds. */
function defaultRuns(lines, quick) {
  if (quick) return { cold: 2, warm: 2, keystroke: 2, hover: 5, completion: 5 };
  const big = lines >= 10000;
  return { cold: big ? 3 : 5, warm: big ? 3 : 5, keystroke: big ? 3 : 5, hover: 10, completion: 10 };
}

/**
 * Reads every BENCH_* variable (see BENCHMARKS.md) and returns the settings object.
 * `runsFor(lines)` gives the run counts for one script size; env overrides apply to all sizes.
 */
export function readConfig(repoRoot) {
  const quick = process.env.BENCH_QUICK === '1';
  const sizes = listFromEnv('BENCH_SIZES', quick ? ['100', '1000'] : ['100', '1000', '10000'])
    .map(Number)
    .filter((size) => Number.isInteger(size) && size > 0);
  const runsFor = (lines) => {
    const defaults = defaultRuns(lines, quick);
    return {
      cold: Math.max(1, intFromEnv('BENCH_COLD_RUNS', defaults.cold)),
      warm: intFromEnv('BENCH_WARM_RUNS', defaults.warm),
      keystroke: intFromEnv('BENCH_KEYSTROKE_RUNS', defaults.keystroke),
      hover: intFromEnv('BENCH_HOVER_RUNS', defaults.hover),
      completion: intFromEnv('BENCH_COMPLETION_RUNS', defaults.completion),
    };
  };
  return {
    repoRoot,
    quick,
    sizes,
    servers: listFromEnv('BENCH_SERVERS', ['ours', 'bash-ls']),
    runsFor,
    timeoutMs: intFromEnv('BENCH_TIMEOUT_MS', 15000),
    quietMs: intFromEnv('BENCH_QUIET_MS', 1000),
    memoryIntervalMs: Math.max(5, intFromEnv('BENCH_MEMORY_INTERVAL_MS', 20)),
    typing: {
      keystrokes: Math.max(1, intFromEnv('BENCH_TYPING_KEYSTROKES', 20)),
      intervalMs: intFromEnv('BENCH_TYPING_INTERVAL_MS', 50),
    },
    shellcheckAlone: process.env.BENCH_SHELLCHECK_ALONE !== '0',
    outFile: process.env.BENCH_OUT || 'bench/results/latest.md',
  };
}
