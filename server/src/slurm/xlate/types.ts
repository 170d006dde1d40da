import type { ParsedOption } from '../getopt';
import type { TargetVersion } from '../versions';

/** The foreign schedulers whose directive lines sbatch translates. */
export type ForeignDialect = 'pbs' | 'bsub';

/** A stretch of one line (0-based line, UTF-16 columns, end exclusive). */
export interface SourceSpan {
  line: number;
  start: number;
  end: number;
}

/** One sbatch option that a #PBS or #BSUB line turns into. */
export interface TranslatedOption {
  dialect: ForeignDialect;
  /** sbatch's long option name without dashes (`time`), or `umask` (see `hidden`). */
  option: string;
  /** The value exactly as sbatch's translation builds it; undefined for flags. */
  value?: string;
  /** What was written, for messages: `-l walltime=2:00:00`, `-N job`, `-x`. */
  written: string;
  /** The foreign option's name as written (`-l`, `--resource_list`, `-cwd`). */
  name: SourceSpan;
  /** The part of its value this option comes from, as written (one resource of `-l`); none for flags. */
  valueSpan?: SourceSpan;
  /**
   * True when sbatch has no #SBATCH option for it: `-W umask=` reaches a setter that only the
   * translation can call, so the line cannot be rewritten as #SBATCH lines.
   */
  hidden?: boolean;
  /** True when sbatch refuses the value (a problem of kind `invalid-value` says why). */
  refused?: boolean;
}

export type ForeignProblemKind =
  | 'syntax' // unmatched quote or a word starting with ':' (sbatch stops with a fatal error)
  | 'unknown-option' // getopt: invalid option / unrecognized option
  | 'ambiguous-option' // getopt: an abbreviation of several long options
  | 'missing-value' // getopt: option requires an argument
  | 'unexpected-value' // getopt: option doesn't allow an argument
  | 'stray-argument' // sbatch: Invalid argument: WORD
  | 'invalid-value' // the translated value is refused
  | 'questionable-value' // accepted, but read other than PBS/LSF (or the site) would read it
  | 'ignored' // an option, resource or attribute sbatch reads and drops
  | 'dropped-text' // text after `hetjob` or an empty word, never read
  | 'overrides-sbatch' // replaces a different #SBATCH value
  | 'overridden' // replaced by a later #PBS/#BSUB value
  | 'in-heredoc' // inside a here-document, yet translated for this job
  | 'not-read'; // a #PBS/#BSUB line sbatch never looks at

/** Something to report about a foreign line. Errors are exactly the cases where sbatch refuses the script. */
export interface ForeignProblem extends SourceSpan {
  kind: ForeignProblemKind;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** Something sbatch reads on a foreign line and drops (for the summary of the line). */
export interface IgnoredPart extends SourceSpan {
  /** As written, e.g. `-j oe`, `pmem=1gb`. */
  written: string;
}

/** One #PBS or #BSUB line that sbatch reads. */
export interface ForeignLine {
  dialect: ForeignDialect;
  /** Its first editor line. */
  line: number;
  /** Its last editor line (later than `line` only when lone carriage returns join editor lines). */
  lastLine: number;
  /** True when it comes after the script's first command (sbatch reads these lines anywhere). */
  afterCommand: boolean;
  /** True when it is inside a here-document (text the script writes out), where sbatch reads it all the same. */
  inHeredoc: boolean;
  /** Number of words sbatch took from it. */
  argCount: number;
  /** True when a word of the line is `--` (getopt stops there). */
  hasDoubleDash: boolean;
  /** Column where a trailing comment starts, if any. */
  commentStart?: number;
  /** The options whose foreign option name is on this line, in the order sbatch applies them. */
  options: TranslatedOption[];
  ignored: IgnoredPart[];
}

/** How sbatch reads the #PBS / #BSUB lines of a script. */
export interface ForeignTranslation {
  /** The dialect sbatch translates; undefined when it translates none. */
  dialect?: ForeignDialect;
  lines: ForeignLine[];
  /** Every translated option, in the order sbatch applies them (after all #SBATCH options). */
  options: TranslatedOption[];
  /** Every problem, on read and unread lines, in order of position. */
  problems: ForeignProblem[];
  /** #PBS lines sbatch does not read because the script has #BSUB lines. */
  shadowedLines: number[];
}

/** What the translation needs to know besides the script. */
export interface TranslateContext {
  /**
   * The script's #SBATCH options (all components). Some translations extend the value already set
   * (`-v` adds to --export), and a translated option that replaces a different #SBATCH value is
   * reported.
   */
  sbatchOptions?: readonly ParsedOption[];
  /** Series to judge by; `any` (the default) accepts what any series accepts. */
  version?: TargetVersion;
  maxArraySize?: number;
  maxArraySizeKnown?: boolean;
}
