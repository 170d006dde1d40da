import type { Finding, Fix, Severity } from '../core/types';
import type { SiteOption } from '../slurm/catalog';
import type { ShellModel } from '../shell/model';
import type { JobScript } from '../slurm/jobScript';
import type { TargetVersion } from '../slurm/versions';
import type { ShellDocumentKind } from '../core/jobScriptDetection';

/** The twelve tips of "Twelve quick tips for designing AI-driven HPC workflows" a rule may serve. */
export type Tip = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export interface RuleMeta {
  /** Stable id, e.g. `slurm/unknown-option`; also the docs page `docs/rules/<id>.md`. */
  id: string;
  /** One line: what the rule finds. */
  description: string;
  /** The severity its findings usually have (a rule may give some findings another, see its docs). */
  defaultSeverity: Severity;
  /** True when at least some findings carry a fix. */
  fixable: boolean;
  tip?: Tip;
  /**
   * True when the rule also runs on submit scripts: plain shell scripts that call `sbatch` without
   * being job scripts themselves (see `shellDocumentKind`). Such rules must not rely on directives.
   */
  submitScripts?: boolean;
}

/** What the user configured; every field has a default in DEFAULT_SETTINGS. */
export interface AnalysisSettings {
  /** Slurm series to judge by; `any` accepts what any series accepts. */
  version: TargetVersion;
  /** The site's MaxArraySize (Slurm's default is 1001). */
  maxArraySize: number;
  /**
   * True when the user told us the site's MaxArraySize; then an index beyond it is an error (the
   * controller refuses it), otherwise a site-dependent warning against Slurm's default.
   */
  maxArraySizeKnown: boolean;
  /** The site's GresTypes (slurm.conf), when known: GRES names outside it are then errors. */
  gresTypes?: string[];
  /** Options that plugins of this site add to sbatch. */
  siteOptions: SiteOption[];
  /** Per-rule severity, or `off`. */
  severity: Record<string, Severity | 'off'>;
  /** The current time (ms since the epoch) for checks such as "deadline already passed"; default: now. */
  now?: number;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  version: 'any',
  maxArraySize: 1001,
  maxArraySizeKnown: false,
  siteOptions: [],
  severity: {},
};

export interface RuleContext {
  script: JobScript;
  /** `job-script` (every rule runs) or `submit-script` (only rules with `meta.submitScripts`). */
  kind: ShellDocumentKind;
  settings: AnalysisSettings;
  /**
   * The shell body (loops, commands, assignments, here-docs), parsed once per document version.
   * Undefined when no shell parser is available (not loaded yet, or its wasm failed to load):
   * rules that need it then find nothing rather than guess.
   */
  shell?: ShellModel;
}

/**
 * Reads another file for a fix, by a path as the script writes it (relative to the analysed
 * document's folder, or absolute). Returns its text, or undefined when there is no such file or it
 * cannot be read. Supplied by the front end (the server reads from disk), so the analysis stays pure.
 */
export type FileReader = (path: string) => string | undefined;

/** A rule: its meta and a pure check over the read script. */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): Finding[];
  /**
   * Fixes that need the text of other files (e.g. the job script a submit loop submits). Computed
   * only when the user asks for the fixes of one of this rule's findings, never while linting.
   */
  fixesWithFiles?(ctx: RuleContext, finding: Finding, read: FileReader): Fix[];
}
