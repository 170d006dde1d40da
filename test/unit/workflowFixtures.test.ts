/**
 * The engine over the realistic workflow fixtures (test/fixtures/workflow/<format>/, written with
 * the schemas): each valid file is recognised as its format and gets no error or warning; each
 * file in an `invalid/` folder gets at least one finding, none of them an internal error.
 */
import * as assert from 'assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { diskWorkflowReader } from '../../server/src/cli/workflow';
import { analyzeWorkflow } from '../../server/src/workflow/analyze';
import { formatOf } from '../../server/src/workflow/formats';
import { sharedSchemaRegistry } from '../../server/src/workflow/schema/builtin';
import type { WorkflowFormatId } from '../../server/src/workflow/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'workflow');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(cwl|ya?ml|json)$/.test(name) ? [full] : [];
  });
}

/** The format a fixture is, by its folder (files in `invalid/` are not named as the engine needs). */
function expectedFormat(file: string): WorkflowFormatId | undefined {
  const rel = path.relative(FIXTURES, file).split(path.sep);
  const base = rel[rel.length - 1];
  switch (rel[0]) {
    case 'cwl':
      return 'cwl';
    case 'maestro':
      return 'maestro';
    case 'merlin':
      return 'merlin';
    case 'nextflow':
      return base.endsWith('.json') ? 'nextflow-schema' : 'nextflow-params';
    case 'snakemake':
      return 'snakemake-profile';
    default:
      return undefined;
  }
}

const all = files(FIXTURES).filter((f) => expectedFormat(f) !== undefined);
const isInvalid = (f: string) => f.split(path.sep).includes('invalid') || /invalid/.test(path.basename(f));

function analyse(file: string, explicit: boolean) {
  const text = readFileSync(file, 'utf8');
  const id = expectedFormat(file)!;
  const detected = { path: file, text, files: diskWorkflowReader(path.dirname(file)), workspaceFolder: FIXTURES };
  // A params file's schema is the pipeline's own, found by detection; the other formats' schemas are ours.
  return analyzeWorkflow(detected, sharedSchemaRegistry(), explicit && id !== 'nextflow-params' ? formatOf(id, file.endsWith('.json')) : undefined);
}

describe('workflow fixtures through the engine', () => {
  it('there are fixtures of every format', () => {
    const formats = new Set(all.map(expectedFormat));
    for (const id of ['cwl', 'maestro', 'merlin', 'nextflow-schema', 'snakemake-profile'] as const) assert.ok(formats.has(id), id);
  });

  for (const file of all.filter((f) => !isInvalid(f))) {
    it(`${path.relative(FIXTURES, file)}: recognised, and neither error nor warning`, () => {
      const a = analyse(file, false);
      assert.ok(a, 'recognised');
      assert.strictEqual(a.format.id, expectedFormat(file), 'detected format');
      assert.ok(a.schema, a.schemaProblem ?? 'a schema');
      const bad = a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepStrictEqual(bad.map((f) => `${f.range.start.line + 1}: ${f.code}: ${f.message}`), []);
    });
  }

  for (const file of all.filter(isInvalid)) {
    it(`${path.relative(FIXTURES, file)}: at least one finding, no internal error`, () => {
      const a = analyse(file, true);
      assert.ok(a);
      assert.ok(a.findings.length > 0, 'a finding');
      assert.deepStrictEqual(a.findings.filter((f) => f.message.startsWith('Internal error')), []);
    });
  }
});
