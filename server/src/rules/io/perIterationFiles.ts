/**
 * Loops that make or read one small file per item, for `io/small-files`: a redirection whose file
 * name holds the loop variable in a loop of many known items (`for i in $(seq 1000); do ... >
 * out/$i.txt`), `split` in a loop or array task, and a loop over a glob of small-file types
 * (`for f in data/*.png`) inside an array task. Pure.
 */
import type { ShellLoop, ShellModel, ShellRedirect, ShellWord } from '../../shell/model';
import { expandsVariable } from '../feedback/sbatchCalls';
import { commandWords, programName, wordText } from '../resources/shellWords';

/** A loop of at least this many items that writes one file per item gets a hint. */
export const MANY_FILES = 100;

/** The number of items a loop walks when the script says it; undefined when it depends on the run. */
export function loopCount(loop: ShellLoop): number | undefined {
  if (loop.kind === 'c-style') return loop.count ? Math.floor(Math.abs(loop.count.last - loop.count.first) / Math.abs(loop.count.step)) + 1 : undefined;
  if (loop.kind !== 'for-in' || loop.inPositional) return undefined;
  let total = 0;
  for (const item of loop.items) {
    if (item.kind === 'literal') total += 1;
    else if (item.kind === 'brace-list') total += item.values.length;
    else if (item.kind === 'range') total += Math.floor(Math.abs(item.end - item.start) / item.step) + 1;
    else if (item.kind === 'seq' && item.first !== undefined && item.last !== undefined && item.step) {
      const n = Math.floor((item.last - item.first) / item.step) + 1;
      if (n <= 0) return undefined;
      total += n;
    } else return undefined;
  }
  return total;
}

/** The variables a loop sets for each item. */
function loopVariables(loop: ShellLoop): string[] {
  if (loop.kind === 'for-in') return [loop.variable.name];
  if (loop.kind === 'c-style') return loop.variable ? [loop.variable.name] : [];
  return loop.read ? loop.read.variables.map((v) => v.name) : [];
}

/** One place where a loop makes one file per item. */
export interface PerItemWrite {
  /** What is reported: the redirection or the `split` command. */
  range: ShellRedirect['range'];
  /** The file name as written (`out/$i.txt`) or `split`'s output prefix. */
  target: string;
  /** Files the loop makes, when known. */
  count?: number;
  /** Index of the command that writes (for the working directory). */
  command: number;
  how: 'redirect' | 'split';
}

/** Redirections that cannot make a file. */
function isFileWrite(r: ShellRedirect): boolean {
  if (!['>', '>>', '&>', '&>>', '>|'].includes(r.operator) || r.target === undefined) return false;
  const t = wordText(r.target);
  return !/^\/dev\//.test(t) && !/^&?\d+$/.test(t) && t !== '-';
}

/**
 * Redirections inside loops whose file name changes with the loop variables, when those loops
 * walk at least MANY_FILES items together (every loop whose variable is in the name must have a
 * known count).
 */
export function perIterationRedirects(model: ShellModel): PerItemWrite[] {
  const found: PerItemWrite[] = [];
  for (const [index, command] of model.commands.entries()) {
    if (command.loops.length === 0 || command.substitution !== undefined) continue;
    for (const r of command.redirects) {
      if (!isFileWrite(r) || r.target === undefined) continue;
      const target = r.target.text;
      let count = 1;
      let varies = false;
      for (const l of command.loops) {
        const loop = model.loops[l];
        if (!loopVariables(loop).some((v) => expandsVariable(target, v))) continue;
        varies = true;
        const n = loopCount(loop);
        count = n === undefined ? Number.NaN : count * n;
      }
      if (varies && count >= MANY_FILES) found.push({ range: r.range, target, count, command: index, how: 'redirect' });
    }
  }
  return found;
}

/** `split` with a size or count option (`-l`, `-b`, `-n`, `-C`) in a loop or array task: its output prefix. */
export function splitsInto(model: ShellModel, inArray: boolean): PerItemWrite[] {
  const found: PerItemWrite[] = [];
  for (const [index, command] of model.commands.entries()) {
    if (programName(command.name) !== 'split' || (command.loops.length === 0 && !inArray)) continue;
    const words = commandWords(command);
    const texts = words.map(wordText);
    if (!texts.some((t) => /^-[lbnC]/.test(t) || /^--(lines|bytes|number|line-bytes)/.test(t))) continue;
    const positional: ShellWord[] = [];
    for (let i = 1; i < words.length; i++) {
      const t = texts[i];
      if (/^-[lbnCa]$/.test(t) || /^--(additional-suffix|suffix-length|lines|bytes|number|line-bytes)$/.test(t)) i++;
      else if (!t.startsWith('-') || t === '-') positional.push(words[i]);
    }
    // split INPUT PREFIX: without a prefix it writes xaa, xab, ... in the working directory.
    const prefix = positional.length >= 2 ? positional[positional.length - 1].text : '';
    found.push({ range: { start: words[0].range.start, end: words[words.length - 1].range.end }, target: prefix, command: index, how: 'split' });
  }
  return found;
}

/** File types that datasets of many small files are usually made of. */
const SMALL_FILE_TYPES = /\.(png|jpe?g|gif|bmp|tiff?|webp|wav|flac|mp3|ogg|json|xml|txt|npy|npz|dcm|pdb|mol2?|sdf|xyz)$/i;

/** A loop over a glob of small files (`for f in data/*.png`), as the glob is written, with its loop. */
export function smallFileGlobs(model: ShellModel): { word: ShellWord; pattern: string; loop: number }[] {
  const found: { word: ShellWord; pattern: string; loop: number }[] = [];
  for (const [l, loop] of model.loops.entries()) {
    if (loop.kind !== 'for-in') continue;
    for (const item of loop.items) {
      if (item.kind === 'glob' && SMALL_FILE_TYPES.test(item.pattern.replace(/["']/g, ''))) found.push({ word: item.word, pattern: item.pattern, loop: l });
    }
  }
  return found;
}
