/**
 * Finds the `sbatch` calls in a script's shell body and reads their command-line options the way
 * sbatch's own getopt does (reading stops at the job script's name), so rules about submitting
 * (dependencies, job-id capture, submit loops) share one reading. Pure; never throws.
 */
import type { ShellAssignment, ShellCommand, ShellModel, ShellWord } from '../../shell/model';
import type { OptionCatalog } from '../../slurm/catalog';
import type { DirectiveArg } from '../../slurm/directiveArgs';
import { readOptions, type PlacedArg } from '../../slurm/getopt';
import { commandWords, programName } from '../resources/shellWords';

/** One option given to an sbatch call on its command line. */
export interface SbatchOption {
  /** sbatch's long option name without dashes (`dependency` for `-d`, `--dep`, `--dependency`). */
  name: string;
  /** The name as written, with dashes (`-d`, `--dependency`). */
  written: string;
  /** The value's text: its static value when it has one, else its source text (`afterok:$jid`). */
  value?: string;
  /** True when the value does not depend on the run. */
  valueStatic: boolean;
  /** The word holding the option's name. */
  word: ShellWord;
  /** The word holding the value when it is the next word (`-d afterok:1`, `--time 10`). */
  valueWord?: ShellWord;
}

/** One `sbatch` command in the body. */
export interface SbatchCall {
  /** Index into `ShellModel.commands`. */
  index: number;
  command: ShellCommand;
  /** The `sbatch` word itself. */
  nameWord: ShellWord;
  /** The options read before the job script, in order. */
  options: SbatchOption[];
  /** Words before the script that hold run-time option lists (`$OPTS`, `"${args[@]}"`). */
  opaqueOptions: ShellWord[];
  /** The job script's word; undefined with `--wrap` or when the script comes from standard input. */
  script?: ShellWord;
  /** The words after the script (the script's own arguments). */
  scriptArgs: ShellWord[];
  /** The variable its output is stored in (`jid=$(sbatch ...)`, `ids+=($(sbatch ...))`), if any. */
  capturedInto?: string;
  /** The assignment storing its output (index into `ShellModel.assignments`). */
  assignment?: number;
  /** The later stages of the pipeline it starts (`sbatch job.sh | awk ...`), indices into commands. */
  pipeline: number[];
}

/** True when the word names the `sbatch` program (`sbatch`, `/usr/bin/sbatch`). */
export function isSbatchWord(word: ShellWord | undefined): boolean {
  return programName(word) === 'sbatch';
}

/**
 * The text getopt sees for a word: its static value, else its source text without quotes (the
 * expansions stay, so `"--dependency=afterok:$jid"` still reads as an option).
 */
