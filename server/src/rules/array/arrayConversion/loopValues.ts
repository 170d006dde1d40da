/**
 * Reads a submit loop for the conversion: which values its rounds take (a count, a fixed list,
 * or lines known only when the driver runs), which variables it sets, and which driver text a
 * conversion replaces. Pure; never throws.
 */
import type { CStyleForLoop, ForInLoop, ForItem, ShellLoop, ShellModel, WhileLoop } from '../../../shell/model';
import { shellQuote } from './shellText';
import { indentAt, offsetOf, staticPath, textOf, type DriverText } from './textPlaces';
import type { LoopReading, NoFix, TaskValues } from './types';

/** A fixed list longer than this is written by the driver into a list file instead of into the array script. */
export const MAX_INLINE_VALUES = 1000;

/** Options of `read` whose behaviour a task reading one line of the list reproduces. */
const READ_OPTIONS_KEPT = new Set(['-r']);

function refuse(reason: NoFix['reason'], detail: string): NoFix {
  return { reason, detail };
}

/** The numbers of a `{A..B..S}` item (bash counts toward B whatever the step's sign); undefined when zero-padded. */
function rangeNumbers(item: Extract<ForItem, { kind: 'range' }>): { first: number; step: number; count: number } | undefined {
  const m = /^\{([+-]?\d+)\.\.([+-]?\d+)/.exec(item.text);
  if (!m || /^[+-]?0\d/.test(m[1]) || /^[+-]?0\d/.test(m[2])) return undefined;
  const step = item.end >= item.start ? item.step : -item.step;
  return { first: item.start, step, count: Math.floor(Math.abs(item.end - item.start) / item.step) + 1 };
}

/** The numbers of a `$(seq ...)` item with whole literal numbers and no options; `count` may be 0. */
function seqNumbers(item: Extract<ForItem, { kind: 'seq' }>): { first: number; step: number; count: number } | 'infinite' | undefined {
  if (item.options.length > 0 || item.first === undefined || item.step === undefined || item.last === undefined) return undefined;
  if (!item.args.every((a) => a.value !== undefined && /^[+-]?\d+$/.test(a.value))) return undefined;
  if (item.step === 0) return 'infinite';
  const count = Math.floor((item.last - item.first) / item.step) + 1;
  return { first: item.first, step: item.step, count: Math.max(0, count) };
}

/** The elements of `"${name[@]}"` when `name` is assigned once, literally, before the loop. */
function literalArray(model: ShellModel, loop: ForInLoop, item: ForItem): string[] | undefined {
  const m = /^"\$\{([A-Za-z_][A-Za-z0-9_]*)\[@\]\}"$/.exec(item.word.text);
  if (!m) return undefined;
  const all = model.assignments.filter((a) => a.name === m[1]);
  if (all.length !== 1) return undefined;
  const [a] = all;
  if (!a.array || a.append || a.loops.length > 0 || a.scope === 'local' || a.scope === 'prefix') return undefined;
  if (a.range.end.line > loop.range.start.line || a.array.some((w) => w.value === undefined || w.glob)) return undefined;
  return a.array.map((w) => w.value as string);
}

/** The values of items that do not depend on the run, in order; undefined when one does, or when there are too many. */
function staticValues(model: ShellModel, loop: ForInLoop): string[] | undefined {
  const values: string[] = [];
  for (const item of loop.items) {
    if (item.kind === 'literal' && !item.word.glob) values.push(item.value);
    else if (item.kind === 'brace-list') values.push(...item.values);
    else if (item.kind === 'range' || item.kind === 'seq') {
      const n = item.kind === 'range' ? rangeNumbers(item) : seqNumbers(item);
      if (!n || n === 'infinite' || values.length + n.count > MAX_INLINE_VALUES) return undefined;
      for (let k = 0; k < n.count; k++) values.push(String(n.first + k * n.step));
    } else {
      const array = literalArray(model, loop, item);
      if (!array) return undefined;
      values.push(...array);
    }
    if (values.length > MAX_INLINE_VALUES) return undefined;
  }
  return values;
}

/** Whole numbers written plainly (`1 2 3`, `10 20 30`) that step evenly: a count, like `{1..3}`. */
function progression(values: string[]): TaskValues | undefined {
  if (values.length < 2 || !values.every((v) => /^-?\d+$/.test(v) && String(Number(v)) === v)) return undefined;
  const numbers = values.map(Number);
  const step = numbers[1] - numbers[0];
  if (step === 0 || numbers.some((n, k) => n !== numbers[0] + k * step)) return undefined;
  return { kind: 'numbers', first: numbers[0], step, count: numbers.length };
}

/** The loop's header (`for f in *.fq`), with `; do` and a body that prints each value on its own line. */
function listWriter(d: DriverText, loop: ForInLoop | CStyleForLoop, variable: string): (list: string) => string[] {
  const header = d.text.slice(offsetOf(d, loop.range.start), offsetOf(d, loop.bodyRange.start)).trimEnd().replace(/;$/, '');
  return (list) => [`${header}; do printf '%s\\n' "$${variable}"; done > ${list}`];
}

function forInValues(model: ShellModel, d: DriverText, loop: ForInLoop): TaskValues | NoFix {
  if (loop.items.length === 1 && !loop.inPositional) {
    const item = loop.items[0];
    const n = item.kind === 'range' ? rangeNumbers(item) : item.kind === 'seq' ? seqNumbers(item) : undefined;
    if (n === 'infinite') return refuse('loop-values', 'the seq step is 0, so the loop never ends');
    if (n) return n.count === 0 ? refuse('empty-loop', 'the loop never runs') : { kind: 'numbers', ...n };
  }
  const values = loop.inPositional ? undefined : staticValues(model, loop);
  if (values) {
    if (values.length === 0) return refuse('empty-loop', 'the loop never runs');
    return progression(values) ?? { kind: 'values', values };
  }
  // Known only when the driver runs: the driver's own loop header writes the values, one a line.
  if (loop.items.some((i) => i.kind === 'seq' && seqNumbers(i) === 'infinite')) return refuse('loop-values', 'the seq step is 0, so the loop never ends');
  return { kind: 'lines', list: { kind: 'written', write: listWriter(d, loop, loop.variable.name) } };
}

function cStyleValues(d: DriverText, loop: CStyleForLoop): TaskValues | NoFix {
  if (!loop.variable) return refuse('loop-values', 'the loop sets no variable the body could use');
  const name = loop.variable.name;
  if (loop.count) {
    const { first, last, step } = loop.count;
    return { kind: 'numbers', first, step, count: Math.floor((last - first) / step) + 1 };
  }
  // A header with other variables (`i = 0, j = 1`) could feed the body values the list would not hold.
  const onlyVariable = new RegExp(`^\\s*\\$?${name}\\s*=[^,]*$`);
  if (!onlyVariable.test(loop.initializer) || loop.update.includes(',') || loop.condition.includes(',')) {
    return refuse('loop-values', 'the loop header sets more than one variable');
  }
  return { kind: 'lines', list: { kind: 'written', write: listWriter(d, loop, name) } };
}

function whileValues(model: ShellModel, d: DriverText, loop: WhileLoop): TaskValues | NoFix {
  if (loop.kind !== 'while' || !loop.read) return refuse('loop-values', 'only `while read` loops have values a list can hold');
  const read = model.commands[loop.read.command];
  if (!read || read.redirects.length > 0) return refuse('loop-values', 'the read command has its own redirections');
  const unsupported = loop.read.options.find((o) => !READ_OPTIONS_KEPT.has(o));
  if (unsupported) return refuse('loop-values', `read ${unsupported} does not read one line per round`);
  const readCommand = textOf(d, read.range);
  const input = loop.input;
  if (!input) return refuse('loop-values', 'the loop reads the driver\'s standard input');
  if (input.kind === 'file') {
    const path = staticPath(model, input.word, loop.range.start);
    return path ? { kind: 'lines', list: { kind: 'file', path }, readCommand } : refuse('loop-values', 'the input file\'s name depends on the run');
  }
  if (input.kind === 'pipe') {
    const cat = model.commands.find((c) => offsetOf(d, c.range.start) === offsetOf(d, input.range.start) && c.name?.value === 'cat');
    if (cat && cat.args.length === 1 && cat.redirects.length === 0 && textOf(d, cat.range) === input.text) {
      const path = staticPath(model, cat.args[0], loop.range.start);
      if (path && !path.startsWith('-')) return { kind: 'lines', list: { kind: 'file', path }, readCommand };
    }
    return { kind: 'lines', list: { kind: 'written', write: (list) => [`${input.text} > ${list}`] }, readCommand };
  }
  if (input.kind === 'process-substitution') {
    const inner = input.text.slice(2, -1).trim();
    return { kind: 'lines', list: { kind: 'written', write: (list) => [`${inner} > ${list}`] }, readCommand };
  }
  return refuse('loop-values', 'the loop reads a here-document or here-string');
}

/**
 * The text a conversion replaces: the loop with its input redirect, and the pipeline stage that
 * feeds a `... | while read` loop. Undefined when the loop shares its line with other commands,
 * is piped on, runs in the background or has other redirections (replacing only the loop would
 * change what they do).
 */
function replacedText(d: DriverText, loop: ShellLoop): { start: number; end: number } | undefined {
  const fedByPipe = loop.kind === 'while' && loop.input?.kind === 'pipe';
  const start = offsetOf(d, fedByPipe && loop.input?.kind === 'pipe' ? loop.input.range.start : loop.range.start);
  let end = offsetOf(d, loop.range.end);
  const inputRedirect = loop.kind === 'while' && (loop.input?.kind === 'file' || loop.input?.kind === 'process-substitution');
  if (loop.redirects.length > (inputRedirect ? 1 : 0)) return undefined;
  for (const r of loop.redirects) end = Math.max(end, offsetOf(d, r.range.end));
  const before = d.text.slice(d.text.lastIndexOf('\n', start - 1) + 1, start);
  if (before.trim() !== '') return undefined;
  const previous = d.text.slice(0, start - before.length).replace(/[\s]+$/, '');
  if (/[|&\\(]$/.test(previous)) return undefined;
  const lineEnd = d.text.indexOf('\n', end);
  const after = d.text.slice(end, lineEnd < 0 ? d.text.length : lineEnd).replace(/\r$/, '');
  if (!/^[ \t]*;?[ \t]*(#.*)?$/.test(after)) return undefined;
  return { start, end };
}

/**
 * Reads loop `loopIndex` of the model for the conversion: its variables, the values of its rounds
 * and the text to replace. Returns why not when the loop's values cannot be carried into an array.
 */
export function readLoop(model: ShellModel, d: DriverText, loopIndex: number): LoopReading | NoFix {
  const loop = model.loops[loopIndex];
  if (!loop) return refuse('loop-values', 'no such loop');
  let values: TaskValues | NoFix;
  let variables: string[];
  if (loop.kind === 'for-in') {
    values = forInValues(model, d, loop);
    variables = [loop.variable.name];
  } else if (loop.kind === 'c-style') {
    values = cStyleValues(d, loop);
    variables = loop.variable ? [loop.variable.name] : [];
  } else {
    values = whileValues(model, d, loop);
    variables = loop.read?.variables.map((v) => v.name) ?? [];
  }
  if ('reason' in values) return values;
  const replace = replacedText(d, loop);
  if (!replace) return refuse('loop-placement', 'the loop shares its line with other commands, is piped on, runs in the background or has redirections');
  const headerEnd = offsetOf(d, loop.bodyRange.start);
  const header = d.text.slice(replace.start, headerEnd).split(/\r?\n/)[0].trim().replace(/;$/, '');
  const needsBash = values.kind === 'values' || (values.kind === 'lines' && values.readCommand !== undefined);
  return { variables, values, replace, header: header.length > 120 ? `${header.slice(0, 117)}...` : header, needsBash };
}

/** How many rounds the loop runs, when the submit script alone says. */
export function roundCount(values: TaskValues): number | undefined {
  return values.kind === 'numbers' ? values.count : values.kind === 'values' ? values.values.length : undefined;
}

/**
 * How many jobs the innermost loop `loopIndex` submits in all, counting the rounds of the loops
 * around it too; undefined when one of them is not known from the text. Used for the message.
 */
export function jobCount(model: ShellModel, d: DriverText, loopIndex: number): number | undefined {
  let total = 1;
  for (let k: number | undefined = loopIndex; k !== undefined; k = model.loops[k]?.parent) {
    const loop = model.loops[k];
    if (!loop) return undefined;
    let values: TaskValues | NoFix;
    if (loop.kind === 'for-in') values = forInValues(model, d, loop);
    else if (loop.kind === 'c-style') values = cStyleValues(d, loop);
    else return undefined;
    if ('reason' in values) return values.reason === 'empty-loop' ? 0 : undefined;
    const n = roundCount(values);
    if (n === undefined) return undefined;
    total *= n;
  }
  return total;
}

/** The list file name in a word, and how the job reaches it (absolute, `~/`, or under the submit directory). */
export function listWords(path: string): { inDriver: string; inJob: string } {
  const inDriver = shellQuote(path);
  if (path.startsWith('/')) return { inDriver, inJob: inDriver };
  if (path.startsWith('~/')) return { inDriver: `~/${shellQuote(path.slice(2))}`, inJob: `"$HOME"/${shellQuote(path.slice(2))}` };
  const plain = shellQuote(path) === path;
  return { inDriver, inJob: plain ? `"$SLURM_SUBMIT_DIR/${path}"` : `"$SLURM_SUBMIT_DIR"/${shellQuote(path)}` };
}

/** The driver's indentation where the loop starts. */
export function loopIndent(d: DriverText, reading: LoopReading): string {
  return indentAt(d, reading.replace.start);
}
