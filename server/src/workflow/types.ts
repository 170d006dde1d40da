import type { Finding, Severity } from '../core/types';
import type { AnalysisSettings, RuleMeta } from '../rules/types';
import type { YamlReading } from './read/reading';

/**
 * The kinds of workflow file the engine knows. `yaml`/`json` are plain files named explicitly
 * (the CLI): only the reading checks run on them.
 */
export type WorkflowFormatId =
  | 'cwl'
  | 'nextflow-schema'
  | 'nextflow-params'
  | 'snakemake-profile'
  | 'snakemake-config'
  | 'maestro'
  | 'merlin'
  | 'user-schema'
  | 'yaml'
  | 'json';

/**
 * Where the schema of a document comes from: one of ours (schemas/*.schema.json, by `$id`), or a
 * file in the workspace (a pipeline's nextflow_schema.json, a Snakemake config schema, a user
 * schema from the settings or a `# yaml-language-server: $schema=` modeline), read through the
 * injected file reader.
 */
export type SchemaSource =
  | { kind: 'builtin'; id: string }
  | { kind: 'file'; path: string; why: string };

/** What the engine decided a document is, and how strictly each check speaks about it. */
export interface WorkflowFormat {
  id: WorkflowFormatId;
  /** For people: "CWL v1.2", "Snakemake profile", ... */
  label: string;
  /** The engine's version written in the file (CWL's `cwlVersion`), when there is one. */
  version?: string;
  /**
   * The YAML version the engine's own loader reads: 1.1 for PyYAML and SnakeYAML (`yes` is true,
   * `<<` merges), 1.2 for ruamel (CWL) and for JSON.
   */
  yamlVersion: '1.1' | '1.2';
  /** True for JSON files (read as YAML 1.2 flow, which JSON is). */
  json: boolean;
  /** Severity of a duplicate key: error where the engine's loader refuses the file (CWL). */
  duplicateKeySeverity: Severity;
  /** Who refuses a file with a repeated key, when `duplicateKeySeverity` is error. */
  refusedBy?: string;
  /** Severity of a schema violation for this format. */
  schemaSeverity: Severity;
  schema?: SchemaSource;
}

/**
 * Reads another file for the analysis, by absolute path (or a path relative to the analysed
 * document's folder). Returns its text, or undefined when it does not exist or cannot be read.
 * Supplied by the front end, so the engine stays pure.
 */
export type WorkflowFileReader = (path: string) => string | undefined;

/** `hpcWorkflows.workflow.*` settings. */
export interface WorkflowSettings {
  /** User schemas: a schema file (relative to the workspace folder, or absolute) and the globs of files it applies to. */
  schemas: { schema: string; globs: string[] }[];
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = { schemas: [] };

/** Everything an analysis of one workflow document needs. */
export interface WorkflowInput {
  /** Absolute path of the document (or its URI path); decides the format with the text. */
  path: string;
  text: string;
  /** The workspace folder the document belongs to, for settings globs and relative schema paths. */
  workspaceFolder?: string;
  settings?: Partial<AnalysisSettings>;
  workflow?: WorkflowSettings;
  /** Reads other files (schemas, the Snakefile); without it only built-in schemas are used. */
  files?: WorkflowFileReader;
  /** The user's home folder, to recognise `~/.config/snakemake/<profile>/config.yaml`. */
  home?: string;
}

/** What a workflow rule sees: the read document, its format, and the injected file reader. */
export interface WorkflowContext {
  path: string;
  text: string;
  format: WorkflowFormat;
  reading: YamlReading;
  files: WorkflowFileReader;
  settings: AnalysisSettings;
  /** The compiled schema of the document, when it has one and it compiled. */
  schema?: import('./schema/registry').LoadedSchema;
  /** Why the schema could not be used (not found, not valid JSON/YAML, does not compile). */
  schemaProblem?: string;
}

/** A rule over workflow files: its meta (as job-script rules have) and a pure check. */
export interface WorkflowRule {
  meta: RuleMeta;
  check(ctx: WorkflowContext): Finding[];
}
