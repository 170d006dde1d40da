/**
 * The workflow JSON Schemas in schemas/: each compiles under strict ajv (the options written in
 * /tmp/team/workflow-contract.md), each valid fixture under test/fixtures/workflow passes, each
 * invalid fixture fails with the listed errors (instance path + ajv keyword), every fixture file is
 * listed here, and every property of every schema carries a description of its own.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import cwlSchema from '../../schemas/cwl-v1.2.schema.json';
import nextflowMetaSchema from '../../schemas/nextflow-schema-meta.schema.json';
import snakemakeProfileSchema from '../../schemas/snakemake-profile.schema.json';
import maestroSchema from '../../schemas/maestro-study.schema.json';
import merlinSchema from '../../schemas/merlin-study.schema.json';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/workflow');

/** Our annotation keywords (see schemas/README.md); ajv must know them in strict mode. */
const OUR_KEYWORDS = ['x-docs-url', 'x-snippet', 'x-unknown-keys', 'x-since', 'x-removed', 'x-slurm-option', 'x-plugin', 'x-plugin-prefixes'];

type SchemaName = 'cwl' | 'nextflow' | 'snakemake' | 'maestro' | 'merlin';

const SCHEMAS: Record<SchemaName, { id: string; json: object }> = {
  cwl: { id: 'https://hpc-workflows.dev/schemas/cwl-v1.2.schema.json', json: cwlSchema },
  nextflow: { id: 'https://hpc-workflows.dev/schemas/nextflow-schema-meta.schema.json', json: nextflowMetaSchema },
  snakemake: { id: 'https://hpc-workflows.dev/schemas/snakemake-profile.schema.json', json: snakemakeProfileSchema },
  maestro: { id: 'https://hpc-workflows.dev/schemas/maestro-study.schema.json', json: maestroSchema },
  merlin: { id: 'https://hpc-workflows.dev/schemas/merlin-study.schema.json', json: merlinSchema },
};

/** Fixtures that must validate, by schema, relative to test/fixtures/workflow/<schema>/. */
const VALID: Record<SchemaName, string[]> = {
  cwl: ['bwa-mem.cwl', 'samtools-sort.cwl', 'alignment.cwl', 'alignment-packed.cwl', 'count-lines-v1.0.cwl', 'word-count-expression.cwl', 'variant-calling-operation.cwl',
    // Schema-valid: what is wrong in them only the CWL reference checks find (workflowCwlReferences.test.ts).
    ...['missing-run-file', 'misspelt-output-source', 'misspelt-step-input', 'packed-unknown-ids', 'step-out-not-in-tool', 'unused-input-and-step'].map((f) => `semantic/invalid/${f}.cwl`)],
  nextflow: ['rnaseq-draft07/nextflow_schema.json', 'variantcall-2020/nextflow_schema.json'],
  snakemake: ['profiles/slurm/config.v8+.yaml', 'profiles/cluster-v7/config.yaml', 'profiles/cluster-generic/config.v8+.yaml'],
  maestro: ['lulesh-slurm.yaml', 'local-hello.yaml'],
  merlin: ['surrogate-ensemble.yaml', 'hello-samples-local.yaml'],
};

interface ExpectedError {
  instancePath: string;
  keyword: string;
}

