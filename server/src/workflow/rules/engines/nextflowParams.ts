import type { Finding } from '../../../core/types';
import { nodeRange } from '../../read/reading';
import { closestName, replaceScalarFix } from '../../schema/fixes';
import type { WorkflowContext, WorkflowRule } from '../../types';
import { topLevelEntries } from './yamlEntries';

const CODE = 'workflow/nextflow-unknown-param';

/**
 * Options of `nextflow` and `nextflow run` (nf-schema's list of core options): given as a
 * parameter, nf-schema stops the run and says to write them with one dash on the command line.
 */
const CORE_OPTIONS = new Set([
  'ansi', 'ansi-log', 'bg', 'bucket-dir', 'c', 'C', 'cache', 'config', 'd', 'D', 'dockerize', 'dsl2', 'dump-channels',
  'dump-hashes', 'E', 'entry', 'h', 'latest', 'lib', 'log', 'main-script', 'N', 'name', 'offline', 'params-file', 'pi',
  'plugins', 'poll-interval', 'pool-size', 'profile', 'ps', 'q', 'qs', 'queue-size', 'quiet', 'r', 'resume', 'revision',
  'stdin', 'stub', 'stub-run', 'syslog', 'test', 'v', 'w', 'with-charliecloud', 'with-conda', 'with-dag', 'with-docker',
  'with-mpi', 'with-notification', 'with-podman', 'with-report', 'with-singularity', 'with-timeline', 'with-tower',
  'with-trace', 'with-weblog', 'without-docker', 'without-podman', 'work-dir',
]);

/** Parameters nf-schema never reports as unknown (its `validation.ignoreParams` default). */
const IGNORED = new Set(['nf_test_output']);

type SchemaObject = Record<string, unknown>;

function asObject(v: unknown): SchemaObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as SchemaObject) : undefined;
}

/**
 * Every parameter a pipeline's nextflow_schema.json defines, with the title of the group that
 * holds it: the root's `properties` and those of each group in `$defs` (nf-schema 2) or
 * `definitions` (draft-07 schemas).
 */
export function pipelineParameters(root: unknown): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const schema = asObject(root);
  if (!schema) return out;
  for (const name of Object.keys(asObject(schema.properties) ?? {})) out.set(name, undefined);
  for (const groups of [schema.$defs, schema.definitions]) {
    for (const [id, group] of Object.entries(asObject(groups) ?? {})) {
      const g = asObject(group);
      const title = typeof g?.title === 'string' ? g.title : id;
      for (const name of Object.keys(asObject(g?.properties) ?? {})) if (!out.has(name)) out.set(name, title);
    }
  }
  return out;
}

function check(ctx: WorkflowContext): Finding[] {
  if (ctx.format.id !== 'nextflow-params' || !ctx.schema) return [];
  const params = pipelineParameters(ctx.schema.root);
  // A schema without parameters leaves nothing to compare with; one that refuses unknown keys
  // itself has them reported by workflow/schema.
  const root = asObject(ctx.schema.root);
  if (params.size === 0 || root?.additionalProperties === false || root?.unevaluatedProperties === false) return [];
  const names = [...params.keys()];
  const out: Finding[] = [];
  for (const entry of topLevelEntries(ctx.reading)) {
    if (params.has(entry.key) || IGNORED.has(entry.key)) continue;
    const range = nodeRange(ctx.reading, entry.keyNode);
    if (CORE_OPTIONS.has(entry.key)) {
      out.push({ code: CODE, severity: 'warning', range, message: `\`${entry.key}\` is an option of Nextflow itself, not a pipeline parameter: give it on the command line as \`-${entry.key}\` (one dash). nf-schema stops the run when it finds it among the parameters.`, fixes: [] });
      continue;
    }
    const meant = closestName(entry.key, names);
    const group = meant ? params.get(meant) : undefined;
    const fix = meant ? replaceScalarFix(ctx.reading, entry.keyNode, meant, `Change to \`${meant}\``) : undefined;
    out.push({
      code: CODE,
      severity: 'warning',
      range,
      message: `The pipeline's schema defines no parameter \`${entry.key}\`${meant ? `: did you mean \`${meant}\`${group ? ` (${group})` : ''}?` : '.'} The pipeline ignores it; nf-schema only lists it as an unrecognised parameter when the run starts.`,
      fixes: fix ? [fix] : [],
    });
  }
  return out;
}

/**
 * `workflow/nextflow-unknown-param`: a key of a Nextflow params file that the pipeline's own
 * nextflow_schema.json does not define (with the nearest parameter and its group as a fix), or a
 * Nextflow option written as a parameter (`resume`, `profile`, ...).
 */
export const nextflowUnknownParam: WorkflowRule = {
  meta: { id: CODE, description: "A params-file key the pipeline's nextflow_schema.json does not define (ignored by the pipeline), or a Nextflow option such as `resume` given as a parameter", defaultSeverity: 'warning', fixable: true, tip: 12 },
  check,
};
