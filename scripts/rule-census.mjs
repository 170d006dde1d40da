// Per-rule census of the realistic corpus (test/fixtures/realistic): runs every rule over each
// script the way the server does (its kind from shellDocumentKind, default settings, the
// tree-sitter shell parser) and counts, per rule, the findings, how many are judged true or false
// in the .findings files beside the scripts, how many are not judged yet, and in how many files the
// rule fires. Run after `npx tsc -b` (it loads the compiled modules from out/):
//
//   node scripts/rule-census.mjs            table for every rule that fires
//   node scripts/rule-census.mjs --all      also the rules that never fire
//
// A finding's verdict is the one its `.findings` line carries when the line is the same
// (`L:C code severity message`); anything else counts as not judged.
import { readFileSync, readdirSync, existsSync } from 'fs';
import { createRequire } from 'module';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (p) => {
  const file = join(root, 'out', p);
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npx tsc -b\` first`);
    process.exit(2);
  }
  return require(file);
};
const { analyzeJobScript } = out('server/src/analyze.js');
const { shellDocumentKind } = out('server/src/core/jobScriptDetection.js');
const { sharedShellParser } = out('server/src/shell/loader.js');
const { JOB_SCRIPT_RULES } = out('server/src/rules/index.js');

const dir = join(root, 'test', 'fixtures', 'realistic');
const VERDICT = / # (true|FALSE\b.*|\?)$/;

/** The verdicts a `.findings` file gives, by finding line. */
function verdicts(file) {
  const found = new Map();
  if (!existsSync(file)) return found;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = VERDICT.exec(line);
    if (m) found.set(line.slice(0, m.index), m[1].startsWith('FALSE') ? 'false' : m[1] === 'true' ? 'true' : '?');
  }
  return found;
}

const render = (f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code} ${f.severity} ${f.message.replace(/\s*\n\s*/g, ' ')}`;

const shell = await sharedShellParser();
const files = readdirSync(dir).filter((f) => /^\d{3}-.*\.(sh|sbatch)$/.test(f)).sort();
const rows = new Map(JOB_SCRIPT_RULES.map((r) => [r.meta.id, { findings: 0, true: 0, false: 0, unjudged: 0, files: new Set() }]));
const kinds = { 'job-script': 0, 'submit-script': 0, none: 0 };
let total = 0;
for (const name of files) {
  const path = join(dir, name);
  const text = readFileSync(path, 'utf8');
  const kind = shellDocumentKind(path, text);
  kinds[kind ?? 'none']++;
  if (kind === undefined) continue;
  const judged = verdicts(path.replace(/\.(sh|sbatch)$/, '.findings'));
  for (const f of analyzeJobScript(text, {}, shell, kind).findings) {
    const row = rows.get(f.code) ?? { findings: 0, true: 0, false: 0, unjudged: 0, files: new Set() };
    rows.set(f.code, row);
    const v = judged.get(render(f)) ?? '?';
    row.findings++;
    if (v === 'true') row.true++;
    else if (v === 'false') row.false++;
    else row.unjudged++;
    row.files.add(name);
    total++;
  }
}

const all = process.argv.includes('--all');
const header = ['rule', 'findings', 'true', 'false', 'unjudged', 'files'];
const table = [...rows.entries()]
  .filter(([, r]) => all || r.findings > 0)
  .sort((a, b) => b[1].findings - a[1].findings || a[0].localeCompare(b[0]))
  .map(([id, r]) => [id, r.findings, r.true, r.false, r.unjudged, r.files.size].map(String));
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const row of table) console.log(line(row));
console.log(`\n${files.length} files (${kinds['job-script']} job scripts, ${kinds['submit-script']} submit scripts${kinds.none ? `, ${kinds.none} neither` : ''}), ${total} findings`);
