/**
 * Support for tests that need the real Slurm started by scripts/test-cluster.sh, and for the
 * sbatch-agreement corpus in test/fixtures/slurm (job scripts + the verdicts the real sbatch
 * gave them, recorded by scripts/record-sbatch-verdicts.sh).
 *
 * Nothing here imports the analysis: the cluster test talks to our linter through its CLI.
 */
import { spawnSync } from 'child_process';
import type { CliFinding } from '../../server/src/cli/format';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Where scripts/test-cluster.sh puts its files unless LAB_DIR says otherwise. */
export const DEFAULT_LAB_DIR = '/tmp/hpcw-slurm-lab';

/** The repository root (the folder holding package.json), found from this file's location. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'scripts'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = parent;
  }
}

/**
 * The env file a running test cluster wrote, or undefined when there is none. Looks at
 * $HPCW_CLUSTER_ENV, then $LAB_DIR/cluster.env, then the default lab dir. stop-cluster.sh removes
 * the file, so "found" means "a cluster is (supposed to be) running".
 */
export function findClusterEnvFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.HPCW_CLUSTER_ENV, path.join(env.LAB_DIR || DEFAULT_LAB_DIR, 'cluster.env')];
  return candidates.find((p): p is string => !!p && fs.existsSync(p));
}

/** Reads KEY=value lines (no quoting; blank lines and # comments skipped) into a map. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) out[m[1]] = m[2].trim();
  }
  return out;
}

/** What the cluster env file tells a test. */
export interface ClusterEnv {
  file: string;
  values: Record<string, string>;
}

/** A mocha context, reduced to what {@link clusterEnvOrSkip} uses. */
export interface SkippableContext {
  skip(): void;
}

/**
 * Called from a `before` hook of a cluster test. Returns the running cluster's env; when there is
 * none, skips the suite with a message that says how to start one, or, when REQUIRE_CLUSTER=1
 * (as in CI), throws so the run fails loudly instead of passing without testing anything.
 */
export function clusterEnvOrSkip(ctx: SkippableContext, env: NodeJS.ProcessEnv = process.env): ClusterEnv {
  const file = findClusterEnvFile(env);
  if (file) return { file, values: parseEnvFile(fs.readFileSync(file, 'utf8')) };
  const where = env.HPCW_CLUSTER_ENV || path.join(env.LAB_DIR || DEFAULT_LAB_DIR, 'cluster.env');
  const how = `start one with: sudo bash scripts/test-cluster.sh   (expected env file: ${where})`;
  if (env.REQUIRE_CLUSTER === '1') throw new Error(`REQUIRE_CLUSTER=1 but no test cluster is running; ${how}`);
  console.log(`    (skipped: no test cluster; ${how})`);
  ctx.skip();
  throw new Error('unreachable: skip() returned');
}

// ---------------------------------------------------------------------------------------------
// The agreement corpus
// ---------------------------------------------------------------------------------------------

/** The folder of the corpus job scripts. */
export function fixturesDir(): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'slurm');
}

/** File names (NNN-what.sh) of every corpus job script, sorted. */
export function listFixtures(): string[] {
  return fs
    .readdirSync(fixturesDir())
    .filter((f) => /^\d{3}-.*\.sh$/.test(f))
    .sort();
}

/** True when the job script is marked `# agreement: site` (rejected only because of this cluster's setup). */
export function isSiteDependent(content: Buffer | string): boolean {
  const text = typeof content === 'string' ? content : content.toString('latin1');
  return /^# agreement: site[ \t]*\r?$/m.test(text);
}

/** One row of sbatch-verdicts.tsv. */
export interface VerdictRow {
  file: string;
  testonly: 'ACCEPT' | 'REJECT';
  offline: 'ACCEPT' | 'REJECT';
  message: string;
}

/** Parses the TSV written by record-sbatch-verdicts.sh (header line first) into rows by file name. */
export function parseVerdicts(tsv: string): Map<string, VerdictRow> {
  const rows = new Map<string, VerdictRow>();
  const lines = tsv.split('\n').filter((l) => l !== '');
  if (lines[0] !== 'file\ttestonly\toffline\tmessage') throw new Error(`unexpected verdicts header: ${lines[0]}`);
  for (const line of lines.slice(1)) {
    const [file, testonly, offline, ...rest] = line.split('\t');
    const verdicts = ['ACCEPT', 'REJECT'];
    if (!verdicts.includes(testonly) || !verdicts.includes(offline)) throw new Error(`bad verdicts row: ${line}`);
    rows.set(file, { file, testonly: testonly as VerdictRow['testonly'], offline: offline as VerdictRow['offline'], message: rest.join('\t') });
  }
  return rows;
}

/** The verdicts recorded in test/fixtures/slurm/sbatch-verdicts.tsv. */
export function readRecordedVerdicts(): Map<string, VerdictRow> {
  return parseVerdicts(fs.readFileSync(path.join(fixturesDir(), 'sbatch-verdicts.tsv'), 'utf8'));
}

