import * as assert from 'assert';
import { applyEdits } from '../../server/src/core/fixAll';
import type { Finding } from '../../server/src/core/types';
import { splitLines } from '../../server/src/slurm/lines';
import { analyzeWorkflow } from '../../server/src/workflow/analyze';
import { formatOf } from '../../server/src/workflow/formats';
import type { JsonSchema } from '../../server/src/workflow/schema/pointers';
import { SchemaRegistry } from '../../server/src/workflow/schema/registry';

const ID = 'https://hpc-workflows.dev/test/engine.schema.json';

/** A small CWL-like schema using the keywords the mapper must place and word. */
const SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: ID,
  type: 'object',
  title: 'Workflow',
  properties: {
    cwlVersion: { enum: ['v1.0', 'v1.1', 'v1.2'], description: 'The CWL version.' },
    class: { const: 'Workflow' },
    label: { type: 'string', minLength: 1, maxLength: 20 },
    doc: { type: 'string', pattern: '^[A-Z]' },
    homepage: { type: 'string', format: 'uri' },
    threads: { type: 'integer', minimum: 1, maximum: 64 },
    ratio: { type: 'number', exclusiveMinimum: 0, multipleOf: 0.5 },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, minItems: 1 },
    steps: { type: 'object', additionalProperties: { $ref: '#/$defs/Step' }, minProperties: 1 },
    requirements: { type: 'array', items: { anyOf: [{ $ref: '#/$defs/Docker' }, { $ref: '#/$defs/Resource' }] } },
    source: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    either: { oneOf: [{ type: 'integer' }, { type: 'number' }] },
    retired: false,
    env: { type: 'object', propertyNames: { pattern: '^[A-Z_][A-Z0-9_]*$' } },
    mail: { type: 'object', properties: { user: { type: 'string' }, type: { type: 'string' } }, dependentRequired: { type: ['user'] } },
    mode: { type: 'string', if: { const: 'fast' }, then: { maxLength: 2 } },
    extra: { type: 'object', allOf: [{ properties: { a: { type: 'integer' } } }], unevaluatedProperties: false },
  },
  required: ['cwlVersion', 'class'],
  additionalProperties: false,
  $defs: {
    Step: {
      type: 'object',
      title: 'WorkflowStep',
      properties: { run: { type: 'string' }, in: { type: 'object' }, out: { type: 'array', default: [] }, scatter: { type: 'string', examples: ['input_file'] } },
      required: ['run', 'out'],
      additionalProperties: false,
    },
    Docker: { type: 'object', title: 'DockerRequirement', properties: { class: { const: 'DockerRequirement' }, dockerPull: { type: 'string' } }, required: ['class'], additionalProperties: false },
    Resource: { type: 'object', title: 'ResourceRequirement', properties: { class: { const: 'ResourceRequirement' }, coresMin: { type: 'integer' }, ramMin: { type: 'integer' } }, required: ['class'], additionalProperties: false },
  },
};

const registry = new SchemaRegistry([SCHEMA]);
const HEAD = 'cwlVersion: v1.2\nclass: Workflow\n';

function schemaFindings(text: string, json = false): Finding[] {
  const format = formatOf(json ? 'json' : 'yaml', json, { schema: { kind: 'builtin', id: ID } });
  const a = analyzeWorkflow({ path: json ? '/w/x.json' : '/w/x.yaml', text }, registry, format);
  assert.ok(a, 'analysed');
  return a.findings.filter((f) => f.code === 'workflow/schema');
}

