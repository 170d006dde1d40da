/**
 * The rule pages in docs/rules/: one page per job-script rule and no page without a rule, each
 * with the rule's id, its default severity, tip and fixability as the rule's meta says, and "Bad"
 * and "Good" example sections whose scripts the analysis judges as the page claims (a bad example
 * gives at least one finding of the rule, a good one none). The index lists every rule.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeJobScript } from '../../server/src/analyze';
import type { Severity } from '../../server/src/core/types';
import { JOB_SCRIPT_RULES, ruleDocsUrl } from '../../server/src/rules';
import { WORKFLOW_RULES } from '../../server/src/workflow/rules';
import type { AnalysisSettings, Rule } from '../../server/src/rules/types';
import { sharedShellParser } from '../../server/src/shell/loader';
import type { ShellParser } from '../../server/src/shell/model';
import { parseTargetVersion } from '../../server/src/slurm/versions';

const DOCS_DIR = path.resolve(__dirname, '../../../docs/rules');
const INDEX_PATH = path.join(DOCS_DIR, 'README.md');

/** A fenced shell example inside a page section, with the settings its info string asks for. */
interface Example {
  section: string;
  /** 1-based line of the opening fence in the page. */
  line: number;
  code: string;
  settings: Partial<AnalysisSettings>;
  /** Severity every finding of the rule must have (`expect=...` in the info string). */
  expect?: Severity;
}

function pagePath(id: string): string {
  return path.join(DOCS_DIR, `${id}.md`);
}

/** The page's text; fails the calling test with a clear message when the page is missing. */
function readPage(id: string): string {
  assert.ok(fs.existsSync(pagePath(id)), `docs/rules/${id}.md is missing`);
  return fs.readFileSync(pagePath(id), 'utf8');
}

/**
 * Reads the words after the language in a fence's info string: `version=22.05`,
 * `maxArraySize=2000`, `siteOption=NAME` (repeatable), `expect=warning`.
 */
function readFenceInfo(words: string[], where: string): { settings: Partial<AnalysisSettings>; expect?: Severity } {
  const settings: Partial<AnalysisSettings> = {};
  let expect: Severity | undefined;
  for (const word of words) {
    const [key, value] = word.split('=');
    if (key === 'version') {
      const v = parseTargetVersion(value ?? '');
      assert.ok(v, `${where}: unknown Slurm version "${value}"`);
      settings.version = v;
    } else if (key === 'maxArraySize') settings.maxArraySize = Number(value);
    else if (key === 'siteOption') settings.siteOptions = [...(settings.siteOptions ?? []), { name: value ?? '' }];
    else if (key === 'expect' && (value === 'error' || value === 'warning' || value === 'info' || value === 'hint')) expect = value;
    else assert.fail(`${where}: unknown word "${word}" in a code fence`);
  }
  return { settings, expect };
}

/**
 * Splits a page into its `## ` sections and returns the ```bash / ```sh blocks of those whose
 * heading starts with one of `prefixes`. Other blocks (```console for a terminal session, ```json)
 * are not job scripts and are not checked.
 */
function examplesOf(page: string, prefixes: string[], where: string): Example[] {
  const lines = page.split('\n');
  const found: Example[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('## ')) section = lines[i].slice(3).trim();
    const fence = /^```(bash|sh)\b(.*)$/.exec(lines[i]);
    if (!fence) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
    if (!prefixes.some((p) => section.startsWith(p))) continue;
    const info = readFenceInfo(fence[2].trim().split(/\s+/).filter((w) => w !== ''), `${where}:${start + 1}`);
    found.push({ section, line: start + 1, code: `${body.join('\n')}\n`, ...info });
  }
  return found;
}

/** The shell parser, loaded before the examples run, so rules that read the shell body are checked too. */
let shell: ShellParser | undefined;

/** The findings of `rule` on an example, with 1-based lines. */
function findingsOf(rule: Rule, example: Example): { line: number; severity: Severity; message: string }[] {
  return analyzeJobScript(example.code, example.settings, shell)
    .findings.filter((f) => f.code === rule.meta.id)
    .map((f) => ({ line: f.range.start.line + 1, severity: f.severity, message: f.message }));
}

/** Rows of the index table: first cell holds a link to a page, the rest are plain cells. */
function indexRows(text: string): { id: string; link: string; cells: string[] }[] {
  const rows: { id: string; link: string; cells: string[] }[] = [];
  for (const line of text.split('\n')) {
    const m = /^\|\s*\[`([^`]+)`\]\(([^)]+)\)\s*\|(.*)\|\s*$/.exec(line);
    if (m) rows.push({ id: m[1], link: m[2], cells: m[3].split('|').map((c) => c.trim()) });
  }
  return rows;
}

const ids = JOB_SCRIPT_RULES.map((r) => r.meta.id);
/** Every rule id with a page: job-script rules and the workflow-file rules (test/unit/workflowDocs.test.ts checks theirs). */
const allIds = [...ids, ...WORKFLOW_RULES.map((r) => r.meta.id)];

