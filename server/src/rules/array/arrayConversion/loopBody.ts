/**
 * Checks that a submit loop's body does nothing but submit, so replacing the loop by one array
 * submission loses nothing: the one sbatch call, plus commands that only talk (`echo`, `printf`,
 * `sleep`, `:`, `true`: dropped) and plain assignments computed from the loop's values (moved
 * into the array script). Pure; never throws.
 */
import type { Range } from '../../../core/types';
import type { ShellCommand, ShellModel } from '../../../shell/model';
import type { SbatchCall } from '../../feedback/sbatchCalls';
import { programName } from '../../resources/shellWords';
import { onlyPureSubstitutions, readsAny, SAME_IN_JOB, SPECIAL_PARAMETER, variablesRead } from './shellText';
import { isWithin, offsetOf, textOf, type DriverText } from './textPlaces';
import type { NoFix } from './types';

/** Commands a submit loop may hold besides sbatch; they only print or wait, and are dropped. */
const DROPPABLE = new Set(['echo', 'printf', 'sleep', ':', 'true']);

/** What the body check found. */
export interface LoopBody {
  /** Plain assignments of the body, in order, as written (`name=$(basename "$f" .fq)`): moved into the array script. */
  moved: string[];
  /** The names the loop's rounds set: the loop's variables and the moved assignments. */
  roundVariables: Set<string>;
  /** The statement that submits: the sbatch command with its redirections, or `jid=$(sbatch ...)`. */
  statement: { start: number; end: number };
}

function refuse(reason: NoFix['reason'], detail: string): NoFix {
  return { reason, detail };
}

/** The command's range with the redirections written after it. */
export function commandExtent(d: DriverText, command: ShellCommand): { start: number; end: number } {
  let end = offsetOf(d, command.range.end);
  for (const r of command.redirects) end = Math.max(end, offsetOf(d, r.range.end));
  return { start: offsetOf(d, command.range.start), end };
}

/** True for `echo ...` and friends that write nowhere but the terminal (redirections to other descriptors only). */
function droppable(command: ShellCommand): boolean {
  if (!DROPPABLE.has(programName(command.name) ?? '')) return false;
  // `>&2`, `1>&2`, `2>/dev/null` only: a message to the terminal, not a file the user keeps.
  return command.redirects.every((r) => (/^[<>]&$/.test(r.operator) && /^(\d+|-)$/.test(r.target?.text ?? '')) || (/^>>?$|^&>$/.test(r.operator) && r.target?.value === '/dev/null'));
}

/** True when the variable is read anywhere in the driver outside the given offsets. */
function readOutside(d: DriverText, name: string, keep: { start: number; end: number }[]): boolean {
  const re = new RegExp(`\\$\\{?[#!]?${name}(?![A-Za-z0-9_])`, 'g');
  for (const m of d.text.matchAll(re)) {
    const at = m.index ?? 0;
    if (!keep.some((k) => at >= k.start && at < k.end)) return true;
  }
  return false;
}

/**
 * True when the driver reads `name` after the loop (ending at `loopEnd`) before setting it again
 * (an assignment, or a loop or `read` that sets it): such a read sees the loop's last value,
 * which the conversion no longer sets.
 */
function readAfterLoop(model: ShellModel, d: DriverText, name: string, loopEnd: number): boolean {
  const sets: number[] = [];
  for (const a of model.assignments) if (a.name === name) sets.push(offsetOf(d, a.range.start));
  for (const l of model.loops) {
    const names = l.kind === 'for-in' ? [l.variable.name] : l.kind === 'c-style' ? [l.variable?.name] : (l.read?.variables.map((v) => v.name) ?? []);
    if (names.includes(name)) sets.push(offsetOf(d, l.range.start));
  }
  const re = new RegExp(`\\$\\{?[#!]?${name}(?![A-Za-z0-9_])`, 'g');
  for (const m of d.text.slice(loopEnd).matchAll(re)) {
    const at = loopEnd + (m.index ?? 0);
    if (!sets.some((s) => s > loopEnd && s < at)) return true;
  }
  return false;
}

/**
 * Checks the body of loop `loopIndex` around `call` (`listKeepsVariable`: the driver keeps a loop
 * that sets the loop's variable, to write the list). Returns the assignments to move and the
 * submitting statement, or why the loop does more than submit.
 */
