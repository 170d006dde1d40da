import type { Severity } from '../core/types';
import type { WorkflowFormat, WorkflowFormatId } from './types';

/** The `$id` of one of our schemas in schemas/ (`schemas/<name>.schema.json`). */
export function builtinSchemaId(name: string): string {
  return `https://hpc-workflows.dev/schemas/${name}.schema.json`;
}

interface FormatSpec {
  label: string;
  yamlVersion: '1.1' | '1.2';
  duplicateKeySeverity: Severity;
  schemaSeverity: Severity;
  /** Who refuses a repeated key, for the message when duplicates are errors. */
  refusedBy?: string;
  /** Our schema for the format, by name in schemas/. */
  builtin?: string;
}

/**
 * How each format is read and judged.
 * - YAML version: what the engine's loader follows. CWL runners read with ruamel.yaml (YAML 1.2);
 *   Snakemake, Maestro and Merlin with PyYAML, Nextflow params with SnakeYAML (both YAML 1.1,
 *   where `yes` is true and `<<` merges mappings).
 * - Duplicate keys: ruamel.yaml refuses them (cwltool then refuses the file): error for CWL; the
 *   other loaders silently keep the last one: warning.
 * - Schema findings: error where the engine validates against that very schema and refuses the
 *   run (a pipeline's own nextflow_schema.json, a Snakemake workflow's config schema, CWL's
 *   field rules, a user's schema); warning where the schema is ours and the engine's own check
 *   may accept more (Snakemake profiles, Maestro and Merlin specs).
 */
const FORMATS: Record<WorkflowFormatId, FormatSpec> = {
  cwl: { label: 'CWL', yamlVersion: '1.2', duplicateKeySeverity: 'error', schemaSeverity: 'error', refusedBy: 'CWL runners (cwltool reads with ruamel.yaml, which refuses repeated keys)', builtin: 'cwl-v1.2' },
  'nextflow-schema': { label: 'Nextflow pipeline schema', yamlVersion: '1.2', duplicateKeySeverity: 'warning', schemaSeverity: 'error', builtin: 'nextflow-schema-meta' },
  'nextflow-params': { label: 'Nextflow params file', yamlVersion: '1.1', duplicateKeySeverity: 'warning', schemaSeverity: 'error' },
  'snakemake-profile': { label: 'Snakemake profile', yamlVersion: '1.1', duplicateKeySeverity: 'warning', schemaSeverity: 'warning', builtin: 'snakemake-profile' },
  'snakemake-config': { label: 'Snakemake workflow config', yamlVersion: '1.1', duplicateKeySeverity: 'warning', schemaSeverity: 'error' },
  maestro: { label: 'Maestro study', yamlVersion: '1.1', duplicateKeySeverity: 'warning', schemaSeverity: 'warning', builtin: 'maestro-study' },
  merlin: { label: 'Merlin study', yamlVersion: '1.1', duplicateKeySeverity: 'warning', schemaSeverity: 'warning', builtin: 'merlin-study' },
  'user-schema': { label: 'YAML with a schema', yamlVersion: '1.2', duplicateKeySeverity: 'warning', schemaSeverity: 'error' },
  yaml: { label: 'YAML', yamlVersion: '1.2', duplicateKeySeverity: 'warning', schemaSeverity: 'error' },
  json: { label: 'JSON', yamlVersion: '1.2', duplicateKeySeverity: 'warning', schemaSeverity: 'error' },
};

/** The format record for an id, with our built-in schema when the format has one. */
export function formatOf(id: WorkflowFormatId, json: boolean, extra: Partial<WorkflowFormat> = {}): WorkflowFormat {
  const spec = FORMATS[id];
  return {
    id,
    label: spec.label,
    yamlVersion: json ? '1.2' : spec.yamlVersion,
    json,
    duplicateKeySeverity: spec.duplicateKeySeverity,
    schemaSeverity: spec.schemaSeverity,
    refusedBy: spec.refusedBy,
    schema: spec.builtin ? { kind: 'builtin', id: builtinSchemaId(spec.builtin) } : undefined,
    ...extra,
  };
}
