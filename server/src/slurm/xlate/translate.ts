import { getoptTarget, readOptions, type GetoptProblem, type GetoptResult, type ParsedOption } from '../getopt';
import type { ScannedScript } from '../scanner';
import { parseMemoryToMiB } from '../values/memory';
import { parseTimeToSeconds } from '../values/time';
import { TranslationBuilder } from './builder';
import { translateBsubOption } from './bsub';
import { collectForeignLines, type Collected } from './collect';
import { foreignCatalog, pbsLetterSince2302 } from './foreignOptions';
import { ACCUMULATING, describeTranslated, sbatchWord } from './format';
import { translatePbsOption } from './pbs';
import type { ForeignDialect, ForeignLine, ForeignProblem, ForeignTranslation, TranslateContext, TranslatedOption } from './types';

const TOOL: Record<ForeignDialect, string> = { pbs: 'qsub', bsub: 'bsub' };

function getoptProblem(p: GetoptProblem, dialect: ForeignDialect, read: GetoptResult): ForeignProblem {
  const span = { line: p.line, start: p.start, end: Math.max(p.end, p.start + 1) };
  const tool = TOOL[dialect];
  switch (p.kind) {
    case 'unknown': {
      const letter = p.written.length === 2 ? p.written[1] : '';
      const later = dialect === 'pbs' && pbsLetterSince2302(letter) ? ` before Slurm 23.02 (later releases turn ${p.written} into --chdir)` : '';
      return { ...span, kind: 'unknown-option', severity: 'error', message: `sbatch refuses the script: it has no translation for the ${tool} option ${p.written}${later}` };
    }
    case 'ambiguous':
      return { ...span, kind: 'ambiguous-option', severity: 'error', message: `sbatch refuses the script: ${p.written} could be any of the ${tool} options ${(p.candidates ?? []).map((c) => `--${c}`).join(', ')}` };
    case 'missing-value':
      return { ...span, kind: 'missing-value', severity: 'error', message: `sbatch refuses the script: ${p.written} needs a value` };
    case 'unexpected-value':
      return { ...span, kind: 'unexpected-value', severity: 'error', message: `sbatch refuses the script: ${p.written} takes no value` };
    case 'not-an-option': {
      const before = read.options.filter((o) => o.valueLine === p.line && o.valueColumns.length > 0 && o.valueColumns[o.valueColumns.length - 1] < p.start).pop();
      const hint = before?.valueFromNextArg ? '; a value with blanks must be quoted' : '';
      return { ...span, kind: 'stray-argument', severity: 'error', message: `sbatch refuses the script: "${p.written}" is not a ${tool} option, and sbatch stops there ("Invalid argument")${hint}` };
    }
  }
}

/**
 * Problems getopt finds. sbatch exits at the first one, so a stray word right after an unknown
 * option (`-d /tmp` where `-d` is unknown) is never reached; it is left out rather than reported
 * as a second, misleading error.
 */
function getoptProblems(read: GetoptResult, dialect: ForeignDialect): ForeignProblem[] {
  const firstOther = read.problems.find((p) => p.kind !== 'not-an-option');
  return read.problems
    .filter((p) => p.kind !== 'not-an-option' || !firstOther || p.line < firstOther.line || (p.line === firstOther.line && p.start < firstOther.start))
    .map((p) => getoptProblem(p, dialect, read));
}

/** The last #SBATCH value of each option (by its shared name), where translations start from. */
function sbatchValues(options: readonly ParsedOption[]): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const o of options) values.set(getoptTarget(o.spec.name), o.value);
  return values;
}

function spanOf(t: TranslatedOption): { line: number; start: number; end: number } {
  return t.valueSpan && t.valueSpan.end > t.valueSpan.start ? t.valueSpan : t.name;
}

/** Warnings for translated options that replace a different #SBATCH value or an earlier translated one. */
/** Options whose values are amounts: `180gb` translated to `180g` asks for the same as `180G`. */
const MEMORY_OPTIONS = new Set(['mem', 'mem-per-cpu', 'mem-per-gpu', 'tmp']);
const TIME_OPTIONS = new Set(['time', 'time-min']);

/** True when two values of an option ask for the same thing (same text, or the same amount). */
function sameValue(option: string, a: string | undefined, b: string | undefined): boolean {
  if ((a ?? '') === (b ?? '')) return true;
  if (a === undefined || b === undefined) return false;
  if (MEMORY_OPTIONS.has(option)) {
    const x = parseMemoryToMiB(a);
    return x !== undefined && x === parseMemoryToMiB(b);
  }
  if (TIME_OPTIONS.has(option)) {
    const x = parseTimeToSeconds(a);
    return x !== undefined && x === parseTimeToSeconds(b);
  }
  return false;
}