function argText(word: ShellWord): string {
  return word.value ?? word.text.replace(/["']/g, '');
}

/** A directive-style argument for getopt, placed at the word's first line and columns. */
function placed(word: ShellWord): PlacedArg {
  const text = argText(word);
  const start = word.range.start.character;
  // Columns are exact for words written without quotes or escapes; otherwise the value's
  // characters are all placed at the word's start (only the word, not the column, is used here).
  const exact = word.value !== undefined && word.value === word.text;
  const columns = Array.from({ length: text.length }, (_, i) => (exact ? start + i : start));
  const end = word.range.start.line === word.range.end.line ? word.range.end.character : start + word.text.length;
  const arg: DirectiveArg = { text, start, end, columns };
  return { line: word.range.start.line, arg };
}

/** Names of variables that usually hold a list of sbatch options. */
const OPTION_LIST_NAME = /opt|arg|flag|param|sbatch|extra|resource|slurm/i;

/**
 * True for a word that most likely expands to several options at run time: an array expansion
 * (`"${opts[@]}"`) or an unquoted variable whose name says it holds options (`$SBATCH_OPTS`).
 */
function isOptionList(word: ShellWord): boolean {
  if (word.value !== undefined) return false;
  const array = /^"?\$\{\w+\[[@*]\]\}"?$/.test(word.text);
  const named = /^"?\$\{?(\w+)\}?"?$/.exec(word.text);
  return array || (named !== null && OPTION_LIST_NAME.test(named[1]));
}

/** The word whose range starts at (line, column), if any. */
function wordAt(words: ShellWord[], line: number, column: number): ShellWord | undefined {
  return words.find((w) => w.range.start.line === line && w.range.start.character === column)
    ?? words.find((w) => w.range.start.line === line && w.range.start.character <= column && (w.range.end.line > line || w.range.end.character > column));
}

/** Reads the options and the script of one sbatch call from the words after `sbatch`. */
function readCall(words: ShellWord[], catalog: OptionCatalog): Pick<SbatchCall, 'options' | 'opaqueOptions' | 'script' | 'scriptArgs'> {
  const options: SbatchOption[] = [];
  const opaqueOptions: ShellWord[] = [];
  let rest = words;
  for (;;) {
    const read = readOptions(rest.map(placed), catalog);
    for (const o of read.options) {
      const word = wordAt(rest, o.line, o.nameStart);
      if (!word) continue;
      const valueWord = o.valueFromNextArg ? wordAt(rest, o.valueLine, o.valueAnchor) : undefined;
      const holder = valueWord ?? word;
      const valueStatic = o.value === undefined || holder.value !== undefined;
      const value = o.value === undefined ? undefined : valueStatic ? o.value : valueFromSource(holder, valueWord !== undefined);
      options.push({ name: o.spec.name, written: o.written, value, valueStatic, word, valueWord });
    }
    const stop = read.problems.find((p) => p.kind === 'not-an-option');
    if (!stop) return { options, opaqueOptions, scriptArgs: [] };
    const at = rest.findIndex((w) => w.range.start.line === stop.line && w.range.start.character === stop.start);
    if (at < 0) return { options, opaqueOptions, scriptArgs: [] };
    // `sbatch $OPTS job.sh`: the list expands to options at run time; the script comes after it.
    if (isOptionList(rest[at]) && at + 1 < rest.length) {
      opaqueOptions.push(rest[at]);
      rest = rest.slice(at + 1);
      continue;
    }
    // `sbatch -- job.sh`: getopt stops after `--`, the next word is the script.
    return { options, opaqueOptions, script: rest[at], scriptArgs: rest.slice(at + 1) };
  }
}

/**
 * The value part of a dynamic option word as written (`afterok:$jid` from `--dependency=afterok:$jid`
 * or from the next word `afterok:$jid`), quotes kept so variable names stay readable.
 */
function valueFromSource(word: ShellWord, wholeWord: boolean): string {
  if (wholeWord) return word.text;
  // `"--dependency=afterok:$jid"`: quotes around the whole word only group it.
  const text = word.text.replace(/^"(.*)"$/, '$1');
  const eq = text.indexOf('=');
  if (text.startsWith('--')) return eq > 0 ? text.slice(eq + 1) : text;
  return text.replace(/^-[A-Za-z]/, '');
}

/** The assignment storing the output of the substitution a command runs in, if any. */
function capturingAssignment(model: ShellModel, command: ShellCommand): number | undefined {
  if (command.substitution === undefined) return undefined;
  const sub = model.substitutions[command.substitution].range;
  const inside = (a: ShellAssignment) =>
    (a.range.start.line < sub.start.line || (a.range.start.line === sub.start.line && a.range.start.character <= sub.start.character)) &&
    (a.range.end.line > sub.end.line || (a.range.end.line === sub.end.line && a.range.end.character >= sub.end.character));
  for (let i = model.assignments.length - 1; i >= 0; i--) {
    const a = model.assignments[i];
    if (a.scope === 'prefix' || !inside(a)) continue;
    // Only a substitution that is the value (or an array element) itself, not one buried in another command.
    const body = a.valueText.replace(/^\(\s*|\s*\)$/g, '').replace(/^"|"$/g, '');
    if (/^(\$\(|`)\s*(\S*\/)?sbatch\b/.test(body)) return i;
  }
  return undefined;
}

/** The commands of the pipeline that `index` starts: the later stages, in order. */
function pipelineAfter(model: ShellModel, index: number): number[] {
  const first = model.commands[index];
  const stages: number[] = [];
  for (let k = index + 1; k < model.commands.length; k++) {
    const c = model.commands[k];
    if (c.substitution !== first.substitution) {
      // Commands inside substitutions written in the pipeline's words come after their holder.
      if (c.substitution !== undefined && model.substitutions[c.substitution] && within(model, c.substitution, first.substitution)) continue;
      break;
    }
    if (!c.piped) break;
    stages.push(k);
  }
  return stages;
}

/** True when substitution `inner` lies inside `outer` (undefined: the top level) and differs from it. */
function within(model: ShellModel, inner: number, outer: number | undefined): boolean {
  if (inner === outer) return false;
  if (outer === undefined) return true;
  const a = model.substitutions[inner].range;
  const b = model.substitutions[outer].range;
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(b.start, a.start) && before(a.end, b.end);
}

/**
 * Every `sbatch` call in the shell body, in source order, with its options read by sbatch's
 * getopt rules against `catalog` (abbreviations and short clusters included), its job script,
 * the variable its output is stored in and its pipeline. Returns [] for a model that was not parsed.
 * The list is read once per model and shared by every caller: do not change it.
 */
export function sbatchCalls(model: ShellModel | undefined, catalog: OptionCatalog): SbatchCall[] {
  if (!model || model.status !== 'parsed') return [];
  // NOTE: several rules read the calls of one document version; the model is shared, so the
  // reading is kept beside it (per catalog) and done once.
  const cached = CACHE.get(model);
  if (cached?.catalog === catalog) return cached.calls;
  const calls = readCalls(model, catalog);
  CACHE.set(model, { catalog, calls });
  return calls;
}

/** The calls read from each shell model (dropped with the model). */
const CACHE = new WeakMap<ShellModel, { catalog: OptionCatalog; calls: SbatchCall[] }>();

function readCalls(model: ShellModel, catalog: OptionCatalog): SbatchCall[] {
  const calls: SbatchCall[] = [];
  for (const [index, command] of model.commands.entries()) {
    const words = commandWords(command);
    const at = words.findIndex((w, i) => isSbatchWord(w) && (i === 0 || programName(words[i - 1]) === 'command' || programName(words[i - 1]) === 'exec'));
    if (at < 0) continue;
    const read = readCall(words.slice(at + 1), catalog);
    const assignment = capturingAssignment(model, command);
    calls.push({
      index,
      command,
      nameWord: words[at],
      ...read,
      ...(assignment !== undefined ? { assignment, capturedInto: model.assignments[assignment].name } : {}),
      pipeline: pipelineAfter(model, index),
    });
  }
  return calls;
}

/** The last option of that long name on the call, if any. */
export function lastOption(call: SbatchCall, name: string): SbatchOption | undefined {
  let found: SbatchOption | undefined;
  for (const o of call.options) if (o.name === name) found = o;
  return found;
}

/** True when the call sets the option (any value). */
export function hasOption(call: SbatchCall, name: string): boolean {
  return call.options.some((o) => o.name === name);
}

/** A name made safe to put into a regular expression. */
export function escapeRegExp(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the text expands the variable: `$name`, `${name}`, `${name%%;*}`, `${#name}`, `${!name}`. */
export function expandsVariable(text: string, name: string): boolean {
  return new RegExp(`\\$\\{?[#!]?${escapeRegExp(name)}\\b`).test(text);
}

/** The names of the variables a text expands (`$jid`, `${jid}`, `${ids[@]}`, `${jid%%;*}`). */
export function variablesIn(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\$\{?#?([A-Za-z_][A-Za-z0-9_]*)/g)) names.push(m[1]);
  return names;
}

/** The job script's file name without folders (`align.sh` for `jobs/align.sh`), when it is static. */
export function scriptBaseName(call: SbatchCall): string | undefined {
  const v = call.script?.value;
  return v === undefined ? undefined : v.slice(v.lastIndexOf('/') + 1);
}