/** `line:start-end` of a finding's range on its first line (1-based line, 0-based columns). */
function at(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.line === f.range.start.line ? f.range.end.character : `${f.range.end.line + 1}:${f.range.end.character}`}`;
}

function fixed(text: string, f: Finding, index = 0): string {
  return applyEdits(text, splitLines(text).starts, f.fixes[index].edits);
}

describe('workflow schema: each ajv keyword at its node, in our words', () => {
  const cases: { name: string; body: string; at: string; message: RegExp }[] = [
    { name: 'type on a scalar: the value', body: 'label: 42\n', at: '3:7-9', message: /`label` should be text, not `42`/ },
    { name: 'type on a collection: its key', body: 'label:\n  a: 1\n', at: '3:0-5', message: /`label` should be text, not a mapping/ },
    { name: 'pattern: the value', body: 'doc: lower case\n', at: '3:5-15', message: /`lower case` does not have the form `doc` needs \(pattern `\^\[A-Z\]`\)/ },
    { name: 'format', body: 'homepage: not a uri\n', at: '3:10-19', message: /is not a valid uri/ },
    { name: 'minimum', body: 'threads: 0\n', at: '3:9-10', message: /`threads` must be at least 1, not `0`/ },
    { name: 'maximum', body: 'threads: 65\n', at: '3:9-11', message: /at most 64/ },
    { name: 'exclusiveMinimum', body: 'ratio: 0\n', at: '3:7-8', message: /more than 0/ },
    { name: 'multipleOf', body: 'ratio: 0.3\n', at: '3:7-10', message: /multiple of 0.5/ },
    { name: 'minLength 1: must not be empty', body: 'label: ""\n', at: '3:7-9', message: /`label` must not be empty/ },
    { name: 'maxLength', body: 'label: this label is far too long\n', at: '3:7-33', message: /at most 20 characters/ },
    { name: 'minItems: the key', body: 'tags: []\n', at: '3:0-4', message: /`tags` needs at least one entry/ },
    { name: 'uniqueItems', body: 'tags: [a, b, a]\n', at: '3:0-4', message: /lists the same value twice \(entries 1 and 3\)/ },
    { name: 'minProperties', body: 'steps: {}\n', at: '3:0-5', message: /needs at least 1 key/ },
    { name: 'additionalProperties: the unknown key', body: 'lable: x\n', at: '3:0-5', message: /Unknown key `lable` in Workflow: did you mean `label`\?/ },
    { name: 'additionalProperties far from any name', body: 'zzzzzz: 1\n', at: '3:0-6', message: /^Unknown key `zzzzzz` in Workflow\.$/ },
    { name: 'false schema: the key', body: 'retired: yes\n', at: '3:0-7', message: /`retired` is not allowed here/ },
    { name: 'propertyNames: the key', body: 'env:\n  lower: 1\n', at: '4:2-7', message: /`lower` is not an allowed key here \(keys must match `\^\[A-Z_\]\[A-Z0-9_\]\*\$`\)/ },
    { name: 'dependentRequired: the key that needs the other', body: 'mail:\n  type: END\n', at: '4:2-6', message: /`type` needs `user` beside it/ },
    { name: 'if/then: the then error only', body: 'mode: fast\n', at: '3:6-10', message: /at most 2 characters/ },
    { name: 'unevaluatedProperties: the key', body: 'extra:\n  a: 1\n  b: 2\n', at: '5:2-3', message: /Unknown key `b` under `extra`/ },
    { name: 'required in a step: the step key', body: 'steps:\n  align:\n    run: bwa.cwl\n', at: '4:2-7', message: /`align` is missing the required key `out`/ },
    { name: 'oneOf with two fitting branches', body: 'either: 3\n', at: '3:8-9', message: /fits more than one of the allowed forms \(1 and 2\)/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = schemaFindings(HEAD + c.body);
      assert.strictEqual(found.length, 1, found.map((f) => `${at(f)} ${f.message}`).join('\n'));
      assert.strictEqual(at(found[0]), c.at, found[0].message);
      assert.match(found[0].message, c.message);
    });
  }

  it('enum: the allowed values, a did-you-mean when one is near, and its fix', () => {
    const text = 'cwlVersion: V1.2\nclass: Workflow\n';
    const [f] = schemaFindings(text);
    assert.strictEqual(at(f), '1:12-16');
    assert.match(f.message, /`V1.2` is not an allowed value of `cwlVersion`: use `v1.0`, `v1.1` or `v1.2` \(did you mean `v1.2`\?\)/);
    assert.strictEqual(fixed(text, f), 'cwlVersion: v1.2\nclass: Workflow\n');
  });

  it('enum: no suggestion when two values are equally near', () => {
    const [f] = schemaFindings('cwlVersion: v1.20\nclass: Workflow\n');
    assert.doesNotMatch(f.message, /did you mean/);
    assert.deepStrictEqual(f.fixes, []);
  });

  it('const: the value it must have', () => {
    const [f] = schemaFindings('cwlVersion: v1.2\nclass: Tool\n');
    assert.strictEqual(at(f), '2:7-11');
    assert.match(f.message, /`class` must be `Workflow` here, not `Tool`/);
  });

  it('the did-you-mean fix renames the key (not safe)', () => {
    const text = `${HEAD}lable: x\n`;
    const [f] = schemaFindings(text);
    assert.strictEqual(f.fixes[0].safe, false);
    assert.strictEqual(fixed(text, f), `${HEAD}label: x\n`);
  });

  it('a quoted key keeps its quotes when renamed', () => {
    const text = `${HEAD}"lable": x\n`;
    assert.strictEqual(fixed(text, schemaFindings(text)[0]), `${HEAD}"label": x\n`);
  });

  it('did-you-mean does not suggest a key the mapping already has', () => {
    const [f] = schemaFindings(`${HEAD}label: x\nlabel2: y\n`);
    assert.match(f.message, /^Unknown key `label2` in Workflow\.$/);
  });
});

describe('workflow schema: missing required keys and their fix', () => {
  const fixes: [string, string, string][] = [
    ['a block mapping: after its last entry, at its indentation', `${HEAD}steps:\n  align:\n    run: bwa.cwl\n    in: {}\n# end\n`, `${HEAD}steps:\n  align:\n    run: bwa.cwl\n    in: {}\n    out: []\n# end\n`],
    ['the default as the value', `${HEAD}steps:\n  a:\n    run: x`, `${HEAD}steps:\n  a:\n    run: x\n    out: []`],
    ['a flow mapping', `${HEAD}steps:\n  a: {run: x}\n`, `${HEAD}steps:\n  a: {run: x, out: []}\n`],
    ['the document itself', 'class: Workflow\n', 'class: Workflow\ncwlVersion: v1.0\n'],
    ['a list item mapping', `${HEAD}requirements:\n  - dockerPull: ubuntu\n`, `${HEAD}requirements:\n  - dockerPull: ubuntu\n    class: DockerRequirement\n`],
  ];
  for (const [name, text, expected] of fixes) {
    it(name, () => {
      const f = schemaFindings(text).find((x) => x.message.includes('missing the required key'));
      assert.ok(f, schemaFindings(text).map((x) => x.message).join('\n'));
      assert.strictEqual(f.fixes[0].title.startsWith('Add `'), true);
      assert.strictEqual(fixed(text, f), expected);
    });
  }

  it('JSON: a quoted key on a line of its own', () => {
    const text = '{\n  "class": "Workflow"\n}\n';
    const f = schemaFindings(text, true).find((x) => x.message.includes('missing'))!;
    assert.strictEqual(at(f), '2:2-9');
    assert.strictEqual(fixed(text, f), '{\n  "class": "Workflow",\n  "cwlVersion": "v1.0"\n}\n');
  });

  it('the missing key of the document is reported at its first key', () => {
    const f = schemaFindings('# a comment\nclass: Workflow\n')[0];
    assert.strictEqual(at(f), '2:0-5');
    assert.match(f.message, /The document is missing the required key `cwlVersion`/);
  });
});

