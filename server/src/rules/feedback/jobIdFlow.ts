/**
 * Follows job ids through a script's variables: which sbatch calls a variable's value may come
 * from at a given place (`jid=$(sbatch ...)`, `deps="$deps:$jid"`, `ids+=($jid)`,
 * `dep=afterok:$jid`), and so which earlier calls an sbatch call's `--dependency` names. A
 * variable given a new value (`jid=$(sbatch ... -d afterok:$jid ...)` line after line) names the
 * call of its latest value; inside a loop it may also name the value from the previous round.
 * Pure; never throws.
 */
import type { Position } from '../../core/types';
import type { ShellModel } from '../../shell/model';
import { lastOption, variablesIn, type SbatchCall } from './sbatchCalls';

/** The job-id flow of one script: for each assignment, the calls (indices into the calls list) whose id it may hold. */
export interface JobIdFlow {
  model: ShellModel;
  /** Assignment index -> calls. Only assignments that capture or join job ids are present. */
  byAssignment: Map<number, Set<number>>;
  /** Variable name -> indices of its assignments (prefix assignments left out), in source order. */
  byName: Map<string, number[]>;
}

/** Text between expansions that only joins job ids into a dependency list. */
const JOINING_TEXT = /^(?:[\s"'():,;?+]|after(?:ok|any|notok|corr|burstbuffer)?|singleton)*$/;

/** Removes every `$name`, `${...}` expansion from a text. */
function withoutExpansions(text: string): string {
  return text.replace(/\$\{[^{}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '');
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/**
 * The assignments of `name` whose value a command at `at` (inside `loops`) may see: the last one
 * finished before it and, inside loops, those of the same loops not finished yet (their value
 * from the previous round).
 */
function reachingAssignments(flow: JobIdFlow, name: string, at: Position, loops: number[]): number[] {
  const model = flow.model;
  let last: number | undefined;
  const carried: number[] = [];
  for (const i of flow.byName.get(name) ?? []) {
    const a = model.assignments[i];
    if (before(a.range.end, at)) {
      if (last === undefined || before(model.assignments[last].range.start, a.range.start)) last = i;
    } else if (a.loops.some((l) => loops.includes(l))) carried.push(i);
  }
  return last === undefined ? carried : [last, ...carried];
}

/** Builds the job-id flow of a script from its sbatch calls. */
export function jobIdFlow(model: ShellModel, calls: SbatchCall[]): JobIdFlow {
  const byAssignment = new Map<number, Set<number>>();
  for (const [k, call] of calls.entries()) if (call.assignment !== undefined) byAssignment.set(call.assignment, new Set([k]));
  const joining: number[] = [];
  for (const [i, a] of model.assignments.entries()) {
    if (byAssignment.has(i) || a.scope === 'prefix' || /\$\(|`/.test(a.valueText)) continue;
    if (variablesIn(a.valueText).length > 0 && JOINING_TEXT.test(withoutExpansions(a.valueText))) joining.push(i);
  }
  const byName = new Map<string, number[]>();
  for (const [i, a] of model.assignments.entries()) {
    if (a.scope === 'prefix') continue;
    const list = byName.get(a.name) ?? [];
    list.push(i);
    byName.set(a.name, list);
  }
  const flow: JobIdFlow = { model, byAssignment, byName };
  // Each pass can only add; a handful of passes reaches every chain a script writes by hand.
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    for (const i of joining) {
      const a = model.assignments[i];
      const set = byAssignment.get(i) ?? new Set<number>();
      const size = set.size;
      for (const v of variablesIn(a.valueText)) for (const c of idsOf(flow, v, a.range.start, a.loops)) set.add(c);
      if (set.size > 0) byAssignment.set(i, set);
      if (set.size > size) changed = true;
    }
    if (!changed) break;
  }
  return flow;
}

/** The calls whose id `$name` may hold at `at` (inside `loops`). */
export function idsOf(flow: JobIdFlow, name: string, at: Position, loops: number[]): Set<number> {
  const found = new Set<number>();
  for (const i of reachingAssignments(flow, name, at, loops)) for (const c of flow.byAssignment.get(i) ?? []) found.add(c);
  return found;
}

/** The names of variables that hold job ids somewhere in the script. */
export function jobIdVariableNames(flow: JobIdFlow): Set<string> {
  return new Set([...flow.byAssignment.keys()].map((i) => flow.model.assignments[i].name));
}

/** The calls (indices into the calls list) that a call's `--dependency` names through variables. */
export function dependsOn(call: SbatchCall, flow: JobIdFlow): Set<number> {
  const found = new Set<number>();
  for (const o of call.options) {
    if (o.name !== 'dependency' || o.value === undefined) continue;
    for (const v of variablesIn(o.value)) for (const c of idsOf(flow, v, call.command.range.start, call.command.loops)) found.add(c);
  }
  return found;
}

/** The variables that hold job ids only (`jid`, `deps` in `deps="$deps:$jid"`), not dependency types. */
export function idOnlyVariables(flow: JobIdFlow): Set<string> {
  // A captured id (`jid=$(sbatch --dependency=afterok:... )`) holds an id, whatever its sbatch call says.
  const typed = new Set(flow.model.assignments.filter((a) => !/\$\(|`/.test(a.valueText) && /after|singleton/.test(a.valueText)).map((a) => a.name));
  return new Set([...jobIdVariableNames(flow)].filter((v) => !typed.has(v)));
}

/**
 * The dependency text a call asks for, with variables that hold dependency text replaced by what
 * the script assigns them (`dep=afterok:$jid; sbatch -d $dep ...` reads as `afterok:$jid`);
 * variables in `idVariables` (job ids only) stay as written. Undefined without `--dependency`.
 */
export function dependencyText(call: SbatchCall, model: ShellModel, idVariables: ReadonlySet<string>): string | undefined {
  const o = lastOption(call, 'dependency');
  if (o?.value === undefined) return undefined;
  let text = o.value;
  for (let depth = 0; depth < 2; depth++) {
    text = text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (all: string, name: string) => {
      if (idVariables.has(name)) return all;
      const values = model.assignments.filter((a) => a.name === name && a.scope !== 'prefix').map((a) => a.valueText);
      return values.length > 0 ? values.join(' ') : all;
    });
  }
  return text;
}
