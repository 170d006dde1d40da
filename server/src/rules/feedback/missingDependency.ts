/**
 * Finding (b) of `feedback/unchained-submit`: an sbatch call that most likely needs an earlier
 * one's result but has no `--dependency`, so Slurm may start both at once. The evidence, strongest
 * first: the earlier job writes a path the later one reads; the earlier call's id is stored in a
 * variable that is never used; the two script names read as successive pipeline stages.
 */
import type { Finding, Position } from '../../core/types';
import type { ShellModel, ShellWord } from '../../shell/model';
import type { TextLines } from '../../slurm/lines';
import { programName, wordText } from '../resources/shellWords';
import { UNCHAINED_SUBMIT_ID } from './scrapedJobId';
import { expandsVariable, hasOption, scriptBaseName, type SbatchCall } from './sbatchCalls';
import { stageFollows } from './stageNames';

/** Script arguments after which a job script usually takes the path it writes. */
const OUTPUT_FLAG = /^--?(o|out|output|outdir|out[-_]?dir|output[-_]?dir|out[-_]?file|output[-_]?file|save[-_]?dir|save[-_]?path|checkpoint[-_]?dir|ckpt[-_]?dir|model[-_]?dir|results?[-_]?dir)$/i;
const OUTPUT_FLAG_WITH_VALUE = /^--?(out|output|outdir|out[-_]?dir|output[-_]?dir|out[-_]?file|output[-_]?file|save[-_]?dir|save[-_]?path|checkpoint[-_]?dir|ckpt[-_]?dir|model[-_]?dir|results?[-_]?dir)=(.+)$/i;
/** `--export` variables whose name says they hold where a job writes. */
const OUTPUT_VARIABLE = /OUT|RESULT|DEST|SAVE|CKPT|CHECKPOINT/i;
/** Paths too general to link two jobs (every job may read or write under them). */
const GENERAL_PATH = /^("?\$\{?(HOME|PWD|SCRATCH|WORK|TMPDIR|SLURM_SUBMIT_DIR|USER|PROJECT)\}?"?\/?|\.{1,2}\/?|\/tmp\/?|~\/?)$/;

function unquote(text: string): string {
  return text.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
}

/** The paths a job most likely writes: its `--output`, script arguments after `-o`/`--outdir`, `--export=OUT_DIR=...`. */
function outputsOf(call: SbatchCall): string[] {
  const found: string[] = [];
  for (const o of call.options) {
    if (o.value === undefined) continue;
    if ((o.name === 'output' || o.name === 'error') && !o.value.includes('%')) found.push(o.value);
    if (o.name === 'export') {
      for (const item of o.value.split(',')) {
        const eq = item.indexOf('=');
        if (eq > 0 && OUTPUT_VARIABLE.test(item.slice(0, eq))) found.push(item.slice(eq + 1));
      }
    }
  }
  const args = call.scriptArgs;
  for (const [i, w] of args.entries()) {
    const t = wordText(w);
    const joined = OUTPUT_FLAG_WITH_VALUE.exec(t);
    if (joined) found.push(joined[2]);
    else if (OUTPUT_FLAG.test(t) && args[i + 1]) found.push(wordText(args[i + 1]));
  }
  return found.map(unquote).filter((p) => p !== '' && !GENERAL_PATH.test(p));
}

/** The words of a call a job may read: script arguments (not output flags' values) and `--export` values. */
function inputsOf(call: SbatchCall): string[] {
  const found: string[] = [];
  const args = call.scriptArgs;
  for (let i = 0; i < args.length; i++) {
    const t = wordText(args[i]);
    if (OUTPUT_FLAG_WITH_VALUE.test(t)) continue;
    if (OUTPUT_FLAG.test(t)) {
      i++;
      continue;
    }
    found.push(unquote(t.replace(/^--?[A-Za-z][\w-]*=/, '')));
  }
  for (const o of call.options) {
    if ((o.name === 'export' || o.name === 'input') && o.value !== undefined) {
      for (const item of o.value.split(',')) {
        const eq = item.indexOf('=');
        // `OUT_DIR=...` says where this job writes, not what it reads.
        if (eq > 0 && OUTPUT_VARIABLE.test(item.slice(0, eq))) continue;
        found.push(unquote(item.slice(eq + 1)));
      }
    }
  }
  return found;
}

/** True when `input` names the path `output` or something under it (same text, or the same lone variable). */
function reads(input: string, output: string): boolean {
  if (input === output || input.startsWith(output.endsWith('/') ? output : `${output}/`)) return true;
  const lone = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(output);
  return lone !== null && expandsVariable(input, lone[1]);
}

/** The document a finding is made in: its text and lines. */
export interface DocumentText {
  text: string;
  lines: TextLines;
}

