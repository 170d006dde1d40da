import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './pointers';
import { SchemaIndex } from './pointers';

/** A schema ready to validate with, and where it came from. */
export interface LoadedSchema {
  /** The `$id` it is registered under (ours for workspace files: their text's hash). */
  id: string;
  root: JsonSchema;
  validate: ValidateFunction;
  registry: SchemaRegistry;
  /** Where it came from, for messages: a built-in name or a file path. */
  origin: string;
}

export type SchemaResult = { schema: LoadedSchema } | { problem: string };

type Dialect = '07' | '2019' | '2020';

/**
 * Formats of nf-schema (the Nextflow plugin) that name paths: they cannot be checked without the
 * file system, so any string passes (a semantic rule may check them with the file reader).
 */
const PATH_FORMATS = ['file-path', 'directory-path', 'path', 'file-path-pattern'];

function dialectOf(schema: JsonSchema): { dialect: Dialect; unsupported?: string } {
  const s = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (s.includes('2020-12')) return { dialect: '2020' };
  if (s.includes('2019-09')) return { dialect: '2019' };
  if (s === '' || s.includes('draft-07')) return { dialect: '07' };
  return { dialect: '07', unsupported: s };
}

/** A stable 64-bit hash of a text (two 32-bit FNV-1a variants), for caching by content. */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Compiles JSON Schemas once and keeps them: the built-in ones (schemas/*.schema.json, by `$id`)
 * and workspace schema files (by path and text hash; a changed file replaces its old version).
 * One ajv instance per dialect (draft-07, 2019-09, 2020-12), all with `allErrors`, `verbose` (the
 * error mapper needs the failing subschema), formats from ajv-formats, and unknown keywords
 * (`x-docs-url`, nf-schema's `fa_icon`, ...) allowed. Pure: schemas come in as values.
 */
export class SchemaRegistry {
  private readonly instances = new Map<Dialect, Ajv>();
  private readonly builtins = new Map<string, JsonSchema>();
  private readonly loaded = new Map<string, SchemaResult>();
  /** The hash each workspace schema path was last loaded with. */
  private readonly fileVersions = new Map<string, string>();
  readonly index = new SchemaIndex();

  constructor(builtins: readonly JsonSchema[] = []) {
    for (const s of builtins) if (typeof s.$id === 'string') this.builtins.set(s.$id, s);
  }

  /** The `$id`s of the built-in schemas. */
  builtinIds(): string[] {
    return [...this.builtins.keys()];
  }

  private ajv(dialect: Dialect): Ajv {
    let ajv = this.instances.get(dialect);
    if (ajv) return ajv;
    // NOTE: unoptimised code and no inlined $refs halve the compile time of our big schemas (CWL:
    // ~350 -> ~160 ms) and validate about as fast.
    const options = { allErrors: true, verbose: true, strict: false, logger: false as const, allowUnionTypes: true, messages: false, validateSchema: true, inlineRefs: false, code: { optimize: false } };
    ajv = dialect === '2020' ? new Ajv2020(options) : dialect === '2019' ? new Ajv2019(options) : new Ajv(options);
    addFormats(ajv);
    for (const f of PATH_FORMATS) ajv.addFormat(f, true);
    this.instances.set(dialect, ajv);
    return ajv;
  }

  private register(id: string, root: JsonSchema, origin: string, checkAgainstMeta: boolean): SchemaResult {
    const { dialect, unsupported } = dialectOf(root);
    const ajv = this.ajv(dialect);
    // NOTE: draft-04/06 meta-schemas are not bundled: such schemas are read as draft-07 (almost
    // always the same) instead of failing to compile.
    const schema = unsupported ? { ...root, $schema: undefined } : root;
    try {
      // Our own schemas are checked against their meta-schema by their tests, not at every start.
      ajv.addSchema(schema, id, undefined, checkAgainstMeta);
      const validate = ajv.getSchema(id);
      if (!validate) return { problem: `${origin}: the schema could not be compiled` };
      this.index.add(id, schema);
      return { schema: { id, root: schema, validate, registry: this, origin } };
    } catch (err) {
      try {
        ajv.removeSchema(id);
      } catch {
        // nothing was registered
      }
      return { problem: `${origin}: the schema does not compile: ${errorText(err)}` };
    }
  }

  /** A built-in schema by `$id`, compiled on first use; a problem when unknown or broken (a bug). */
  builtin(id: string): SchemaResult {
    const hit = this.loaded.get(id);
    if (hit) return hit;
    const root = this.builtins.get(id);
    const result: SchemaResult = root ? this.register(id, root, id.replace(/^.*\//, ''), false) : { problem: `no built-in schema ${id}` };
    this.loaded.set(id, result);
    return result;
  }

  /**
   * A schema from a workspace file's already parsed content, compiled once per (path, text hash).
   * When the file changed since it was last loaded, the old version is dropped from ajv.
   */
  fromFile(path: string, text: string, parsed: unknown): SchemaResult {
    const hash = textHash(text);
    const id = `https://hpc-workflows.dev/workspace/${hash}.schema.json`;
    const hit = this.loaded.get(id);
    if (hit) return hit;
    const previous = this.fileVersions.get(path);
    if (previous && previous !== hash) this.forget(`https://hpc-workflows.dev/workspace/${previous}.schema.json`);
    this.fileVersions.set(path, hash);
    let result: SchemaResult;
    if (typeof parsed === 'boolean') parsed = parsed ? {} : { not: {} };
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) result = { problem: `${path}: a schema must be a JSON object` };
    else result = this.register(id, { ...(parsed as JsonSchema), $id: id }, path, true);
    this.loaded.set(id, result);
    return result;
  }

  private forget(id: string): void {
    const old = this.loaded.get(id);
    this.loaded.delete(id);
    if (old && 'schema' in old) {
      for (const ajv of this.instances.values()) {
        try {
          ajv.removeSchema(id);
        } catch {
          // not in this instance
        }
      }
    }
  }

  /**
   * The validator of one branch (`anyOf`/`oneOf` member `i`) of a subschema of a loaded schema,
   * compiled once by ajv; undefined when the subschema is not one of ours (never expected).
   */
  branchValidator(parent: JsonSchema, keyword: string, i: number): ValidateFunction | undefined {
    const ref = this.index.pointerTo(parent, [keyword, String(i)]);
    if (!ref) return undefined;
    for (const ajv of this.instances.values()) {
      try {
        const v = ajv.getSchema(ref);
        if (v) return v;
      } catch {
        // not registered in this instance
      }
    }
    return undefined;
  }
}