/**
 * Asks the real sbatch of the running cluster about every corpus script, now (the same script
 * that recorded the corpus, writing to a temporary file). Takes ~15-25 s on 2 cores.
 */
export function recordLiveVerdicts(cluster: ClusterEnv): Map<string, VerdictRow> {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hpcw-verdicts-')), 'live.tsv');
  const script = path.join(repoRoot(), 'scripts', 'record-sbatch-verdicts.sh');
  const run = spawnSync('bash', [script, '--out', out], {
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, HPCW_CLUSTER_ENV: cluster.file },
  });
  if (run.status !== 0) {
    throw new Error(`record-sbatch-verdicts.sh failed (status ${run.status}, ${run.error?.message ?? ''}):\n${run.stderr}`);
  }
  try {
    return parseVerdicts(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Our linter, through its CLI contract
// ---------------------------------------------------------------------------------------------

/** One finding as `hpcw lint --format json` prints it (1-based positions); only the type is shared. */
export type { CliFinding } from '../../server/src/cli/format';

/** What one CLI run gave: findings grouped by absolute file path, or why the run is unusable. */
export type CliResult = { ok: true; byFile: Map<string, CliFinding[]> } | { ok: false; problem: string };

/** Checks that a parsed JSON value has the shape of the CLI's output. */
function asCliFindings(value: unknown): CliFinding[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const severities = ['error', 'warning', 'info', 'hint'];
  const good = value.every(
    (f: unknown) =>
      typeof f === 'object' && f !== null &&
      typeof (f as CliFinding).file === 'string' &&
      typeof (f as CliFinding).line === 'number' &&
      typeof (f as CliFinding).code === 'string' &&
      severities.includes((f as CliFinding).severity),
  );
  return good ? (value as CliFinding[]) : undefined;
}

/**
 * Runs `node bin/hpcw.js lint --format json --slurm-version 22.05 --max-array-size 10001 FILE...`
 * once for all files (the CLI contract; needs `npm run build` first) and groups the findings by
 * absolute path. Exit status 0 or 1 with a JSON array on stdout is a usable run; anything else
 * comes back as a problem description.
 */
export function lintWithCli(files: string[], extraArgs: string[] = ['--slurm-version', '22.05', '--max-array-size', '10001']): CliResult {
  const root = repoRoot();
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'hpcw.js'), 'lint', '--format', 'json', ...extraArgs, ...files], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  const tail = `stderr: ${(run.stderr ?? '').slice(0, 2000)}`;
  if (run.error) return { ok: false, problem: `hpcw lint did not run: ${run.error.message}\n${tail}` };
  if (run.status !== 0 && run.status !== 1) return { ok: false, problem: `hpcw lint exited with ${run.status} (expected 0 or 1)\n${tail}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(run.stdout);
  } catch (e) {
    return { ok: false, problem: `hpcw lint stdout is not JSON (${(e as Error).message}): ${run.stdout.slice(0, 500)}\n${tail}` };
  }
  const findings = asCliFindings(parsed);
  if (!findings) return { ok: false, problem: `hpcw lint output is not an array of findings: ${run.stdout.slice(0, 500)}` };
  const byFile = new Map<string, CliFinding[]>(files.map((f) => [path.resolve(root, f), []]));
  for (const f of findings) {
    const key = path.resolve(root, f.file);
    const list = byFile.get(key);
    if (list) list.push(f);
    else byFile.set(key, [f]);
  }
  const hasErrors = findings.some((f) => f.severity === 'error');
  if ((run.status === 1) !== hasErrors) {
    return { ok: false, problem: `hpcw lint exit status ${run.status} does not match its findings (errors: ${hasErrors})` };
  }
  return { ok: true, byFile };
}

// ---------------------------------------------------------------------------------------------
// Agreement bookkeeping shared by the cluster test and the recorded-verdicts unit test
// ---------------------------------------------------------------------------------------------

/** What agreement means for one corpus script, given sbatch's verdict and our error findings. */
export function agreementProblem(testonly: VerdictRow['testonly'], site: boolean, ourErrors: string[]): string | undefined {
  if (site) {
    if (testonly !== 'REJECT') return 'marked "# agreement: site" but sbatch --test-only accepts it: drop the mark';
    return ourErrors.length > 0 ? `site-dependent rejection must not be an error, but we report: ${ourErrors.join('; ')}` : undefined;
  }
  if (testonly === 'REJECT' && ourErrors.length === 0) return 'sbatch --test-only rejects it, but we report no error';
  if (testonly === 'ACCEPT' && ourErrors.length > 0) return `sbatch accepts it, but we report errors: ${ourErrors.join('; ')}`;
  return undefined;
}

/** Counts for the summary line. */
export interface AgreementTally {
  total: number;
  agreeing: number;
  accepted: number;
  rejected: number;
  site: number;
}

/** The one-line summary the agreement tests print. */
export function agreementSummary(label: string, t: AgreementTally): string {
  return `${label}: ${t.agreeing}/${t.total} scripts agree (${t.accepted} accepted, ${t.rejected} rejected, ${t.site} site-dependent)`;
}
