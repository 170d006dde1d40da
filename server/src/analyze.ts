import type { ShellDocumentKind } from './core/jobScriptDetection';
import type { Finding } from './core/types';
import { JOB_SCRIPT_RULES } from './rules';
import { runRules } from './rules/runRules';
import { readSuppressions } from './rules/suppression';
import { DEFAULT_SETTINGS, type AnalysisSettings, type RuleContext } from './rules/types';
import { optionCatalog } from './slurm/catalog';
import { parseJobScript, type JobScript } from './slurm/jobScript';
import type { ShellModel, ShellParser } from './shell/model';

export interface JobScriptAnalysis {
  script: JobScript;
  /** How the document was read: a job script, or a submit script (only submit rules ran). */
  kind: ShellDocumentKind;
  /** Findings sorted by position, after suppression comments and severity settings. */
  findings: Finding[];
  /** The shell body as read by tree-sitter-bash, when a shell parser was given. */
  shell?: ShellModel;
}

/** Fills in defaults for whatever the caller left out. */
export function resolveSettings(settings: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return {
    version: settings.version ?? DEFAULT_SETTINGS.version,
    maxArraySize: settings.maxArraySize && settings.maxArraySize > 0 ? settings.maxArraySize : DEFAULT_SETTINGS.maxArraySize,
    maxArraySizeKnown: settings.maxArraySizeKnown ?? (settings.maxArraySize !== undefined && settings.maxArraySize > 0),
    siteOptions: settings.siteOptions ?? DEFAULT_SETTINGS.siteOptions,
    gresTypes: settings.gresTypes,
    severity: settings.severity ?? DEFAULT_SETTINGS.severity,
    now: settings.now,
  };
}

/**
 * Reads a job script as sbatch does and runs every rule over it. Called by the language server
 * on each document version and by the CLI for each file. Pure: text in, findings out; a rule that
 * throws (a bug) is reported as a finding instead of breaking the analysis. With `shell` (the
 * front ends load it once, see shell/loader.ts) the shell body is parsed at most once, when a rule
 * (or the caller, through `analysis.shell`) first reads `ctx.shell`; without it that is undefined.
 */
export function analyzeJobScript(text: string, partial: Partial<AnalysisSettings> = {}, shell?: ShellParser, kind: ShellDocumentKind = 'job-script'): JobScriptAnalysis {
  const settings = resolveSettings(partial);
  const script = parseJobScript(text, optionCatalog(settings.version, settings.siteOptions));
  // NOTE: the shell body is parsed only when a rule first asks for it (then once), so scripts
  // whose rules need no shell model never pay for tree-sitter.
  let shellModel: ShellModel | undefined;
  let shellRead = false;
  const readShell = (): ShellModel | undefined => {
    if (!shellRead && shell) shellModel = shell.parse(text);
    shellRead = true;
    return shellModel;
  };
  const context: RuleContext = {
    script,
    kind,
    settings,
    get shell() {
      return readShell();
    },
  };
  const findings = runRules(JOB_SCRIPT_RULES, context, settings.severity, readSuppressions(script.lines.lines), (rule) => kind === 'job-script' || rule.meta.submitScripts === true);
  return {
    script,
    kind,
    findings,
    get shell() {
      return readShell();
    },
  };
}