describe('workflow schema: anyOf and oneOf name the closest branch', () => {
  it('an unknown key in the branch whose class matches', () => {
    const found = schemaFindings(`${HEAD}requirements:\n  - class: DockerRequirement\n    dockerPul: ubuntu\n`);
    assert.deepStrictEqual(found.map((f) => `${at(f)} ${f.message}`), ['5:4-13 Unknown key `dockerPul` in DockerRequirement: did you mean `dockerPull`?']);
  });

  it('a wrong value in the closest branch, not a wall of errors', () => {
    const found = schemaFindings(`${HEAD}requirements:\n  - class: ResourceRequirement\n    coresMin: many\n`);
    assert.deepStrictEqual(found.map((f) => `${at(f)} ${f.message}`), ['5:14-18 `coresMin` should be a whole number, not `many`.']);
  });

  it('a misspelt discriminator: the branch it is closest to', () => {
    const found = schemaFindings(`${HEAD}requirements:\n  - class: DockerRequirment\n    dockerPull: ubuntu\n`);
    assert.strictEqual(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.strictEqual(at(found[0]), '4:11-27');
    assert.match(found[0].message, /`class` must be `DockerRequirement` here/);
  });

  it('no branch has the right shape: one message with every shape that would do', () => {
    const found = schemaFindings(`${HEAD}requirements:\n  - 42\n`);
    assert.deepStrictEqual(found.map((f) => `${at(f)} ${f.message}`), ['4:4-6 Entry 1 of `requirements` should be a mapping, not `42`.']);
    const source = schemaFindings(`${HEAD}source: {a: 1}\n`);
    assert.deepStrictEqual(source.map((f) => `${at(f)} ${f.message}`), ['3:0-6 `source` should be text or a list, not a mapping.']);
  });

  it('a wrong entry inside the fitting branch', () => {
    const found = schemaFindings(`${HEAD}source: [a, 3]\n`);
    assert.deepStrictEqual(found.map((f) => `${at(f)} ${f.message}`), ['3:12-13 Entry 2 of `source` should be text, not `3`.']);
  });
});

describe('workflow schema: documents, aliases and repeats', () => {
  it('each document of a multi-document file is checked', () => {
    const found = schemaFindings(`${HEAD}label: 1\n---\n${HEAD}threads: 0\n`);
    assert.deepStrictEqual(found.map(at), ['3:7-8', '7:9-10']);
  });

  it('a value reached through an alias is reported at the alias', () => {
    const found = schemaFindings(`${HEAD}steps:\n  a: &s {run: x}\n  b: *s\n`);
    assert.deepStrictEqual(found.map(at), ['4:2-3', '5:5-7']);
    assert.match(found[1].message, /through the alias/);
  });

  it('a document refused as too complex is not checked', () => {
    const found = schemaFindings(`${'['.repeat(200)}${']'.repeat(200)}\n`);
    assert.deepStrictEqual(found, []);
  });

  it('an empty document is not checked', () => {
    assert.deepStrictEqual(schemaFindings('# nothing yet\n'), []);
  });
});
