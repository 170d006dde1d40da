/**
 * Finding (a) of `feedback/unchained-submit`: a job id cut out of sbatch's human-readable
 * "Submitted batch job N" line with awk, cut, grep -o, sed, tr or a parameter expansion, where
 * `sbatch --parsable` prints the id alone.
 */
import type { Finding, Fix, Range, TextEdit } from '../../core/types';
import type { ShellCommand, ShellModel, ShellWord } from '../../shell/model';
import { commandWords, programName, wordText } from '../resources/shellWords';
import { escapeRegExp, expandsVariable, hasOption, type SbatchCall } from './sbatchCalls';

export const UNCHAINED_SUBMIT_ID = 'feedback/unchained-submit';

/** Text filters a scraping pipeline is made of. */
const FILTERS = new Set(['awk', 'gawk', 'mawk', 'nawk', 'cut', 'grep', 'egrep', 'sed', 'tr', 'rev', 'head', 'tail']);

/** True when a filter stage picks the id out of the line (rather than only passing lines through). */
function extracts(command: ShellCommand): boolean {
  const words = commandWords(command);
  const name = programName(words[0]) ?? '';
  const args = words.slice(1).map(wordText);
  // The letters of a short-option cluster, up to an attached value (`-f4`, `-oE`, `-dc`).
  const hasShort = (letter: string) => args.some((a) => !a.startsWith('--') && (/^-([A-Za-z]*)/.exec(a)?.[1] ?? '').includes(letter));
  if (/^[gmn]?awk$/.test(name)) return args.some((a) => /print|\$(NF|\d)/.test(a));
  if (name === 'cut') return hasShort('f') || args.some((a) => a.startsWith('--fields'));
  if (name === 'grep' || name === 'egrep') return hasShort('o') || args.includes('--only-matching');
  if (name === 'sed') return true;
  if (name === 'tr') return hasShort('d');
  return false;
}

/** The filter stages right after the call, when at least one of them extracts: the scraping run. */
function scrapingRun(model: ShellModel, call: SbatchCall): number[] {
  const run: number[] = [];
  for (const k of call.pipeline) {
    if (!FILTERS.has(programName(model.commands[k].name) ?? '')) break;
    run.push(k);
  }
  while (run.length > 0 && !extracts(model.commands[run[run.length - 1]])) run.pop();
  return run;
}

/** The end of a command's words (its redirections not included). */
function wordsEnd(command: ShellCommand): Range['end'] {
  const words = commandWords(command);
  return words.length > 0 ? words[words.length - 1].range.end : command.range.end;
}

/** The end of a command including its redirections. */
function commandEnd(command: ShellCommand): Range['end'] {
  let end = command.range.end;
  for (const r of command.redirects) if (r.range.end.line > end.line || (r.range.end.line === end.line && r.range.end.character > end.character)) end = r.range.end;
  return end;
}

function insertParsable(call: SbatchCall): TextEdit {
  const at = call.nameWord.range.end;
  return { range: { start: at, end: at }, newText: ' --parsable' };
}

/**
 * The `${jid%%;*}` line the fix adds after `jid=$(...)` when the call names clusters (`--parsable`
 * then prints `jobid;cluster`): only when the assignment ends its line, so no other command moves.
 */
function clusterTrimEdit(model: ShellModel, call: SbatchCall, lines: readonly string[]): TextEdit | undefined {
  if (call.assignment === undefined || call.capturedInto === undefined) return undefined;
  const a = model.assignments[call.assignment];
  const line = lines[a.range.end.line] ?? '';
  if (line.slice(a.range.end.character).trim() !== '') return undefined;
  const indent = /^[ \t]*/.exec(lines[a.range.start.line] ?? '')?.[0] ?? '';
  const v = call.capturedInto;
  const at = { line: a.range.end.line, character: line.length };
  return { range: { start: at, end: at }, newText: `\n${indent}${v}="\${${v}%%;*}"  # --parsable prints jobid;cluster with -M` };
}

function finding(range: Range, message: string, fixes: Fix[], data: Record<string, unknown>): Finding {
  return { code: UNCHAINED_SUBMIT_ID, severity: 'warning', range, message, fixes, data };
}

const WHY = 'that line is meant for people (it changes with -M, and is empty when sbatch fails), while `sbatch --parsable` prints the id alone (tip 9: explicit feedback loops)';

/** Findings for ids scraped in the pipeline right after the call: `$(sbatch job.sh | awk '{print $4}')`. */
function scrapedInPipeline(model: ShellModel, call: SbatchCall, lines: readonly string[]): Finding[] {
  const run = scrapingRun(model, call);
  if (run.length === 0) return [];
  const last = model.commands[run[run.length - 1]];
  const first = model.commands[run[0]];
  const tools = run.map((k) => programName(model.commands[k].name)).join(' | ');
  const edits: TextEdit[] = [insertParsable(call), { range: { start: commandEnd(call.command), end: wordsEnd(last) }, newText: '' }];
  const clusters = hasOption(call, 'clusters');
  const trim = clusters ? clusterTrimEdit(model, call, lines) : undefined;
  if (trim) edits.push(trim);
  const fixes: Fix[] = !clusters || trim ? [{ title: `Use sbatch --parsable and drop the ${tools} stage`, edits, isPreferred: true, safe: false }] : [];
  return [finding({ start: first.range.start, end: wordsEnd(last) }, `The job id is cut out of "Submitted batch job N" with ${tools}: ${WHY}`, fixes, { scraper: tools, ...(call.capturedInto ? { variable: call.capturedInto } : {}) })];
}