describe('rule docs (docs/rules/)', () => {
  before(async () => {
    shell = await sharedShellParser();
  });

  it('the registry holds rules with distinct ids', () => {
    assert.ok(ids.length > 0);
    assert.strictEqual(new Set(ids).size, ids.length, `duplicate ids: ${ids.join(', ')}`);
  });

  it('every page in a rule folder belongs to a rule', () => {
    const folders = new Set(ids.map((id) => id.split('/')[0]));
    for (const folder of folders) {
      const dir = path.join(DOCS_DIR, folder);
      const pages = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
      for (const file of pages) {
        const id = `${folder}/${file.slice(0, -'.md'.length)}`;
        assert.ok(allIds.includes(id), `docs/rules/${id}.md has no rule in JOB_SCRIPT_RULES or WORKFLOW_RULES`);
      }
    }
  });

  for (const rule of JOB_SCRIPT_RULES) {
    const { id, defaultSeverity, fixable, tip } = rule.meta;
    describe(id, () => {
      it('has a page where its docs link points', () => {
        assert.ok(fs.existsSync(pagePath(id)), `docs/rules/${id}.md is missing`);
        assert.ok(ruleDocsUrl(id).endsWith(`docs/rules/${id}.md`), ruleDocsUrl(id));
      });

      it('names the rule, its default severity, fixes and tip as its meta says', () => {
        const page = readPage(id);
        assert.strictEqual(page.split('\n')[0], `# ${id}`, 'the title is the id');
        assert.ok(page.includes(`**Default severity:** ${defaultSeverity}`), `default severity ${defaultSeverity}`);
        assert.ok(page.includes(`**Quick fixes:** ${fixable ? 'yes' : 'none'}`), `quick fixes ${fixable ? 'yes' : 'none'}`);
        const tipLine = page.split('\n').find((l) => l.startsWith('- **Tip:**'));
        assert.ok(tipLine, 'a "- **Tip:**" line');
        if (tip !== undefined) assert.ok(new RegExp(`\\b${tip}\\b`).test(tipLine), `tip ${tip} in "${tipLine}"`);
        for (const heading of ['## Severity', '## What sbatch does', '## Bad', '## Good', '## Quick fixes', '## Turning it off']) {
          assert.ok(page.split('\n').some((l) => l.startsWith(heading)), `section "${heading}"`);
        }
        for (const how of [`"${id}": "off"`, `--rule ${id}=off`, `# hpc-disable-next-line ${id}`, `# hpc-disable ${id}`, `# hpc-disable-line ${id}`]) {
          assert.ok(page.includes(how), `shows how to turn it off: ${how}`);
        }
      });

      it('each bad example gives a finding of the rule', () => {
        const bad = examplesOf(readPage(id), ['Bad'], id);
        assert.ok(bad.length > 0, 'at least one bad example');
        for (const ex of bad) {
          const found = findingsOf(rule, ex);
          assert.ok(found.length > 0, `${id}.md:${ex.line} (${ex.section}) gives no ${id} finding`);
          if (ex.expect) {
            for (const f of found) assert.strictEqual(f.severity, ex.expect, `${id}.md:${ex.line}: line ${f.line}: ${f.message}`);
          }
        }
      });

      it('each good example gives none, and no error or warning of any other rule', () => {
        const good = examplesOf(readPage(id), ['Good'], id);
        assert.ok(good.length > 0, 'at least one good example');
        for (const ex of good) {
          const found = analyzeJobScript(ex.code, ex.settings, shell).findings.filter((f) => f.code === id || f.severity === 'error' || f.severity === 'warning');
          assert.deepStrictEqual(found.map((f) => `${f.range.start.line + 1}: ${f.code}: ${f.message}`), [], `${id}.md:${ex.line} (${ex.section})`);
        }
      });
    });
  }

  describe('index (docs/rules/README.md)', () => {
    const rows = () => indexRows(fs.readFileSync(INDEX_PATH, 'utf8'));

    it('lists every rule once, linked to its page, with its default severity and fixability', () => {
      const all = rows();
      for (const rule of JOB_SCRIPT_RULES) {
        const mine = all.filter((r) => r.id === rule.meta.id);
        assert.strictEqual(mine.length, 1, `${rule.meta.id} listed ${mine.length} times`);
        const [row] = mine;
        assert.strictEqual(path.resolve(DOCS_DIR, row.link), pagePath(rule.meta.id), `link of ${rule.meta.id}`);
        assert.strictEqual(row.cells[0], rule.meta.defaultSeverity, `severity of ${rule.meta.id}`);
        assert.strictEqual(row.cells[1], rule.meta.fixable ? 'yes' : 'no', `fixable of ${rule.meta.id}`);
        assert.ok((row.cells[2] ?? '').length > 0, `description of ${rule.meta.id}`);
      }
    });

    it('lists no rule that does not exist', () => {
      for (const row of rows()) assert.ok(allIds.includes(row.id), `index row ${row.id} has no rule`);
    });
  });
});
