import type { SlurmVersion } from '../versions';
import type { ValueKind } from '../values/kinds';

/** How getopt_long treats an option's argument (sbatch's option table, `has_arg`). */
export type ArgKind = 'none' | 'required' | 'optional';

export type OptionCategory =
  | 'resources' // CPUs, memory, GPUs, nodes, tasks
  | 'time' // limits, begin, deadline, signals
  | 'io' // stdin/stdout/stderr, working directory
  | 'scheduling' // partition, qos, dependency, arrays, priority
  | 'placement' // distribution, binding, topology, constraints
  | 'notification' // mail
  | 'environment' // export, get-user-env, propagate
  | 'accounting' // account, wckey, comment, profile
  | 'container'
  | 'behaviour'; // flags about how sbatch itself behaves (parsable, wait, test-only, ...)

/**
 * One `sbatch` long option. This table is the single source every feature reads:
 * the reader (getopt matching), validation, hover, completion, snippets' checks and docs.
 */
export interface OptionSpec {
  /** Long name without the leading dashes, e.g. `time`. */
  name: string;
  /** Short letter, e.g. `t`, when sbatch has one. */
  short?: string;
  /** Argument kind in the newest series; see `argChanges` for older ones. */
  arg: ArgKind;
  /**
   * Full history when the kind changed between series, oldest first: from `since` on (until the
   * next entry) the option took `arg`. The last entry's `arg` equals the newest `arg` above.
   * Example (get-user-env): [{ since: '22.05', arg: 'optional' }, { since: '25.05', arg: 'none' }].
   */
  argChanges?: { since: SlurmVersion; arg: ArgKind }[];
  /** Grammar of the value; `flag` for options that take none. */
  value: ValueKind;
  /** Placeholder for the value in completion and docs, e.g. `[days-]hours:minutes:seconds`. */
  valueHint?: string;
  /** Values offered by completion (for enums and keyword lists). */
  enumValues?: string[];
  /** Input environment variables sbatch reads for this option. */
  env?: string[];
  /** First series that has it (omitted: 22.05 or earlier). */
  since?: SlurmVersion;
  /** Last series that has it (omitted: still present in master). */
  until?: SlurmVersion;
  /** Series between `since` and `until` that lack it (e.g. `export-file` is absent from 23.11). */
  missingIn?: SlurmVersion[];
  /**
   * True for options sbatch acts on only in its early pass over the command line (help, usage,
   * version, verbose, quiet, wrap): in an #SBATCH line getopt still reads them (and their value),
   * but sbatch then skips them without a word.
   */
  commandLineOnly?: boolean;
  /** False for options in sbatch's getopt table that the man page does not document. */
  documented: boolean;
  category: OptionCategory;
  /** One line in our own words. */
  summary: string;
  /** A paragraph or two in our own words: what it does, defaults, interactions, pitfalls. */
  description: string;
  /** A directive showing typical use, e.g. `#SBATCH --time=1-12:00:00`. */
  example: string;
  /** Notes on how a site can change the meaning (partitions, GRES names, limits). */
  siteDependent?: string;
}
