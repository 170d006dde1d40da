import type { TargetVersion } from '../versions';

/**
 * What a value grammar found wrong (or worth saying) about a value.
 * `start`/`end` are offsets inside the value text; omitted means the whole value.
 */
export interface ValueProblem {
  /**
   * `error`: sbatch (on the client, or the controller at submission) refuses the script;
   * `warning`: accepted, but not as written, or depends on the site's configuration;
   * `info`: advice.
   */
  severity: 'error' | 'warning' | 'info';
  message: string;
  start?: number;
  end?: number;
  /** True when the verdict depends on the site's configuration (limits, names). */
  siteDependent?: boolean;
}

/** What a grammar may need to know besides the value. */
export interface ValueContext {
  /** Long option name the value belongs to, without dashes (e.g. `time`). */
  option: string;
  /** Which Slurm release series to judge by (`any`: accept what any series accepts). */
  version: TargetVersion;
  /** The site's MaxArraySize (default 1001). */
  maxArraySize: number;
  /**
   * True when `maxArraySize` is the site's real value (configured or read from the
   * cluster), not the default: indices over it are then certain refusals (errors).
   */
  maxArraySizeKnown?: boolean;
  /**
   * The site's GresTypes, when known (from settings or the live cluster). sbatch
   * refuses GRES names not listed there; without it only common names pass quietly.
   */
  gresTypes?: readonly string[];
}

/** The grammar of one kind of option value. Pure functions; never throw. */
export interface ValueGrammar {
  /** Problems with the value; empty when sbatch takes it as written. */
  validate(value: string, ctx: ValueContext): ValueProblem[];
  /**
   * The value read back in words for hover, e.g. `1-12:00:00` -> "1 day 12 hours".
   * Undefined when there is nothing useful to say or the value is invalid.
   */
  describe?(value: string, ctx: ValueContext): string | undefined;
  /** Values (or value prefixes) completion offers, in the order to offer them. */
  completions?(ctx: ValueContext): string[];
}
