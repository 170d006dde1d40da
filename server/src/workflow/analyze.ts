import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { resolveSettings } from '../analyze';
import type { Finding } from '../core/types';
import { runRules } from '../rules/runRules';
import { readSuppressions } from '../rules/suppression';
import { detectFormat } from './detect';
import { readYamlIncrementally } from './read/incremental';
import { readYaml, type ReadOptions, type YamlReading } from './read/reading';
import type { LoadedSchema, SchemaRegistry } from './schema/registry';
import { WORKFLOW_RULES } from './rules';
import type { WorkflowContext, WorkflowFileReader, WorkflowFormat, WorkflowInput } from './types';

/** Everything known about one workflow document: what it is, how it reads, and what is wrong with it. */
export interface WorkflowAnalysis {
  format: WorkflowFormat;
  reading: YamlReading;
  /** Findings sorted by position, after suppression comments and severity settings. */
  findings: Finding[];
  schema?: LoadedSchema;
  schemaProblem?: string;
}

const NO_FILES: WorkflowFileReader = () => undefined;

/**
 * The compiled schema of a format: ours (compiled once per process), or a workspace file read
 * through `files` and compiled once per text. A built-in schema that is not bundled leaves the
 * file without a schema check and says nothing; anything else that fails is a `problem`.
 */
export function loadSchema(format: WorkflowFormat, registry: SchemaRegistry, files: WorkflowFileReader): { schema?: LoadedSchema; problem?: string } {
  const source = format.schema;
  if (!source) return {};
  if (source.kind === 'builtin') {
    if (!registry.builtinIds().includes(source.id)) return {};
    const r = registry.builtin(source.id);
    return 'schema' in r ? { schema: r.schema } : { problem: r.problem };
  }
  const text = files(source.path);
  if (text === undefined) return { problem: `${source.why} (${source.path}) cannot be read` };
  let parsed: unknown;
  try {
    parsed = path.extname(source.path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: false });
  } catch (err) {
    return { problem: `${source.why} (${source.path}) is not valid ${path.extname(source.path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
  const r = registry.fromFile(source.path, text, parsed);
  return 'schema' in r ? { schema: r.schema } : { problem: r.problem };
}

/**
 * Reads a workflow file with exact positions, finds its format (unless given) and schema, and
 * runs every workflow rule. Returns undefined when the file is not a workflow file the engine
 * knows. Called by the server once per document version and by the CLI once per file. Pure: other
 * files are read only through `input.files`; a rule that throws becomes an `info` finding. With the
 * `previous` reading of the same document (the server passes it on each change), only the changed
 * entry is re-read when that is safe; the previous reading must not be used afterwards.
 */
export function analyzeWorkflow(input: WorkflowInput, registry: SchemaRegistry, known?: WorkflowFormat, previous?: YamlReading): WorkflowAnalysis | undefined {
  const files = input.files ?? NO_FILES;
  const format = known ?? detectFormat(input);
  if (!format) return undefined;
  const settings = resolveSettings(input.settings);
  const options: ReadOptions = { yamlVersion: format.yamlVersion, json: format.json, duplicateKeySeverity: format.duplicateKeySeverity, refusedBy: format.refusedBy };
  let reading: YamlReading | undefined;
  const same = previous?.options;
  if (previous && previous.text === input.text && same && same.yamlVersion === options.yamlVersion && same.json === options.json && same.duplicateKeySeverity === options.duplicateKeySeverity && same.refusedBy === options.refusedBy) {
    // The same text read the same way (settings or a schema changed): the reading stands.
    reading = previous;
  } else {
    try {
      reading = previous ? readYamlIncrementally(previous, input.text, options) : undefined;
    } catch {
      reading = undefined;
    }
  }
  reading ??= readYaml(input.text, options);
  const { schema, problem } = loadSchema(format, registry, files);
  const ctx: WorkflowContext = { path: input.path, text: input.text, format, reading, files, settings, schema, schemaProblem: problem };
  const findings = runRules(WORKFLOW_RULES, ctx, settings.severity, readSuppressions(reading.lines.lines));
  return { format, reading, findings, schema, schemaProblem: problem };
}
