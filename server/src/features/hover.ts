import type { JobScriptAnalysis } from '../analyze';
import type { Position, Range } from '../core/types';
import { lineRange } from '../core/types';
import type { AnalysisSettings } from '../rules/types';
import type { ParsedOption } from '../slurm/getopt';
import { grammarFor } from '../slurm/values/registry';
import { optionMarkdown } from './optionDocs';
import { valueContextFor } from '../rules/valueContext';

export interface HoverResult {
  markdown: string;
  range: Range;
}

function inside(o: ParsedOption, pos: Position): 'name' | 'value' | undefined {
  if (o.line === pos.line && pos.character >= o.nameStart && pos.character <= o.nameEnd) return 'name';
  const cols = o.valueColumns;
  if (o.valueLine === pos.line && cols.length > 0 && pos.character >= cols[0] && pos.character <= cols[cols.length - 1] + 1) return 'value';
  return undefined;
}

/** The value read back in words, when its grammar can say something. */
export function readBack(o: ParsedOption, settings: AnalysisSettings): string | undefined {
  if (o.value === undefined) return undefined;
  const grammar = grammarFor(o.spec.value);
  try {
    return grammar.describe?.(o.value, valueContextFor(o.spec.name, settings));
  } catch {
    return undefined;
  }
}

/**
 * Hover for a position in a job script: an option's documentation with its value read back in
 * words, or what a directive prefix means. Undefined where there is nothing to say.
 */
export function hoverAt(analysis: JobScriptAnalysis, pos: Position, settings: AnalysisSettings): HoverResult | undefined {
  const { script } = analysis;
  for (const o of script.options) {
    const where = inside(o, pos);
    if (!where) continue;
    const words = readBack(o, settings);
    const markdown = optionMarkdown(o.spec, words && o.value !== undefined ? { value: o.value, words } : undefined);
    const range = where === 'name' ? lineRange(o.line, o.nameStart, o.nameEnd) : lineRange(o.valueLine, o.valueColumns[0], o.valueColumns[o.valueColumns.length - 1] + 1);
    return { markdown, range };
  }
  const d = script.directives.find((x) => x.line === pos.line);
  if (d && !d.continuation && pos.character <= d.prefix.length) {
    const end = script.firstCommandLine;
    const markdown = [
      `**\`${d.prefix}\`** — a directive line that sbatch reads as command-line options.`,
      end === undefined
        ? 'sbatch reads directives until the first command; this script has no command yet.'
        : `sbatch reads directives until the first command, here line ${end + 1}; #SBATCH lines after it are ignored.`,
      d.component > 0 ? `This line belongs to het-job component ${d.component}.` : '',
    ].filter((s) => s !== '').join('\n\n');
    return { markdown, range: lineRange(d.line, 0, d.prefix.length) };
  }
  return undefined;
}
