import type { ScannedScript } from '../scanner';
import { getoptTarget, type ParsedOption } from '../getopt';
import { sbatchWord } from './format';
import type { ForeignLine, ForeignTranslation } from './types';

/** #SBATCH lines that make sbatch do exactly what a #PBS / #BSUB line made it do. */
export interface SbatchRewrite {
  /** The directive lines, without line breaks. */
  directives: string[];
  /**
   * Where they go: the foreign line itself when it is in the header (replaced), or the first
   * command's line when the foreign line comes after it (inserted there; the foreign line is deleted).
   */
  at: number;
  replaces: boolean;
}

/**
 * The #SBATCH lines equivalent to one translated foreign line, when rewriting cannot change what
 * sbatch does: the line translates cleanly (no error or warning on it, every option and value on it, nothing
 * only the translation can set), no other foreign line sets the same options, no later #SBATCH
 * line sets them either (sbatch applies foreign lines last), the job has one component, and
 * removing the line shifts nothing for the other lines. Undefined otherwise.
 */
export function sbatchRewriteFor(translation: ForeignTranslation, fl: ForeignLine, scanned: ScannedScript, sbatchOptions: readonly ParsedOption[]): SbatchRewrite | undefined {
  if (fl.options.length === 0 || fl.lastLine !== fl.line || fl.hasDoubleDash) return undefined;
  // Clean: nothing refused, lost or read differently on the line (replacing an #SBATCH value is kept as it is).
  if (translation.problems.some((p) => p.line >= fl.line && p.line <= fl.lastLine && p.severity !== 'info' && p.kind !== 'overrides-sbatch')) return undefined;
  if (fl.options.some((t) => t.hidden || t.name.line !== fl.line || (t.valueSpan !== undefined && t.valueSpan.line !== fl.line))) return undefined;
  const others = translation.options.filter((t) => !fl.options.includes(t));
  // An option on another line that takes its value from this line would lose it.
  if (others.some((t) => t.valueSpan?.line === fl.line)) return undefined;
  const names = new Set(fl.options.map((t) => getoptTarget(t.option)));
  if (others.some((t) => names.has(getoptTarget(t.option)))) return undefined;
  if (scanned.directives.some((d) => d.component > 0)) return undefined;
  // Without this line the #PBS lines would be read instead of the #BSUB ones, or `-cwd` parity would shift.
  if (fl.dialect === 'bsub') {
    const bsubLines = translation.lines;
    if (bsubLines.length === 1 && translation.shadowedLines.length > 0) return undefined;
    if (fl.argCount % 2 === 1 && bsubLines.some((l) => l.line > fl.line && /(^|\s)-cwd(\s|$)/.test(scanned.lines.lines[l.line]))) return undefined;
  }
  const inHeader = scanned.firstCommandLine === undefined || fl.line < scanned.firstCommandLine;
  if (fl.inHeredoc) return undefined;
  const at = inHeader ? fl.line : (scanned.firstCommandLine as number);
  if (sbatchOptions.some((o) => o.line > at && names.has(getoptTarget(o.spec.name)))) return undefined;
  const directives = fl.options.map((t) => `#SBATCH ${sbatchWord(t.option, t.value)}`);
  if (fl.commentStart !== undefined) directives[directives.length - 1] += ` ${scanned.lines.lines[fl.line].slice(fl.commentStart)}`;
  return { directives, at, replaces: inHeader };
}
