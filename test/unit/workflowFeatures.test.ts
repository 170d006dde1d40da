import * as assert from 'assert';
import { analyzeWorkflow, type WorkflowAnalysis } from '../../server/src/workflow/analyze';
import { workflowCompletionsAt } from '../../server/src/workflow/features/completion';
import { workflowHoverAt } from '../../server/src/workflow/features/hover';
import { formatOf } from '../../server/src/workflow/formats';
import { sharedSchemaRegistry } from '../../server/src/workflow/schema/builtin';
import type { JsonSchema } from '../../server/src/workflow/schema/pointers';
import { SchemaRegistry } from '../../server/src/workflow/schema/registry';

const ID = 'https://hpc-workflows.dev/test/features.schema.json';

const SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: ID,
  type: 'object',
  required: ['cwlVersion', 'class'],
  properties: {
    cwlVersion: { description: 'The CWL version the file is written for.', enum: ['v1.0', 'v1.1', 'v1.2'], 'x-docs-url': 'https://www.commonwl.org/v1.2/' },
    class: { enum: ['Workflow', 'CommandLineTool'] },
    doc: { type: 'string', description: 'What the workflow does.' },
    streamable: { type: 'boolean', default: false },
    threads: { type: 'integer', default: 4, examples: [8, 16] },
    steps: { type: 'object', description: 'The steps, by name.', additionalProperties: { $ref: '#/$defs/Step' } },
    requirements: { type: 'array', items: { $ref: '#/$defs/Requirement' } },
    old: { type: 'string', deprecated: true },
  },
  $defs: {
    Step: {
      type: 'object',
      description: 'One step.',
      required: ['run', 'out'],
      properties: { run: { type: 'string', description: 'The tool this step runs.' }, in: { type: 'object' }, out: { type: 'array' }, scatter: { type: 'string' } },
      'x-snippet': { label: 'workflow step', body: 'run: ${2:tool.cwl}\nin:\n  ${3:input}: ${4:source}\nout: [${5:output}]', nameKey: 'id', namePlaceholder: 'step_name' },
    },
    Requirement: {
      type: 'object',
      required: ['class'],
      properties: { class: { enum: ['DockerRequirement', 'ResourceRequirement'] } },
      allOf: [
        { if: { properties: { class: { const: 'DockerRequirement' } }, required: ['class'] }, then: { properties: { dockerPull: { type: 'string', description: 'The image to pull.', examples: ['ubuntu:22.04'] } } } },
        { if: { properties: { class: { const: 'ResourceRequirement' } }, required: ['class'] }, then: { properties: { coresMin: { type: 'integer' }, ramMin: { type: 'integer' } } } },
      ],
    },
  },
};

const registry = new SchemaRegistry([SCHEMA]);

/** Splits a text with one `|` caret into the text and the caret's position. */
function caret(marked: string): { text: string; line: number; character: number } {
  const at = marked.indexOf('|');
  const before = marked.slice(0, at).split('\n');
  return { text: marked.slice(0, at) + marked.slice(at + 1), line: before.length - 1, character: before[before.length - 1].length };
}

function analysis(text: string): WorkflowAnalysis {
  const a = analyzeWorkflow({ path: '/w/wf.yaml', text }, registry, formatOf('yaml', false, { schema: { kind: 'builtin', id: ID } }));
  assert.ok(a);
  return a;
}

function hover(marked: string): string | undefined {
  const { text, line, character } = caret(marked);
  return workflowHoverAt(analysis(text), { line, character })?.markdown;
}

function complete(marked: string): string[] {
  const { text, line, character } = caret(marked);
  return workflowCompletionsAt(analysis(text), { line, character })
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0))
    .map((c) => c.label);
}

