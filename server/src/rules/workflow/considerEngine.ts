import type { Finding } from '../../core/types';
import type { ShellModel } from '../../shell/model';
import { dependsOn, jobIdFlow } from '../feedback/jobIdFlow';
import { sbatchCalls, type SbatchCall } from '../feedback/sbatchCalls';
import type { Rule } from '../types';

const ID = 'workflow/consider-engine';

/** A chain of at least this many sbatch calls linked by dependencies gets the hint. */
export const LONG_CHAIN = 4;
/** With a fan-in (one job waiting for several), a chain this long is enough. */
export const FAN_IN_CHAIN = 3;

/** Groups calls linked by dependencies (union-find over call indices). */
function components(count: number, edges: [number, number][]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const [a, b] of edges) parent[root(a)] = root(b);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}

/** True when the call waits for many jobs: several calls, or one call made in a loop the waiting call is not in. */
function fansIn(call: SbatchCall, predecessors: Set<number>, calls: SbatchCall[]): boolean {
  if (predecessors.size >= 2) return true;
  return [...predecessors].some((p) => calls[p].command.loops.some((l) => !call.command.loops.includes(l)));
}

/** The hand-written chains of one script worth a workflow engine, as findings on their first call. */
function longChains(model: ShellModel, calls: SbatchCall[]): Finding[] {
  const flow = jobIdFlow(model, calls);
  const edges: [number, number][] = [];
  const preds = calls.map((c, j) => {
    const from = dependsOn(c, flow);
    from.delete(j); // a call waiting for its own earlier run (a restart loop) is not a stage
    for (const i of from) edges.push([i, j]);
    return from;
  });
  const found: Finding[] = [];
  for (const group of components(calls.length, edges)) {
    if (group.length < 2) continue;
    const fanIn = group.some((j) => fansIn(calls[j], preds[j], calls));
    const nested = group.some((j) => calls[j].command.loops.length >= 2);
    if (group.length < LONG_CHAIN && !(fanIn && group.length >= FAN_IN_CHAIN) && !nested) continue;
    const first = calls[group[0]];
    const lines = group.map((j) => calls[j].command.range.start.line + 1);
    const shape = [fanIn ? 'one job waits for several' : '', nested ? 'submitted from nested loops' : ''].filter((s) => s !== '').join(', ');
    found.push({
      code: ID,
      severity: 'hint',
      range: { start: first.nameWord.range.start, end: (first.script ?? first.nameWord).range.end },
      message:
        `${group.length} sbatch calls chained by hand with --dependency (lines ${lines.join(', ')}${shape ? `; ${shape}` : ''}). ` +
        'A workflow engine keeps such a pipeline in one file, reruns only what failed or changed, and submits to Slurm for you: ' +
        'Snakemake with its SLURM executor, Nextflow, a CWL runner such as Toil, or Maestro/Merlin (tip 12: use a workflow manager)',
      fixes: [],
      data: { calls: group.length, lines, fanIn, nested },
    });
  }
  return found;
}

/**
 * Long dependency chains written by hand (tip 12): at least LONG_CHAIN sbatch calls linked by
 * `--dependency` through job-id variables, FAN_IN_CHAIN with a fan-in (`afterok:$a:$b`), or calls
 * with dependencies inside nested loops. One hint on the first call of each chain. Runs on job
 * scripts and submit scripts.
 */
export const considerEngine: Rule = {
  meta: { id: ID, description: 'A long chain of sbatch calls linked by --dependency, written by hand', defaultSeverity: 'hint', fixable: false, tip: 12, submitScripts: true },
  check({ script, shell, kind }) {
    if ((kind === 'job-script' && script.shape) || !shell || shell.status !== 'parsed') return [];
    const calls = sbatchCalls(shell, script.catalog);
    return calls.length < 2 ? [] : longChains(shell, calls);
  },
};