/** Fixtures that must fail, each with errors that must be among ajv's (others may be reported too). */
const INVALID: Record<SchemaName, Record<string, ExpectedError[]>> = {
  cwl: {
    'invalid/misspelled-base-command.cwl': [{ instancePath: '', keyword: 'additionalProperties' }],
    'invalid/step-missing-out.cwl': [{ instancePath: '/steps/sort', keyword: 'required' }],
    'invalid/when-in-v1.1.cwl': [{ instancePath: '/steps/qc/when', keyword: 'false schema' }],
    'invalid/misspelled-requirement-field.cwl': [{ instancePath: '/requirements/0', keyword: 'additionalProperties' }],
    'invalid/unknown-requirement-class.cwl': [{ instancePath: '/requirements/0/class', keyword: 'anyOf' }],
    'invalid/input-type-number.cwl': [{ instancePath: '/inputs/threads/type', keyword: 'type' }],
    'invalid/bad-scatter-method.cwl': [{ instancePath: '/steps/count/scatterMethod', keyword: 'enum' }],
    'invalid/graph-process-without-id.cwl': [{ instancePath: '/$graph/1', keyword: 'required' }],
    'invalid/unknown-cwl-version.cwl': [{ instancePath: '/cwlVersion', keyword: 'enum' }],
    'invalid/operation-in-v1.1.cwl': [{ instancePath: '/class', keyword: 'not' }],
    'invalid/tool-time-limit-in-v1.0.cwl': [{ instancePath: '/requirements/ToolTimeLimit', keyword: 'false schema' }],
    'invalid/negative-ram.cwl': [{ instancePath: '/requirements/1/ramMin', keyword: 'minimum' }],
    'invalid/secondary-file-without-pattern.cwl': [{ instancePath: '/inputs/bam/secondaryFiles/0', keyword: 'required' }],
    'invalid/pick-value-in-v1.0.cwl': [{ instancePath: '/outputs/chosen/pickValue', keyword: 'false schema' }],
    'invalid/record-field-without-name.cwl': [{ instancePath: '/inputs/sample/type/fields/0', keyword: 'required' }],
    'invalid/inline-tool-load-contents-v1.0.cwl': [{ instancePath: '/steps/count/run/inputs/text/loadContents', keyword: 'false schema' }],
  },
  nextflow: {
    'invalid/definitions-with-2020-12.json': [{ instancePath: '/definitions', keyword: 'not' }, { instancePath: '/allOf/0/$ref', keyword: 'pattern' }],
    'invalid/group-without-title.json': [{ instancePath: '/$defs/alignment_options', keyword: 'required' }],
    'invalid/parameter-type-str.json': [{ instancePath: '/$defs/alignment_options/properties/aligner/type', keyword: 'enum' }],
    'invalid/icon-without-fa.json': [{ instancePath: '/$defs/input_output_options/fa_icon', keyword: 'pattern' }],
    'invalid/unknown-path-format.json': [{ instancePath: '/$defs/input_output_options/properties/input/format', keyword: 'enum' }],
    'invalid/default-wrong-type.json': [{ instancePath: '/$defs/alignment_options/properties/min_base_quality/default', keyword: 'type' }],
    'invalid/missing-id.json': [{ instancePath: '', keyword: 'required' }],
    'invalid/allof-points-at-definitions.json': [{ instancePath: '/allOf/1/$ref', keyword: 'pattern' }],
  },
  snakemake: {
    'invalid/jobs-not-a-number.yaml': [{ instancePath: '/jobs', keyword: 'anyOf' }],
    'invalid/underscore-option.yaml': [{ instancePath: '', keyword: 'propertyNames' }],
    'invalid/negative-memory.yaml': [{ instancePath: '/default-resources/mem_mb', keyword: 'minimum' }],
    'invalid/rule-resources-not-a-mapping.yaml': [{ instancePath: '/set-resources/bwa_mem', keyword: 'type' }],
    'invalid/unknown-rerun-trigger.yaml': [{ instancePath: '/rerun-triggers/1', keyword: 'enum' }],
    'invalid/bad-status-command.yaml': [{ instancePath: '/slurm-status-command', keyword: 'enum' }],
    'invalid/unknown-deployment-method.yaml': [{ instancePath: '/software-deployment-method', keyword: 'enum' }],
    'invalid/flag-with-word.yaml': [{ instancePath: '/keep-going', keyword: 'anyOf' }],
  },
  maestro: {
    'invalid/step-unknown-key.yaml': [{ instancePath: '/study/0/run', keyword: 'additionalProperties' }],
    'invalid/step-without-description.yaml': [{ instancePath: '/study/0', keyword: 'required' }],
    'invalid/parameter-without-label.yaml': [{ instancePath: '/global.parameters/N', keyword: 'required' }],
    'invalid/nodes-not-a-number.yaml': [{ instancePath: '/study/0/run/nodes', keyword: 'anyOf' }],
    'invalid/slurm-batch-without-bank.yaml': [{ instancePath: '/batch', keyword: 'required' }],
    'invalid/empty-study.yaml': [{ instancePath: '/study', keyword: 'minItems' }],
    'invalid/empty-variable.yaml': [{ instancePath: '/env/variables/OUTPUT_PATH', keyword: 'minLength' }],
    'invalid/unknown-scheduler.yaml': [{ instancePath: '/batch/type', keyword: 'enum' }],
  },
  merlin: {
    'invalid/worker-steps-not-a-list.yaml': [{ instancePath: '/merlin/resources/workers/sim_worker/steps', keyword: 'type' }],
    'invalid/generate-without-cmd.yaml': [{ instancePath: '/merlin/samples/generate', keyword: 'required' }],
    'invalid/no-workers.yaml': [{ instancePath: '/merlin/resources/workers', keyword: 'minProperties' }],
    'invalid/duplicate-column-labels.yaml': [{ instancePath: '/merlin/samples/column_labels', keyword: 'uniqueItems' }],
    'invalid/unknown-task-server.yaml': [{ instancePath: '/merlin/resources/task_server', keyword: 'enum' }],
    'invalid/unknown-batch-type.yaml': [{ instancePath: '/batch/type', keyword: 'enum' }],
    'invalid/zero-retries.yaml': [{ instancePath: '/study/0/run/max_retries', keyword: 'minimum' }],
    'invalid/empty-step-name.yaml': [{ instancePath: '/study/0/name', keyword: 'minLength' }],
  },
};

