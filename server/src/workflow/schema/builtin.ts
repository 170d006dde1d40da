import cwl from '../../../../schemas/cwl-v1.2.schema.json';
import maestro from '../../../../schemas/maestro-study.schema.json';
import merlin from '../../../../schemas/merlin-study.schema.json';
import nextflowMeta from '../../../../schemas/nextflow-schema-meta.schema.json';
import snakemakeProfile from '../../../../schemas/snakemake-profile.schema.json';
import type { JsonSchema } from './pointers';
import { SchemaRegistry } from './registry';

/** Our schemas (schemas/*.schema.json), bundled into the server so the analysis reads no files. */
export const BUILTIN_SCHEMAS: readonly JsonSchema[] = [cwl, maestro, merlin, nextflowMeta, snakemakeProfile];

let shared: SchemaRegistry | undefined;

/**
 * The process-wide registry with our schemas: each compiles on first use and stays compiled.
 * The server and the CLI share it across documents; tests may build their own registries.
 */
export function sharedSchemaRegistry(): SchemaRegistry {
  shared ??= new SchemaRegistry(BUILTIN_SCHEMAS);
  return shared;
}
