import type { ParsedOption } from '../getopt';
import { optionByName } from '../options';
import type { ValueContext } from '../values/grammar';
import { grammarFor } from '../values/registry';
import { sbatchWord } from './format';
import type { ForeignDialect, ForeignProblem, ForeignProblemKind, IgnoredPart, SourceSpan, TranslatedOption } from './types';

/** What an emitted option came from: offsets into the foreign option's value (whole value when omitted). */
export type ValuePart = [from: number, to: number];

/**
 * Collects what a run of sbatch's translation produces: translated options (each value checked
 * with the value grammar of its sbatch option), problems and ignored parts. Keeps the value
 * each option has at each point, since some translations extend it.
 */
export class TranslationBuilder {
  readonly options: TranslatedOption[] = [];
  readonly problems: ForeignProblem[] = [];
  readonly ignored: IgnoredPart[] = [];
  private readonly values: Map<string, string | undefined>;

  constructor(
    readonly dialect: ForeignDialect,
    private readonly valueContext: Omit<ValueContext, 'option'>,
    initialValues: ReadonlyMap<string, string | undefined>,
    private readonly rewrittenCwd: (o: ParsedOption) => boolean,
  ) {
    this.values = new Map(initialValues);
  }

  /** The value an sbatch option has at this point (from #SBATCH lines or an earlier translation). */
  current(option: string): string | undefined {
    return this.values.get(option);
  }

  /** The foreign option's name as written (`-cwd` where sbatch rewrote it to `-c`). */
  nameOf(o: ParsedOption): string {
    return this.rewrittenCwd(o) ? '-cwd' : o.written;
  }

  /** `-l walltime=2:00:00`: the option and (part of) its value as written. */
  written(o: ParsedOption, part?: ValuePart): string {
    if (o.value === undefined) return this.nameOf(o);
    const text = part ? o.value.slice(part[0], part[1]) : o.value;
    return `${this.nameOf(o)} ${text}`;
  }

  nameSpan(o: ParsedOption): SourceSpan {
    return { line: o.line, start: o.nameStart, end: o.nameEnd };
  }

  /** Where part of the option's value is written (a zero-width span at the value for an empty part). */
  valueSpan(o: ParsedOption, part?: ValuePart): SourceSpan {
    const cols = o.valueColumns;
    if (cols.length === 0) return { line: o.valueLine, start: o.valueAnchor, end: o.valueAnchor };
    const from = Math.max(0, Math.min(part?.[0] ?? 0, cols.length - 1));
    const to = Math.min(part?.[1] ?? cols.length, cols.length);
    if (to <= from) return { line: o.valueLine, start: cols[from], end: cols[from] };
    return { line: o.valueLine, start: cols[from], end: cols[to - 1] + 1 };
  }

  /** The span a finding about (part of) the option points at: its value part, or its name for flags. */
  spanOf(o: ParsedOption, part?: ValuePart): SourceSpan {
    return o.value === undefined ? this.nameSpan(o) : this.valueSpan(o, part);
  }

  problem(kind: ForeignProblemKind, severity: ForeignProblem['severity'], message: string, span: SourceSpan): void {
    this.problems.push({ kind, severity, message, ...span });
  }

  /**
   * Records that `o` (or part of its value) becomes `--option=value`, and checks the value with
   * the option's grammar. Returns the translated option and whether sbatch refuses its value.
   * `note` is added to refusal messages (why the value came out that way); `added` is the part of
   * a value built on the current one that the translation adds (only that part is checked).
   */
  emit(o: ParsedOption, option: string, value: string | undefined, part?: ValuePart, extra: { hidden?: boolean; note?: string; added?: string } = {}): { translated: TranslatedOption; refused: boolean } {
    const translated: TranslatedOption = {
      dialect: this.dialect, option, value, written: this.written(o, part), name: this.nameSpan(o),
      valueSpan: o.value === undefined ? undefined : this.valueSpan(o, part),
      hidden: extra.hidden,
    };
    this.options.push(translated);
    this.values.set(option, value);
    const spec = optionByName(option);
    if (!spec || value === undefined || extra.hidden) return { translated, refused: false };
    let refused = false;
    // A value built on the one already set is checked for what the translation adds: the rest was checked where it was written.
    const checked = extra.added ?? value;
    const asWritten = o.value !== undefined && (part ? o.value.slice(part[0], part[1]) : o.value) === checked;
    for (const p of grammarFor(spec.value).validate(checked, { ...this.valueContext, option })) {
      if (p.severity === 'info') continue;
      const span = asWritten && p.start !== undefined ? this.valueSpan(o, [(part?.[0] ?? 0) + p.start, (part?.[0] ?? 0) + (p.end ?? value.length)]) : this.spanOf(o, part);
      const becomes = `${translated.written} becomes ${sbatchWord(option, value)}`;
      if (p.severity === 'error') {
        refused = true;
        this.problem('invalid-value', 'error', `${becomes}, which sbatch refuses: ${p.message}${extra.note ? ` (${extra.note})` : ''}`, span);
      } else {
        this.problem('questionable-value', 'warning', `${becomes}: ${p.message}`, span);
      }
    }
    if (refused) translated.refused = true;
    return { translated, refused };
  }

  /**
   * Records that sbatch reads `o` (or part of its value) and drops it. With a message, the drop
   * is also reported (as a warning); without, it only shows in the line's summary.
   */
  ignore(o: ParsedOption, part: ValuePart | undefined, message?: string): void {
    const span = part ? this.valueSpan(o, part) : o.value === undefined ? this.nameSpan(o) : { line: o.line, start: o.nameStart, end: o.valueLine === o.line ? this.valueSpan(o).end : o.nameEnd };
    const written = part ? (o.value ?? '').slice(part[0], part[1]) : this.written(o);
    this.ignored.push({ ...span, written });
    if (message) this.problem('ignored', 'warning', message, span);
  }
}