function offsetOf(doc: DocumentText, p: Position): number {
  return (doc.lines.starts[p.line] ?? doc.text.length) + p.character;
}

/** The text between two positions of the document, comment lines left out. */
function textBetween(doc: DocumentText, from: Position, to: Position): string {
  return doc.text.slice(offsetOf(doc, from), Math.max(offsetOf(doc, from), offsetOf(doc, to))).replace(/^[ \t]*#.*$/gm, '');
}

/** True when something between the two calls makes them alternatives or waits for the first one. */
function separated(model: ShellModel, doc: DocumentText, earlier: SbatchCall, later: SbatchCall): boolean {
  if (earlier.command.functionName !== later.command.functionName) return true;
  if (hasOption(earlier, 'wait')) return true;
  // `sbatch a.sh || exit 1` guards the first submission; `sbatch a.sh || sbatch b.sh` makes alternatives.
  const between = textBetween(doc, earlier.command.range.end, later.command.range.start).replace(/\|\|\s*(exit|return)\b[^\n;]*/g, '');
  if (/\belse\b|\belif\b|;;|\|\||\bexit\b|\breturn\b/.test(between)) return true;
  for (let k = earlier.index + 1; k < later.index; k++) {
    const name = programName(model.commands[k].name) ?? '';
    if (name === 'squeue' || name === 'sacct' || name === 'scontrol' || name === 'sattach' || name === 'wait') return true;
  }
  return false;
}

/** True when `$variable` is never expanded after `from` in the document. */
function neverUsedAfter(doc: DocumentText, variable: string, from: Position): boolean {
  const rest = doc.text.slice(offsetOf(doc, from));
  return !expandsVariable(rest, variable);
}

/** Why the later call most likely needs the earlier one, or undefined. */
function evidence(model: ShellModel, doc: DocumentText, calls: SbatchCall[], i: number, j: number): string | undefined {
  const earlier = calls[i];
  const later = calls[j];
  const a = scriptBaseName(earlier);
  const b = scriptBaseName(later);
  const outputs = outputsOf(earlier);
  const inputs = inputsOf(later);
  for (const out of outputs) {
    if (inputs.some((inp) => reads(inp, out))) return `it reads ${out}, which the job of line ${earlier.command.range.start.line + 1} writes`;
  }
  // Otherwise the same script twice is a sweep or a replica, not a stage.
  if (a !== undefined && a === b) return undefined;
  if (earlier.capturedInto !== undefined && j === i + 1 && earlier.assignment !== undefined) {
    const end = model.assignments[earlier.assignment].range.end;
    if (neverUsedAfter(doc, earlier.capturedInto, end)) return `the id of the job of line ${earlier.command.range.start.line + 1} is stored in $${earlier.capturedInto} but never used`;
  }
  // Names alone are weak evidence: only for the call right before.
  if (a !== undefined && b !== undefined && j === i + 1) {
    const step = stageFollows(a, b);
    if (step) return `${b} reads as the stage after ${a} (${step})`;
  }
  return undefined;
}

/** How many earlier calls are compared with each call (generated scripts may hold thousands). */
const LOOK_BACK = 20;

function rangeOf(call: SbatchCall): { start: Position; end: Position } {
  const end: ShellWord = call.script ?? call.nameWord;
  return { start: call.nameWord.range.start, end: end.range.end };
}

/**
 * Findings (b): for each call without `--dependency`, the nearest earlier call it most likely
 * needs (see the file comment), at most one finding a call. `doc` is the analysed document.
 */
export function missingDependencies(model: ShellModel, doc: DocumentText, calls: SbatchCall[]): Finding[] {
  const found: Finding[] = [];
  for (let j = 1; j < calls.length; j++) {
    const later = calls[j];
    if (hasOption(later, 'dependency') || later.opaqueOptions.length > 0 || hasOption(later, 'test-only')) continue;
    for (let i = j - 1; i >= Math.max(0, j - LOOK_BACK); i--) {
      const earlier = calls[i];
      if (hasOption(earlier, 'test-only') || separated(model, doc, earlier, later)) continue;
      const why = evidence(model, doc, calls, i, j);
      if (!why) continue;
      const jid = earlier.capturedInto;
      const how = jid
        ? `add --dependency=afterok:$${jid}`
        : 'store its id (`jid=$(sbatch --parsable ...)`) and add --dependency=afterok:$jid';
      found.push({
        code: UNCHAINED_SUBMIT_ID,
        severity: 'warning',
        range: rangeOf(later),
        message: `Submitted with no --dependency although ${why}: Slurm may start it before that job has finished. To run it after a successful end, ${how} (tip 9: explicit feedback loops)`,
        fixes: [],
        data: { after: earlier.command.range.start.line, ...(jid ? { jobIdVariable: jid } : {}) },
      });
      break;
    }
  }
  return found;
}
