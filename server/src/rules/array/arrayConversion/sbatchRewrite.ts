/**
 * Rewrites the loop's sbatch call into the array's one submission: `--array` added, the array
 * script in place of the job script, and every word that used the loop's values either moved
 * into the array script (`--export` entries, script arguments), turned into the task index
 * (`--output`/`--error`: `%a`) or dropped (`--job-name`). Anything else that uses the loop's
 * values stops the conversion. Pure; never throws.
 */
import type { Range } from '../../../core/types';
import type { SbatchCall, SbatchOption } from '../../feedback/sbatchCalls';
import { literalUnits, onlyPureSubstitutions, parseWord, readsAny, SAME_IN_JOB, serializeUnits, SPECIAL_PARAMETER, unitsRead, variablesRead, type WordUnit, isSingleWord } from './shellText';
import { offsetOf, type DriverText } from './textPlaces';
import type { NoFix, OffsetEdit } from './types';

/** What the array submission needs besides the call itself. */
export interface SubmissionShape {
  /** The `--array` value (`1-10`, `0-$((...))%10`). */
  arraySpec: string;
  /** The array script as a shell word. */
  scriptWord: string;
  /** Replaces each expansion of the loop's values in `--output`/`--error` (`%a`, or `%A_%a` when split into chunks). */
  taskPattern: string;
  /** An `--export` entry to add (`HPCW_TASK_OFFSET=$offset` for chunks). */
  extraExport?: string;
  /** The `--export` value the job has when the call gives none (its script's directive, else `ALL`). */
  defaultExport: string;
}

/** The loop's sbatch call taken apart for the conversion. */
export interface SbatchRewrite {
  /** Builds the new statement text for one shape of submission. */
  statement(shape: SubmissionShape): string;
  /** `export NAME=...` lines for the array script (from `--export` entries that used the loop's values). */
  exports: string[];
  /** `set -- ...` rebuilding the script's arguments in the array script, when some used the loop's values. */
  setArguments?: string;
}

function refuse(reason: NoFix['reason'], detail: string): NoFix {
  return { reason, detail };
}

/** Removes a word and the blanks before it on its line. */
function removal(d: DriverText, range: Range): OffsetEdit {
  let start = offsetOf(d, range.start);
  while (start > 0 && (d.text[start - 1] === ' ' || d.text[start - 1] === '\t')) start--;
  return { start, end: offsetOf(d, range.end), text: '' };
}

function replacement(d: DriverText, range: Range, text: string): OffsetEdit {
  return { start: offsetOf(d, range.start), end: offsetOf(d, range.end), text };
}

/** The option's word split into the part before its value and the value, as units. */
function valueParts(o: SbatchOption): { prefix: WordUnit[]; value: WordUnit[]; range: Range } | undefined {
  if (o.valueWord) {
    const value = parseWord(o.valueWord.text);
    return value ? { prefix: [], value, range: o.valueWord.range } : undefined;
  }
  const units = parseWord(o.word.text);
  if (!units) return undefined;
  let at: number;
  if (o.written.startsWith('--')) at = units.findIndex((u) => u.char === '=' && !u.raw.startsWith('\\'));
  else at = units.findIndex((u, k) => k >= 1 && u.char === o.written[1]);
  if (at < 0) return undefined;
  return { prefix: units.slice(0, at + 1), value: units.slice(at + 1), range: o.word.range };
}

/** True when the unit reads one of the round's variables. */
function usesRound(u: WordUnit, round: ReadonlySet<string>): boolean {
  return u.expansion !== undefined && readsAny(variablesRead(u.raw), round);
}

/** Why a word cannot move into the array script, if it cannot: it reads driver variables or runs commands. */
function cannotMove(text: string, round: ReadonlySet<string>): string | undefined {
  for (const name of variablesRead(text)) {
    if (round.has(name) || SAME_IN_JOB.has(name)) continue;
    return `${text} also reads ${name === SPECIAL_PARAMETER ? 'a positional or special parameter' : `$${name}`}, which only the driver has`;
  }
  return onlyPureSubstitutions(text) ? undefined : `${text} runs a command that would then run in every task`;
}