/** `${out##* }` and friends keep a bare id unchanged, so adding `--parsable` alone is enough for them. */
const IDENTITY_ON_ID = /^\$\{\w+(##\*[^}]*\s\}|#Submitted[^}]*\}|\/\/\[[!^]0-9\]\/?\})$/;

/** A later use of the captured output that picks the id out of it, with the range to report. */
interface LaterScrape {
  range: Range;
  how: string;
  /** True when adding `--parsable` leaves this use working unchanged. */
  keepsWorking: boolean;
}

/** Scraping of a captured output in later commands: `${out##* }`, `echo $out | awk`, `read ... <<< $out`. */
function laterScrapes(model: ShellModel, call: SbatchCall, variable: string): LaterScrape[] {
  const found: LaterScrape[] = [];
  const expansion = new RegExp(`\\$\\{${escapeRegExp(variable)}(##|#|//|/|:\\s*-?\\d)[^}]*\\}`, 'g');
  const mentions = (w: ShellWord) => expandsVariable(w.text, variable);
  // Until the variable is given another value.
  const capture = call.assignment;
  const next = model.assignments.find((a, i) => i !== capture && a.name === variable && a.scope !== 'prefix' && a.range.start.line > call.command.range.end.line);
  const before = (line: number) => next === undefined || line <= next.range.start.line;
  for (let k = call.index + 1; k < model.commands.length && before(model.commands[k].range.start.line); k++) {
    const c = model.commands[k];
    const words = commandWords(c);
    for (const w of words) {
      for (const m of w.text.matchAll(expansion)) {
        const start = { line: w.range.start.line, character: w.range.start.character + (m.index ?? 0) };
        const oneLine = w.range.start.line === w.range.end.line;
        found.push({ range: oneLine ? { start, end: { line: start.line, character: start.character + m[0].length } } : w.range, how: m[0], keepsWorking: IDENTITY_ON_ID.test(m[0]) });
      }
    }
    const name = programName(c.name) ?? '';
    const fedByVariable = c.redirects.some((r) => r.operator === '<<<' && r.target !== undefined && mentions(r.target));
    if (fedByVariable && (name === 'read' || (FILTERS.has(name) && extracts(c)))) {
      found.push({ range: c.range, how: `${name} <<< $${variable}`, keepsWorking: false });
      continue;
    }
    // `echo "$out" | awk '{print $4}'`
    if ((name === 'echo' || name === 'printf') && words.slice(1).some(mentions)) {
      const next = model.commands[k + 1];
      if (next && next.piped && next.substitution === c.substitution && FILTERS.has(programName(next.name) ?? '') && extracts(next)) {
        found.push({ range: { start: c.range.start, end: next.range.end }, how: `${name} $${variable} | ${programName(next.name)}`, keepsWorking: false });
      }
    }
  }
  // Assignments hold expansions too: `jid=${out##* }`.
  for (const a of model.assignments) {
    if (a.range.start.line < call.command.range.start.line || !before(a.range.start.line)) continue;
    for (const m of a.valueText.matchAll(expansion)) {
      const col = a.range.start.character + a.name.length + (a.append ? 2 : 1) + (m.index ?? 0);
      const oneLine = a.range.start.line === a.range.end.line;
      const start = { line: a.range.start.line, character: col };
      found.push({ range: oneLine ? { start, end: { line: start.line, character: col + m[0].length } } : a.range, how: m[0], keepsWorking: IDENTITY_ON_ID.test(m[0]) });
    }
  }
  return found;
}

/**
 * Findings (a) for one sbatch call without `--parsable`: ids scraped in its own pipeline, or
 * later from the variable its output is stored in. `lines` are the document's lines (for the
 * cluster fix's indentation).
 */
export function scrapedJobIds(model: ShellModel, call: SbatchCall, lines: readonly string[]): Finding[] {
  if (hasOption(call, 'parsable') || hasOption(call, 'test-only') || hasOption(call, 'quiet') || call.opaqueOptions.length > 0) return [];
  const inPipeline = scrapedInPipeline(model, call, lines);
  if (inPipeline.length > 0 || call.capturedInto === undefined || call.pipeline.length > 0) return inPipeline;
  const clusters = hasOption(call, 'clusters');
  const seen = new Set<string>();
  const found: Finding[] = [];
  for (const s of laterScrapes(model, call, call.capturedInto)) {
    const key = `${s.range.start.line}:${s.range.start.character}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fixes: Fix[] = s.keepsWorking && !clusters ? [{ title: 'Use sbatch --parsable (prints the job id alone)', edits: [insertParsable(call)], isPreferred: true, safe: false }] : [];
    found.push(finding(s.range, `The job id is cut out of the "Submitted batch job N" line stored in $${call.capturedInto} (${s.how}): ${WHY}`, fixes, { scraper: s.how, variable: call.capturedInto }));
  }
  return found;
}