export function checkLoopBody(model: ShellModel, d: DriverText, loopIndex: number, call: SbatchCall, loopVariables: string[], listKeepsVariable: boolean): LoopBody | NoFix {
  const loop = model.loops[loopIndex];
  const body: Range = loop.bodyRange;
  const bodyStart = offsetOf(d, body.start);
  const bodyEnd = offsetOf(d, body.end);
  const readCommand = loop.kind === 'while' ? loop.read?.command : undefined;
  const captured = call.assignment !== undefined ? model.assignments[call.assignment] : undefined;
  const statement = captured ? { start: offsetOf(d, captured.range.start), end: offsetOf(d, captured.range.end) } : commandExtent(d, call.command);
  const removed: { start: number; end: number }[] = [statement];
  const allowed: Range[] = [captured ? captured.range : call.command.range];

  const roundVariables = new Set(loopVariables);
  const moved: string[] = [];
  const assignments = model.assignments.filter((a) => a.loops.includes(loopIndex) && a !== captured && a.scope !== 'prefix');
  for (const a of assignments) {
    if (a.loops[a.loops.length - 1] !== loopIndex) return refuse('loop-body', 'the body holds another loop');
    if (a.append || a.array || a.scope !== 'plain') return refuse('loop-body', `the body changes ${a.name} in a way the array script cannot repeat`);
    if (roundVariables.has(a.name) && loopVariables.includes(a.name)) return refuse('loop-body', `the body changes the loop variable ${a.name}`);
    const reads = variablesRead(a.valueText);
    if (captured && reads.has(captured.name)) return refuse('job-id-used', `${a.name}=${a.valueText} collects the job ids, so each round's job matters on its own`);
    for (const name of reads) {
      if (!roundVariables.has(name) && !SAME_IN_JOB.has(name)) return refuse('driver-variable', `${a.name}=${a.valueText} reads ${name === SPECIAL_PARAMETER ? 'a positional parameter' : name}, which the array script does not have`);
    }
    if (!onlyPureSubstitutions(a.valueText)) return refuse('loop-body', `${a.name}=${a.valueText} runs a command the array script would have to repeat`);
    const text = textOf(d, a.range);
    moved.push(text);
    roundVariables.add(a.name);
    removed.push({ start: offsetOf(d, a.range.start), end: offsetOf(d, a.range.end) });
    allowed.push(a.range);
  }

  for (const [index, command] of model.commands.entries()) {
    if (!command.loops.includes(loopIndex) || index === readCommand || index === call.index) continue;
    if (command.loops[command.loops.length - 1] !== loopIndex) return refuse('loop-body', 'the body holds another loop');
    if (allowed.some((r) => isWithin(command.range, r))) continue;
    if (command.substitution !== undefined && allowed.some((r) => isWithin(model.substitutions[command.substitution as number].range, r))) continue;
    if (!droppable(command)) return refuse('loop-body', `the body also runs ${command.name?.text ?? 'a command'}`);
    allowed.push(command.range);
    removed.push(commandExtent(d, command));
  }

  // What is left of the body once the kept and dropped parts are cut out must be separators and comments.
  removed.sort((a, b) => a.start - b.start);
  let rest = '';
  let at = bodyStart;
  for (const r of removed) {
    if (r.start < at) continue;
    rest += d.text.slice(at, r.start);
    at = r.end;
  }
  rest += d.text.slice(at, bodyEnd);
  rest = rest.replace(/^\s*do\b/, '').replace(/\bdone\s*$/, '').replace(/\\\r?\n/g, ' ').replace(/(^|[\s;])#[^\n]*/g, '$1');
  if (!/^[\s;]*$/.test(rest)) return refuse('loop-body', `the body does more than submit (${rest.trim().slice(0, 40)})`);

  // A loop or body variable read after the loop would lose its last value (a loop that writes
  // a list keeps setting its variable, so only the other kinds matter for the loop's own).
  const loopEnd = offsetOf(d, loop.range.end);
  const names = [...assignments.map((a) => a.name), ...(listKeepsVariable ? [] : loopVariables)];
  for (const name of names) if (readAfterLoop(model, d, name, loopEnd)) return refuse('loop-body', `${name} is used after the loop, where it would no longer hold the last round's value`);
  if (captured) {
    // Reads in dropped echo/printf lines go with them; anywhere else (the next round's
    // --dependency, a list of ids, a later command) the id is really used.
    const dropped = removed.filter((r) => r !== statement);
    if (readOutside(d, captured.name, dropped) || readsAny(variablesRead(textOf(d, call.command.range)), new Set([captured.name]))) {
      return refuse('job-id-used', `the job id stored in ${captured.name} is used, so each round's job matters on its own`);
    }
  }
  return { moved, roundVariables, statement };
}
