/**
 * Follows job ids through a script's variables: which sbatch calls a variable's value may come
 * from (`jid=$(sbatch ...)`, `deps="$deps:$jid"`, `ids+=($jid)`, `dep=afterok:$jid`), and so
 * which earlier calls an sbatch call's `--dependency` names. Pure; never throws.
 */
import type { ShellModel } from '../../shell/model';
import { lastOption, variablesIn, type SbatchCall } from './sbatchCalls';

/** For each variable, the sbatch calls (indices into the calls list) whose job id it may hold. */
export type JobIdSources = Map<string, Set<number>>;

/** Text between expansions that only joins job ids into a dependency list. */
const JOINING_TEXT = /^(?:[\s"'():,;?+]|after(?:ok|any|notok|corr|burstbuffer)?|singleton)*$/;

/** Removes every `$name`, `${...}` expansion from a text. */
function withoutExpansions(text: string): string {
  return text.replace(/\$\{[^{}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '');
}

/**
 * The job-id variables of a script: variables that capture an sbatch call's output, and
 * variables whose value only joins such variables (`$deps:$jid`, `afterok:$a:$b`, `($jid)`).
 */
export function jobIdSources(model: ShellModel, calls: SbatchCall[]): JobIdSources {
  const sources: JobIdSources = new Map();
  const add = (name: string, from: Iterable<number>): boolean => {
    const set = sources.get(name) ?? new Set<number>();
    const before = set.size;
    for (const c of from) set.add(c);
    sources.set(name, set);
    return set.size > before;
  };
  for (const [k, call] of calls.entries()) if (call.capturedInto) add(call.capturedInto, [k]);
  const captures = new Set(calls.map((c) => c.assignment).filter((a): a is number => a !== undefined));
  // Each pass can only add; a handful of passes reaches every chain a script writes by hand.
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    for (const [i, a] of model.assignments.entries()) {
      if (captures.has(i) || a.scope === 'prefix' || a.valueText.includes('$(') || a.valueText.includes('`')) continue;
      if (!JOINING_TEXT.test(withoutExpansions(a.valueText))) continue;
      for (const v of variablesIn(a.valueText)) {
        const from = sources.get(v);
        if (from && add(a.name, from)) changed = true;
      }
    }
    if (!changed) break;
  }
  return sources;
}

/** The variables that hold job ids only (`jid`, `deps` in `deps="$deps:$jid"`), not dependency types. */
export function idOnlyVariables(model: ShellModel, sources: JobIdSources): Set<string> {
  // A captured id (`jid=$(sbatch --dependency=afterok:... )`) holds an id, whatever its sbatch call says.
  const typed = new Set(model.assignments.filter((a) => !/\$\(|`/.test(a.valueText) && /after|singleton/.test(a.valueText)).map((a) => a.name));
  return new Set([...sources.keys()].filter((v) => !typed.has(v)));
}

/** The earlier calls (indices into the calls list) that a call's `--dependency` names through variables. */
export function dependsOn(call: SbatchCall, sources: JobIdSources): Set<number> {
  const found = new Set<number>();
  for (const o of call.options) {
    if (o.name !== 'dependency' || o.value === undefined) continue;
    for (const v of variablesIn(o.value)) for (const c of sources.get(v) ?? []) found.add(c);
  }
  return found;
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