describe('workflow hover (caret marks the position)', () => {
  const cases: [string, RegExp][] = [
    ['cwlVer|sion: v1.2\n', /\*\*`cwlVersion`\*\*[\s\S]*The CWL version[\s\S]*Allowed: `v1.0`, `v1.1`, `v1.2`[\s\S]*\[Documentation\]\(https:\/\/www\.commonwl\.org\/v1\.2\/\)/],
    ['cwlVersion: v1|.2\n', /The CWL version/],
    ['threa|ds: 2\n', /a whole number[\s\S]*Default: `4`[\s\S]*Example: `8`/],
    ['steps:\n  align:\n    ru|n: bwa.cwl\n', /\*\*`run`\*\* · text\n\nThe tool this step runs\./],
    ['steps:\n  al|ign:\n    run: bwa.cwl\n', /One step\./],
    ['requirements:\n  - class: DockerRequirement\n    docker|Pull: ubuntu\n', /The image to pull/],
  ];
  for (const [marked, expected] of cases) {
    it(JSON.stringify(marked), () => {
      const md = hover(marked);
      assert.ok(md, 'a hover');
      assert.match(md, expected);
    });
  }
  it('nothing on a key the schema does not know', () => assert.strictEqual(hover('unkn|own: 1\n'), undefined));
  it('nothing in a comment line', () => assert.strictEqual(hover('# cwlVer|sion\ncwlVersion: v1.2\n'), undefined));
  it('the range is the key under the cursor', () => {
    const { text, line, character } = caret('doc: x\nthre|ads: 2\n');
    assert.deepStrictEqual(workflowHoverAt(analysis(text), { line, character })?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
  });
});

describe('workflow completion (caret marks the position)', () => {
  it('keys of the document, required first, written ones and deprecated ones left out', () => {
    const labels = complete('cwlVersion: v1.2\n|\n');
    assert.deepStrictEqual(labels.slice(0, 1), ['class']);
    assert.ok(labels.includes('steps') && labels.includes('doc'));
    assert.ok(!labels.includes('cwlVersion'), 'already written');
    assert.ok(!labels.includes('old'), 'deprecated');
  });
  it('keys while one is typed: the typed key itself is still offered', () => {
    assert.ok(complete('cwlVersion: v1.2\nst|\n').includes('steps'));
    assert.ok(complete('cwlVersion: v1.2\nstreamable: true\nst|\n').includes('steps'));
  });
  it('keys of a nested mapping by indentation, also on an empty line after its last entry', () => {
    assert.deepStrictEqual(complete('steps:\n  align:\n    run: bwa.cwl\n    |\n').slice(0, 1), ['out']);
    assert.deepStrictEqual(complete('steps:\n  align:\n    run: bwa.cwl\n    o|\n').slice(0, 1), ['out']);
  });
  it('keys under a key with no value yet', () => {
    assert.ok(complete('steps:\n  align:\n    |\n').includes('run'));
  });
  it('a new step from the schema snippet in a mapping of steps', () => {
    const { text, line, character } = caret('steps:\n  |\n');
    const items = workflowCompletionsAt(analysis(text), { line, character });
    const snip = items.find((c) => c.kind === 'snippet');
    assert.ok(snip, items.map((c) => c.label).join(','));
    assert.strictEqual(snip.label, 'workflow step');
    assert.strictEqual(snip.insertText, '${1:step_name}:\n    run: ${2:tool.cwl}\n    in:\n      ${3:input}: ${4:source}\n    out: [${5:output}]');
  });
  it('keys of a list item, chosen by its class', () => {
    const labels = complete('requirements:\n  - class: DockerRequirement\n    |\n');
    assert.deepStrictEqual(labels, ['dockerPull']);
    assert.deepStrictEqual(complete('requirements:\n  - class: ResourceRequirement\n    |\n'), ['coresMin', 'ramMin']);
  });
  it('a new list entry after "- ": its required key first', () => {
    assert.deepStrictEqual(complete('requirements:\n  - class: DockerRequirement\n  - |\n').slice(0, 1), ['class']);
  });
  it('values after "key: ": allowed values, booleans, default and examples', () => {
    assert.deepStrictEqual(complete('cwlVersion: |\n'), ['v1.0', 'v1.1', 'v1.2']);
    assert.deepStrictEqual(complete('streamable: |\n'), ['true', 'false']);
    assert.deepStrictEqual(complete('threads: |\n'), ['4', '8', '16']);
    assert.deepStrictEqual(complete('requirements:\n  - class: |\n'), ['DockerRequirement', 'ResourceRequirement']);
  });
  it('the insert text of a key fits its type', () => {
    const { text, line, character } = caret('|\n');
    const items = workflowCompletionsAt(analysis(text), { line, character });
    assert.strictEqual(items.find((c) => c.label === 'steps')?.insertText, 'steps:\n  $0');
    assert.strictEqual(items.find((c) => c.label === 'requirements')?.insertText, 'requirements:\n  - $0');
    assert.strictEqual(items.find((c) => c.label === 'class')?.insertText, 'class: ${1|Workflow,CommandLineTool|}');
    assert.strictEqual(items.find((c) => c.label === 'doc')?.insertText, 'doc: $0');
  });
  it('nothing in a comment or after a scalar', () => {
    assert.deepStrictEqual(complete('# st|\n'), []);
    assert.deepStrictEqual(complete('doc: some text|\n'), []);
  });
});

describe('workflow hover and completion with our CWL schema', () => {
  const cwl = (marked: string) => {
    const { text, line, character } = caret(marked);
    const a = analyzeWorkflow({ path: '/w/tool.cwl', text }, sharedSchemaRegistry());
    assert.ok(a?.schema, 'the CWL schema is bundled');
    return { a, pos: { line, character } };
  };
  it('hover on a CommandLineTool key', () => {
    const { a, pos } = cwl('cwlVersion: v1.2\nclass: CommandLineTool\nbaseComm|and: [bwa, mem]\ninputs: {}\noutputs: {}\n');
    assert.match(workflowHoverAt(a, pos)?.markdown ?? '', /`baseCommand`/);
  });
  it('completes the keys of a DockerRequirement in a requirements list', () => {
    const { a, pos } = cwl('cwlVersion: v1.2\nclass: CommandLineTool\ninputs: {}\noutputs: {}\nrequirements:\n  - class: DockerRequirement\n    |\n');
    const labels = workflowCompletionsAt(a, pos).map((c) => c.label);
    assert.ok(labels.includes('dockerPull'), labels.join(','));
    assert.ok(!labels.includes('coresMin'), 'not a ResourceRequirement key');
  });
});