/** Fixture files that are inputs for a pipeline's own schema, not for one of ours (tested below). */
const PARAMS_FILES = ['nextflow/variantcall-2020/params.yaml', 'nextflow/variantcall-2020/params-invalid.yaml'];

/** The ajv instance the engine is told to use for our schemas (strict, with our keywords declared). */
function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary(OUR_KEYWORDS);
  return ajv;
}

/** Reads a YAML or JSON fixture the way the engine will (YAML 1.2, merge keys on for Merlin anchors). */
function readFixture(relative: string): unknown {
  return parse(fs.readFileSync(path.join(FIXTURES, relative), 'utf8'), { merge: true });
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.keyword}: ${e.message ?? ''}`).join('\n');
}

/** Every file under a directory, relative to it, with forward slashes. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel + '/'));
    else out.push(rel);
  }
  return out;
}

/**
 * Places in a schema where a property is declared without a description of its own (directly or,
 * for a bare `$ref`, on the definition it points to). Returns JSON-pointer-like paths.
 */
function propertiesWithoutDescription(root: Record<string, unknown>): string[] {
  const missing: string[] = [];
  const defs = (root.$defs ?? {}) as Record<string, Record<string, unknown>>;
  const described = (s: unknown): boolean => {
    if (s === true || s === false) return true; // boolean schemas: no annotation possible
    if (typeof s !== 'object' || s === null) return false;
    const o = s as Record<string, unknown>;
    if (typeof o.description === 'string' && o.description.length > 0) return true;
    if (typeof o.$ref === 'string' && o.$ref.startsWith('#/$defs/')) return described(defs[o.$ref.slice('#/$defs/'.length)]);
    return false;
  };
  const SUBSCHEMA = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames', 'contains'];
  const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
  const SUBSCHEMA_MAPS = ['$defs', 'patternProperties', 'dependentSchemas'];
  const walk = (node: unknown, where: string): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const o = node as Record<string, unknown>;
    const props = o.properties;
    if (typeof props === 'object' && props !== null && !Array.isArray(props)) {
      for (const [prop, sub] of Object.entries(props)) {
        // `if` schemas and the CWL version rules restate properties only to test or forbid them
        const restates = /\/(if|not)(\/|$)/.test(where) || /Before_v1_/.test(where);
        if (!described(sub) && !restates) missing.push(`${where}/properties/${prop}`);
        walk(sub, `${where}/properties/${prop}`);
      }
    }
    for (const k of SUBSCHEMA) walk(o[k], `${where}/${k}`);
    for (const k of SUBSCHEMA_LISTS) if (Array.isArray(o[k])) (o[k] as unknown[]).forEach((n, i) => walk(n, `${where}/${k}/${i}`));
    for (const k of SUBSCHEMA_MAPS) {
      const m = o[k];
      if (typeof m === 'object' && m !== null) for (const [name, sub] of Object.entries(m)) walk(sub, `${where}/${k}/${name}`);
    }
  };
  walk(root, '#');
  return missing;
}

describe('workflow schemas (schemas/*.schema.json)', () => {
  const ajv = strictAjv();
  const compiled = new Map<SchemaName, ValidateFunction>();

  for (const [name, { id, json }] of Object.entries(SCHEMAS) as [SchemaName, { id: string; json: object }][]) {
    it(`${name}: compiles under strict ajv with $id ${id}`, () => {
      assert.strictEqual((json as { $id?: unknown }).$id, id);
      assert.strictEqual((json as { $schema?: unknown }).$schema, 'https://json-schema.org/draft/2020-12/schema');
      compiled.set(name, ajv.compile(json));
    });

    it(`${name}: every property has its own description`, () => {
      assert.deepStrictEqual(propertiesWithoutDescription(json as Record<string, unknown>), []);
    });

    for (const file of VALID[name]) {
      it(`${name}: ${file} is valid`, () => {
        const validate = compiled.get(name) ?? ajv.getSchema(id);
        assert.ok(validate, `schema ${name} did not compile`);
        const ok = validate(readFixture(`${name}/${file}`));
        assert.ok(ok, `expected no errors, got:\n${describeErrors(validate.errors)}`);
      });
    }

    for (const [file, expected] of Object.entries(INVALID[name])) {
      it(`${name}: ${file} fails at ${expected.map((e) => `${e.instancePath || '(root)'} ${e.keyword}`).join(', ')}`, () => {
        const validate = compiled.get(name) ?? ajv.getSchema(id);
        assert.ok(validate, `schema ${name} did not compile`);
        assert.strictEqual(validate(readFixture(`${name}/${file}`)), false, 'expected the fixture to be invalid');
        const got = (validate.errors ?? []).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword }));
        for (const want of expected) {
          assert.ok(
            got.some((g) => g.instancePath === want.instancePath && g.keyword === want.keyword),
            `missing ${want.instancePath || '(root)'} ${want.keyword}; ajv said:\n${describeErrors(validate.errors)}`,
          );
        }
      });
    }
  }

  // Fixtures of the semantic checks (cwl/semantic/, study-semantic/) are valid for the schema by
  // design and are listed by those rules' own tests.
  const SEMANTIC_FIXTURES = /^(cwl\/semantic\/|study-semantic\/)/;

  it('every fixture file is listed in this table (semantic-check fixtures are listed by their rules)', () => {
    const listed = new Set<string>(PARAMS_FILES);
    for (const name of Object.keys(SCHEMAS) as SchemaName[]) {
      for (const f of VALID[name]) listed.add(`${name}/${f}`);
      for (const f of Object.keys(INVALID[name])) listed.add(`${name}/${f}`);
    }
    const unlisted = listFiles(FIXTURES).filter((f) => !listed.has(f) && !SEMANTIC_FIXTURES.test(f));
    assert.deepStrictEqual(unlisted, []);
  });

  it('the nf-core style params file fits the pipeline schema fixture; the broken one fails where expected', () => {
    // A pipeline's own schema is a user schema: not strict, with nf-schema's path formats accepted.
    const pathFormats = { 'file-path': true, 'directory-path': true, path: true, 'file-path-pattern': true } as const;
    const userAjv = new Ajv2020({ allErrors: true, strict: false, formats: pathFormats });
    const pipeline = userAjv.compile(readFixture('nextflow/variantcall-2020/nextflow_schema.json') as object);
    assert.ok(pipeline(readFixture(PARAMS_FILES[0])), describeErrors(pipeline.errors));
    assert.strictEqual(pipeline(readFixture(PARAMS_FILES[1])), false);
    const got = (pipeline.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort();
    assert.deepStrictEqual(got, ['/aligner enum', '/min_base_quality type']);
  });

  it('the Snakemake profile schema knows every SLURM resource the executor plugin reads', () => {
    const resources = (snakemakeProfileSchema as unknown as { $defs: { resources: { properties: Record<string, unknown> } } }).$defs.resources.properties;
    for (const r of ['slurm_partition', 'slurm_account', 'runtime', 'mem_mb', 'mem_mb_per_cpu', 'cpus_per_task', 'tasks', 'nodes', 'slurm_extra', 'constraint', 'gres', 'gpu', 'gpu_model', 'qos']) {
      assert.ok(r in resources, `missing resource ${r}`);
    }
  });
});
