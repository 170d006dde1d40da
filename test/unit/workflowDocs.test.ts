/**
 * The pages of the workflow-file rules (docs/rules/workflow/): one per rule, with its id, default
 * severity, fixability and tip as its meta says, the usual sections, and ```yaml examples (each
 * with `file=NAME`, the path the engine detects the format by) that the engine judges as the page
 * claims. A ```yaml or ```json block marked `context` (with `file=NAME`) is no example: it is a file
 * the examples of its page can read (a pipeline's nextflow_schema.json next to a params file). The
 * index lists each rule.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Severity } from '../../server/src/core/types';
import { ruleDocsUrl } from '../../server/src/rules';
import { analyzeWorkflow } from '../../server/src/workflow/analyze';
import { WORKFLOW_RULES } from '../../server/src/workflow/rules';
import { sharedSchemaRegistry } from '../../server/src/workflow/schema/builtin';

const DOCS_DIR = path.resolve(__dirname, '../../../docs/rules');

interface Example {
  section: string;
  line: number;
  file: string;
  code: string;
  expect?: Severity;
}

function examplesOf(page: string): Example[] {
  return blocksOf(page).filter((b) => !b.context);
}

/** The ```yaml blocks of a page, and the ```yaml/```json blocks marked `context` (files examples read). */
function blocksOf(page: string): (Example & { context: boolean })[] {
  const lines = page.split('\n');
  const out: (Example & { context: boolean })[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('## ')) section = lines[i].slice(3).trim();
    const fence = /^```(yaml|json)\b(.*)$/.exec(lines[i]);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
    const words = Object.fromEntries(fence[2].trim().split(/\s+/).filter(Boolean).map((w) => w.split('=') as [string, string]));
    const context = 'context' in words;
    if (fence[1] === 'json' && !context) continue;
    assert.ok(words.file, `line ${start + 1}: a yaml example needs file=NAME`);
    out.push({ section, line: start + 1, file: words.file, code: `${body.join('\n')}\n`, expect: words.expect as Severity | undefined, context });
  }
  return out;
}

/** The files the `context` blocks of a page provide, by the absolute path the examples see. */
let contextFiles = new Map<string, string>();

function findings(ex: Example) {
  const files = (p: string) => contextFiles.get(p.startsWith('/') ? p : `/docs-example/${p}`);
  const a = analyzeWorkflow({ path: `/docs-example/${ex.file}`, text: ex.code, files }, sharedSchemaRegistry());
  assert.ok(a, `${ex.file}: recognised as a workflow file`);
  return a.findings;
}

describe('workflow rule docs (docs/rules/workflow/)', () => {
  for (const rule of WORKFLOW_RULES) {
    const { id, defaultSeverity, fixable, tip } = rule.meta;
    const pagePath = path.join(DOCS_DIR, `${id}.md`);
    describe(id, () => {
      const page = () => {
        const text = fs.readFileSync(pagePath, 'utf8');
        contextFiles = new Map(blocksOf(text).filter((b) => b.context).map((b) => [`/docs-example/${b.file}`, b.code]));
        return text;
      };

      it('has a page where its docs link points, naming its meta', () => {
        assert.ok(fs.existsSync(pagePath), `docs/rules/${id}.md is missing`);
        assert.ok(ruleDocsUrl(id).endsWith(`docs/rules/${id}.md`));
        const text = page();
        assert.strictEqual(text.split('\n')[0], `# ${id}`);
        assert.ok(text.includes(`**Default severity:** ${defaultSeverity}`), 'default severity');
        assert.ok(text.includes(`**Quick fixes:** ${fixable ? 'yes' : 'none'}`), 'quick fixes');
        const tipLine = text.split('\n').find((l) => l.startsWith('- **Tip:**')) ?? '';
        if (tip !== undefined) assert.ok(new RegExp(`\\b${tip}\\b`).test(tipLine), tipLine);
        for (const heading of ['## Severity', '## What the engines do', '## Bad', '## Good', '## Quick fixes', '## Turning it off']) assert.ok(text.includes(`\n${heading}`), heading);
        for (const how of [`"${id}": "off"`, `--rule ${id}=off`, `# hpc-disable-next-line ${id}`, `# hpc-disable ${id}`, `# hpc-disable-line ${id}`]) assert.ok(text.includes(how), how);
      });

      it('each bad example gives a finding of the rule', () => {
        const bad = examplesOf(page()).filter((e) => e.section.startsWith('Bad'));
        assert.ok(bad.length > 0);
        for (const ex of bad) {
          const mine = findings(ex).filter((f) => f.code === id);
          assert.ok(mine.length > 0, `${id}.md:${ex.line} gives no ${id} finding`);
          if (ex.expect) for (const f of mine) assert.strictEqual(f.severity, ex.expect, `${id}.md:${ex.line}: ${f.message}`);
        }
      });

      it('each good example gives none, and no error or warning of another rule', () => {
        const good = examplesOf(page()).filter((e) => e.section.startsWith('Good'));
        assert.ok(good.length > 0);
        for (const ex of good) {
          const found = findings(ex).filter((f) => f.code === id || f.severity === 'error' || f.severity === 'warning');
          assert.deepStrictEqual(found.map((f) => `${f.range.start.line + 1}: ${f.code}: ${f.message}`), [], `${id}.md:${ex.line}`);
        }
      });

      it('is listed in the index with its severity and fixability', () => {
        const index = fs.readFileSync(path.join(DOCS_DIR, 'README.md'), 'utf8');
        const row = index.split('\n').find((l) => l.startsWith(`| [\`${id}\`](${id}.md) |`));
        assert.ok(row, `a row for ${id}`);
        const cells = row.split('|').map((c) => c.trim());
        assert.strictEqual(cells[2], defaultSeverity);
        assert.strictEqual(cells[3], fixable ? 'yes' : 'no');
      });
    });
  }
});