/** Splits `--export` value units into entries at their commas. */
function exportEntries(value: WordUnit[]): { entries: WordUnit[][]; comma?: WordUnit } {
  const entries: WordUnit[][] = [[]];
  let comma: WordUnit | undefined;
  for (const u of value) {
    if (u.char === ',' && !u.expansion) {
      comma ??= u;
      entries.push([]);
    } else entries[entries.length - 1].push(u);
  }
  return { entries: entries.filter((e) => e.length > 0), comma };
}

/** The `--export` option rewritten: entries that use the loop's values leave for the array script. */
interface ExportRewrite {
  option: SbatchOption;
  prefix: WordUnit[];
  kept: WordUnit[][];
  comma: WordUnit;
  range: Range;
}

function rewriteExport(o: SbatchOption, round: ReadonlySet<string>, exports: string[]): ExportRewrite | NoFix {
  const parts = valueParts(o);
  if (!parts) return refuse('option-uses-loop', `${o.written}: its value could not be read`);
  const { entries, comma } = exportEntries(parts.value);
  const kept: WordUnit[][] = [];
  for (const entry of entries) {
    if (!readsAny(unitsRead(entry), round)) {
      kept.push(entry);
      continue;
    }
    const eq = entry.findIndex((u) => u.char === '=');
    const name = entry.slice(0, Math.max(eq, 0)).map((u) => u.char ?? '?').join('');
    if (eq < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return refuse('option-uses-loop', `${o.written}: an entry that uses the loop's values sets no variable`);
    const text = serializeUnits(entry);
    const why = cannotMove(text, round);
    if (why) return refuse('driver-variable', why);
    exports.push(`export ${text}`);
  }
  return { option: o, prefix: parts.prefix, kept, comma: comma ?? { raw: ',', quote: 'none', char: ',' }, range: parts.range };
}

/** Serializes an `--export` option from its kept entries and an extra one. */
function exportText(r: ExportRewrite, extra: string | undefined): string {
  const entries = [...r.kept];
  if (extra) entries.push(parseWord(extra) ?? literalUnits(extra, 'none'));
  if (entries.length === 0) entries.push(literalUnits('NONE', r.comma.quote));
  const units: WordUnit[] = [...r.prefix];
  entries.forEach((e, k) => units.push(...(k > 0 ? [r.comma] : []), ...e));
  return serializeUnits(units);
}

/**
 * Takes the loop's sbatch call apart for the conversion, given the variables each round sets
 * (`round`). Returns why not when a word that uses the round's values cannot be carried over.
 */
export function rewriteSbatch(d: DriverText, call: SbatchCall, round: ReadonlySet<string>, statement: { start: number; end: number }, captured: boolean): SbatchRewrite | NoFix {
  if (call.options.some((o) => o.name === 'wrap')) return refuse('wrap', 'sbatch --wrap has no job script to turn into an array script');
  if (!call.script) return refuse('no-job-script', 'the job script is not named on the sbatch line');
  if (readsAny(variablesRead(call.script.text), round)) return refuse('job-script-varies', 'the loop submits a different job script each round');
  for (const w of call.opaqueOptions) if (readsAny(variablesRead(w.text), round)) return refuse('option-uses-loop', `${w.text} holds options that use the loop's values`);
  for (const r of call.command.redirects) if (readsAny(variablesRead(r.target?.text ?? ''), round)) return refuse('option-uses-loop', 'a redirection of sbatch uses the loop\'s values');
  const prefixEnd = offsetOf(d, call.nameWord.range.start);
  if (readsAny(variablesRead(d.text.slice(offsetOf(d, call.command.range.start), prefixEnd)), round)) {
    return refuse('option-uses-loop', 'a variable set for sbatch uses the loop\'s values');
  }

  const edits: OffsetEdit[] = [];
  const exports: string[] = [];
  const exportOptions = call.options.filter((o) => o.name === 'export');
  const lastExport = exportOptions[exportOptions.length - 1];
  let exportRewrite: ExportRewrite | undefined;
  for (const o of call.options) {
    const reads = variablesRead(`${o.word.text} ${o.valueWord?.text ?? ''}`);
    const uses = readsAny(reads, round);
    if (o === lastExport) {
      const r = rewriteExport(o, round, exports);
      if ('reason' in r) return r;
      exportRewrite = r;
      continue;
    }
    if (!uses) continue;
    const parts = valueParts(o);
    if ((o.name === 'output' || o.name === 'error' || o.name === 'job-name') && !parts) return refuse('option-uses-loop', `${o.written}: its value could not be read`);
    if (!parts || (o.name !== 'output' && o.name !== 'error' && o.name !== 'job-name')) {
      return refuse('option-uses-loop', `${o.written} uses the loop's values; only --export, --output, --error and --job-name can be carried into an array`);
    }
    if (o.name === 'job-name') {
      const value = parts.value.filter((u) => !usesRound(u, round));
      while (value.length > 0 && /^[_.-]$/.test(value[value.length - 1].char ?? '')) value.pop();
      while (value.length > 0 && /^[_.-]$/.test(value[0].char ?? '')) value.shift();
      if (value.length === 0) {
        edits.push(removal(d, o.word.range));
        if (o.valueWord) edits.push(removal(d, o.valueWord.range));
      } else edits.push(replacement(d, parts.range, serializeUnits([...parts.prefix, ...value])));
    }
    // `--output`/`--error` take the task's pattern wherever a round's value went (see `taskPattern`).
  }

  const args = call.scriptArgs;
  const moving = args.map((a) => readsAny(variablesRead(a.text), round));
  let setArguments: string | undefined;
  if (moving.some((m) => m)) {
    const words: string[] = [];
    let position = 0;
    for (const [k, a] of args.entries()) {
      if (moving[k]) {
        const why = cannotMove(a.text, round);
        if (why) return refuse('driver-variable', why);
        words.push(a.text);
        edits.push(removal(d, a.range));
        continue;
      }
      position++;
      if (isSingleWord(a.text)) words.push(position < 10 ? `"$${position}"` : `"\${${position}}"`);
      else if (moving.slice(k).every((m) => !m)) {
        words.push(position === 1 ? '"$@"' : `"\${@:${position}}"`);
        break;
      } else return refuse('driver-variable', `${a.text} may be any number of words, so the arguments after it cannot be found again in the array script`);
    }
    setArguments = `set -- ${words.join(' ')}`;
  }

  const outputs = call.options.filter((o) => (o.name === 'output' || o.name === 'error') && readsAny(variablesRead(`${o.word.text} ${o.valueWord?.text ?? ''}`), round));
  const scriptRange = call.script.range;
  const insertAt = offsetOf(d, call.nameWord.range.end);
  const addParsable = captured && !call.options.some((o) => o.name === 'parsable');
  const rewrite: SbatchRewrite = {
    exports,
    ...(setArguments ? { setArguments } : {}),
    statement(shape) {
      const all: OffsetEdit[] = [...edits, replacement(d, scriptRange, shape.scriptWord)];
      for (const o of outputs) {
        const parts = valueParts(o) as NonNullable<ReturnType<typeof valueParts>>;
        const value = parts.value.flatMap((u) => (usesRound(u, round) ? literalUnits(shape.taskPattern, u.quote) : [u]));
        all.push(replacement(d, parts.range, serializeUnits([...parts.prefix, ...value])));
      }
      let inserted = ` --array=${shape.arraySpec}${addParsable ? ' --parsable' : ''}`;
      if (exportRewrite && (exports.length > 0 || shape.extraExport)) all.push(replacement(d, exportRewrite.range, exportText(exportRewrite, shape.extraExport)));
      else if (!exportRewrite && shape.extraExport) {
        const base = /^NONE$/i.test(shape.defaultExport) ? '' : `${shape.defaultExport},`;
        inserted += ` --export=${base}${shape.extraExport}`;
      }
      all.push({ start: insertAt, end: insertAt, text: inserted });
      all.sort((a, b) => b.start - a.start || b.end - a.end);
      let text = d.text.slice(statement.start, statement.end);
      for (const e of all) text = text.slice(0, e.start - statement.start) + e.text + text.slice(e.end - statement.start);
      return text;
    },
  };
  // NOTE: whatever the line held (an option sbatch does not know, a word read differently), the
  // one submission must not read a value of the rounds any more.
  const probe = rewrite.statement({ arraySpec: '1', scriptWord: 'x', taskPattern: '%a', defaultExport: 'ALL' });
  if (readsAny(variablesRead(probe), round)) return refuse('option-uses-loop', 'a word of the sbatch line that uses the loop\'s values cannot be carried into the array');
  return rewrite;
}