function overrideProblems(options: readonly TranslatedOption[], sbatch: readonly ParsedOption[], dialect: ForeignDialect): ForeignProblem[] {
  const problems: ForeignProblem[] = [];
  const prefix = dialect === 'pbs' ? '#PBS' : '#BSUB';
  for (const [k, t] of options.entries()) {
    const name = getoptTarget(t.option);
    if (t.hidden || t.refused || ACCUMULATING.has(name)) continue;
    const later = options.slice(k + 1).find((x) => getoptTarget(x.option) === name);
    if (later) {
      if (!later.refused && !sameValue(name, later.value, t.value)) {
        problems.push({ ...spanOf(t), kind: 'overridden', severity: 'warning', message: `sbatch drops ${describeTranslated(t)} from ${t.written}: ${later.written} on line ${later.name.line + 1} sets ${describeTranslated(later)} after it` });
      }
      continue;
    }
    const replaced = sbatch.filter((o) => getoptTarget(o.spec.name) === name && !sameValue(name, o.value, t.value));
    const last = replaced[replaced.length - 1];
    if (last) {
      problems.push({
        ...spanOf(t), kind: 'overrides-sbatch', severity: 'warning',
        message: `${t.written} sets ${describeTranslated(t)}, which replaces #SBATCH ${sbatchWord(last.spec.name, last.value)} (line ${last.line + 1}): sbatch applies ${prefix} lines after the #SBATCH lines`,
      });
    }
  }
  return problems;
}

function byPosition(a: ForeignProblem, b: ForeignProblem): number {
  return a.line - b.line || a.start - b.start;
}

function foreignLines(collected: Collected, scanned: ScannedScript, options: readonly TranslatedOption[], ignored: TranslationBuilder['ignored']): ForeignLine[] {
  const heredoc = scanned.heredocLines;
  return collected.lines.map((c) => {
    const within = (line: number) => line >= c.line && line <= c.lastLine;
    return {
      dialect: c.dialect, line: c.line, lastLine: c.lastLine,
      afterCommand: scanned.firstCommandLine !== undefined && c.line > scanned.firstCommandLine,
      inHeredoc: heredoc.has(c.line),
      argCount: c.args.length,
      hasDoubleDash: c.args.some((a) => a.arg.text === '--'),
      commentStart: c.commentStart,
      options: options.filter((t) => within(t.name.line)),
      ignored: ignored.filter((p) => within(p.line)),
    };
  });
}

/**
 * Reads the #PBS or #BSUB lines of a script the way sbatch translates them into sbatch options
 * (after the #SBATCH lines, unless --ignore-pbs is given): which lines it reads, the sbatch
 * options each becomes (values built as sbatch builds them and checked with our value grammars),
 * where sbatch refuses the script, and what it drops. Scripts sbatch refuses as a whole (empty,
 * no #! line...) are never translated. Pure and total: never throws.
 *
 * @param scanned the scanned script (its lines; the translation reads all of them)
 * @param ignorePbs true when --ignore-pbs is in effect: nothing is translated
 * @param context the script's #SBATCH options and the Slurm series to judge by
 */
export function translateForeignDirectives(scanned: ScannedScript, ignorePbs: boolean, context: TranslateContext = {}): ForeignTranslation {
  const empty: ForeignTranslation = { lines: [], options: [], problems: [], shadowedLines: [] };
  if (ignorePbs || scanned.shape) return empty;
  const collected = collectForeignLines(scanned);
  const dialect = collected.dialect;
  if (dialect === undefined) return { ...empty, problems: collected.problems };
  const version = context.version ?? 'any';
  const read = readOptions(collected.args, foreignCatalog(dialect, version));
  const sbatch = context.sbatchOptions ?? [];
  const builder = new TranslationBuilder(
    dialect,
    { version, maxArraySize: context.maxArraySize ?? 1001, maxArraySizeKnown: context.maxArraySizeKnown ?? false },
    sbatchValues(sbatch),
    (o) => [...collected.rewrittenCwd].some((a) => a.line === o.line && a.arg.start === o.nameStart),
  );
  for (const o of read.options) {
    if (dialect === 'pbs') translatePbsOption(o, builder);
    else translateBsubOption(o, builder);
  }
  const lines = foreignLines(collected, scanned, builder.options, builder.ignored);
  const prefix = dialect === 'pbs' ? '#PBS' : '#BSUB';
  const heredocProblems: ForeignProblem[] = lines.filter((l) => l.inHeredoc).map((l) => ({
    kind: 'in-heredoc', severity: 'warning', line: l.line, start: 0, end: prefix.length,
    message: `sbatch translates this ${prefix} line for this job although it is inside a here-document; if it is meant only for the script being written out, add #SBATCH --ignore-pbs`,
  }));
  const problems = [
    ...collected.problems,
    ...heredocProblems,
    ...getoptProblems(read, dialect),
    ...builder.problems,
    ...overrideProblems(builder.options, sbatch, dialect),
  ].sort(byPosition);
  return {
    dialect,
    lines,
    options: builder.options,
    problems,
    shadowedLines: collected.shadowedLines,
  };
}
