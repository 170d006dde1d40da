import * as assert from 'assert';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/core/fixAll';
import type { Finding, Severity } from '../../server/src/core/types';
import { readYaml, type ReadOptions } from '../../server/src/workflow/read/reading';

const YAML12: ReadOptions = { yamlVersion: '1.2', json: false, duplicateKeySeverity: 'warning' };
const YAML11: ReadOptions = { ...YAML12, yamlVersion: '1.1' };
const JSON_FILE: ReadOptions = { ...YAML12, json: true };

function all(text: string, options = YAML12): Finding[] {
  const r = readYaml(text, options);
  return [...r.syntax, ...r.duplicates, ...r.tooComplex];
}

/** `line:col code` of each finding (1-based line, 0-based column), for compact expectations. */
function where(findings: Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character} ${f.code}`);
}

function applyFix(text: string, f: Finding, index = 0): string {
  const starts = readYaml(text, YAML12).lines.starts;
  return applyEdits(text, starts, f.fixes[index].edits);
}

describe('workflow reading: syntax errors with their ranges', () => {
  const cases: { name: string; text: string; expect: string[]; message?: RegExp; severity?: Severity }[] = [
    { name: 'valid YAML has no finding', text: 'a: 1\nb:\n  - x\n  - y\n', expect: [] },
    { name: 'an unclosed double quote', text: 'a: "open\nb: 2\n', expect: ['1:3 workflow/yaml-syntax'], message: /double quote opened here is never closed/ },
    { name: 'a key without a colon', text: 'steps:\n  run: x\n  ru\n', expect: ['3:2 workflow/yaml-syntax'], message: /key without `:`/ },
    { name: 'mapping keys at different columns', text: 'a:\n  b: 1\n c: 2\n', expect: ['3:1 workflow/yaml-syntax'], message: /keys of one mapping must start at the same column/ },
    { name: 'a value and a nested mapping on one line: one finding for the line', text: 'a: 1\n  b: 2\n', expect: ['1:3 workflow/yaml-syntax'] },
    { name: 'a single-quoted string never closed, reported at its quote', text: "a: 1\nb: 'open\n  more\n", expect: ['2:3 workflow/yaml-syntax'], message: /single quote/ },
    { name: 'a tab in the indentation', text: 'a:\n\tb: 1\n', expect: ['2:0 workflow/yaml-syntax'], message: /tab indents this line/ },
    { name: 'an alias to no anchor', text: 'a: *nowhere\n', expect: ['1:3 workflow/yaml-syntax'], message: /refers to no anchor/ },
    { name: 'an unknown tag is a warning', text: 'a: !custom x\n', expect: ['1:3 workflow/yaml-syntax'], severity: 'warning' },
    { name: 'an unclosed flow list', text: 'a: [1, 2\nb: 3\n', expect: ['2:0 workflow/yaml-syntax'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = all(c.text);
      assert.deepStrictEqual(where(found), c.expect, JSON.stringify(found.map((f) => f.message)));
      if (c.message) assert.match(found[0].message, c.message);
      if (c.severity) assert.strictEqual(found[0].severity, c.severity);
    });
  }

  it('offers to indent with spaces for a tab', () => {
    const [tab] = all('a:\n\tb: 1\n');
    assert.strictEqual(applyFix('a:\n\tb: 1\n', tab), 'a:\n  b: 1\n');
    assert.strictEqual(tab.fixes[0].safe, false);
  });
});

describe('workflow reading: duplicate keys', () => {
  it('reports every repetition at the later key, the last value wins', () => {
    const text = 'a: 1\nb: 2\na: 3\na: 4\n';
    const r = readYaml(text, YAML12);
    assert.deepStrictEqual(where(r.duplicates), ['3:0 workflow/duplicate-key', '4:0 workflow/duplicate-key']);
    assert.deepStrictEqual(r.documents[0].value, { a: 4, b: 2 });
    assert.match(r.duplicates[0].message, /`a` appears twice in this mapping \(first on line 1\)/);
    assert.match(r.duplicates[1].message, /first on line 3/);
    assert.deepStrictEqual(r.duplicates[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } });
  });

  const fixes: [string, string, string][] = [
    ['a block entry with a nested mapping', 'run: a.cwl\nin:\n  x: 1\nrun: b.cwl\nout: [o]\n', 'run: a.cwl\nin:\n  x: 1\nout: [o]\n'],
    ['a nested entry with its own nested value', 'step:\n  in:\n    a: 1\n  in:\n    b: 2\n  out: []\n', 'step:\n  in:\n    a: 1\n  out: []\n'],
    ['an entry with a trailing comment', 'a: 1\na: 2 # again\nb: 3\n', 'a: 1\nb: 3\n'],
    ['the last line without a newline', 'a: 1\na: 2', 'a: 1\n'],
    ['a flow mapping', 'x: {a: 1, b: 2, a: 3}\n', 'x: {a: 1, b: 2}\n'],
    ['a block scalar value', 'a: |\n  one\n  two\nb: 1\na: x\n', 'a: |\n  one\n  two\nb: 1\n'],
    ['an entry of a list item mapping', '- id: x\n  run: y\n  id: z\n', '- id: x\n  run: y\n'],
  ];
  for (const [name, text, fixed] of fixes) {
    it(`the fix removes the whole later entry: ${name}`, () => {
      const [d] = readYaml(text, YAML12).duplicates;
      assert.ok(d, 'a duplicate');
      assert.strictEqual(d.fixes[0].safe, false);
      assert.strictEqual(applyFix(text, d), fixed);
    });
  }

  it('in JSON too', () => {
    const r = readYaml('{\n  "a": 1,\n  "a": 2\n}\n', JSON_FILE);
    assert.deepStrictEqual(where(r.duplicates), ['3:2 workflow/duplicate-key']);
  });

  it('with the severity the format asks for, naming who refuses it', () => {
    const r = readYaml('a: 1\na: 2\n', { ...YAML12, duplicateKeySeverity: 'error', refusedBy: 'CWL runners' });
    assert.strictEqual(r.duplicates[0].severity, 'error');
    assert.match(r.duplicates[0].message, /CWL runners refuse/);
  });

  it('a merge key `<<` is not a duplicate of the keys it brings in', () => {
    assert.deepStrictEqual(readYaml('base: &b {x: 1}\nuse:\n  <<: *b\n  x: 2\n', YAML11).duplicates, []);
  });
});

describe('workflow reading: documents and values', () => {
  it('reads each document of a multi-document file, with its own errors', () => {
    const r = readYaml('a: 1\n---\nb: [\n---\nc: 3\n', YAML12);
    assert.strictEqual(r.documents.length, 3);
    assert.deepStrictEqual(r.documents[0].value, { a: 1 });
    assert.deepStrictEqual(r.documents[2].value, { c: 3 });
    assert.ok(r.syntax.length > 0 && r.syntax.every((f) => f.range.start.line >= 2 && f.range.start.line <= 3), JSON.stringify(r.syntax));
  });

  it('an empty file has no document and no finding', () => {
    const r = readYaml('', YAML12);
    assert.strictEqual(r.documents.length, 0);
    assert.deepStrictEqual(all(''), []);
  });

  it('YAML 1.1 (PyYAML, SnakeYAML) reads yes as true and merges <<; YAML 1.2 does neither', () => {
    const text = 'flag: yes\nbase: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n';
    assert.deepStrictEqual(readYaml(text, YAML11).documents[0].value, { flag: true, base: { x: 1, y: 2 }, use: { x: 1, y: 3 } });
    const v12 = readYaml(text, YAML12).documents[0].value as Record<string, unknown>;
    assert.strictEqual(v12.flag, 'yes');
    assert.deepStrictEqual(v12.use, { '<<': { x: 1, y: 2 }, y: 3 });
  });

  it('timestamps stay the text they were written as', () => {
    assert.deepStrictEqual(readYaml('date: 2024-01-31\n', YAML11).documents[0].value, { date: '2024-01-31' });
  });

  it('a key named __proto__ is an ordinary key', () => {
    const v = readYaml('__proto__: {polluted: 1}\n', YAML12).documents[0].value as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(v), ['__proto__']);
    assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
  });

  it('JSON files are read with positions', () => {
    const r = readYaml('{\n  "params": {"input": "x.csv"}\n}\n', JSON_FILE);
    assert.deepStrictEqual(r.documents[0].value, { params: { input: 'x.csv' } });
    assert.deepStrictEqual(all('{\n  "params": {"input": "x.csv"}\n}\n', JSON_FILE), []);
  });
});

describe('workflow reading: limits, never a hang or an exception', () => {
  it('an alias bomb is refused with a clear finding, and the document is not checked', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${new Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const r = readYaml(lines.join('\n') + '\n', YAML12);
    assert.strictEqual(r.tooComplex.length, 1, JSON.stringify(r.tooComplex));
    assert.match(r.tooComplex[0].message, /alias bomb/);
    assert.strictEqual(r.documents[0].complete, false);
  });

  it('a few aliases are fine', () => {
    const r = readYaml('base: &b {cores: 4}\nx: *b\ny: *b\n', YAML12);
    assert.deepStrictEqual(r.tooComplex, []);
    assert.deepStrictEqual(r.documents[0].value, { base: { cores: 4 }, x: { cores: 4 }, y: { cores: 4 } });
  });

  it('block nesting deeper than 100 levels is refused before any schema check', () => {
    const text = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    const r = readYaml(text, YAML12);
    assert.deepStrictEqual(r.tooComplex.map((f) => f.code), ['workflow/too-complex']);
    assert.strictEqual(r.documents[0].complete, false);
  });

  it('flow nesting thousands deep gives a finding, not a stack overflow', () => {
    const r = readYaml(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, YAML12);
    assert.ok(r.tooComplex.length >= 1);
    assert.strictEqual(r.documents[0].complete, false);
  });

  it('an alias inside its own anchor is reported', () => {
    const r = readYaml('a: &x [1, *x]\n', YAML12);
    assert.ok([...r.tooComplex, ...r.syntax].length >= 1);
  });

  it('a 10,000-line file reads with every value', () => {
    const lines = ['steps:'];
    for (let i = 0; lines.length < 10_000; i++) lines.push(`  s${i}:`, `    run: tools/t${i}.cwl`, `    in: {a: x${i}}`, `    out: [o]`);
    const r = readYaml(lines.join('\n') + '\n', YAML12);
    assert.deepStrictEqual(all(lines.join('\n') + '\n'), []);
    assert.strictEqual(Object.keys((r.documents[0].value as { steps: object }).steps).length, 2500);
  });

  it('a file over 8 million characters is not read, with a warning saying so', () => {
    const r = readYaml(`a: ${'x'.repeat(8_000_001)}\n`, YAML12);
    assert.strictEqual(r.documents.length, 0);
    assert.deepStrictEqual(r.tooComplex.map((f) => [f.severity, /too large to check/.test(f.message)]), [['warning', true]]);
  });

  it('random text never throws, and every range lies inside the text', function () {
    this.timeout(60000);
    const pieces = ['a', ':', ' ', '\n', '  ', '- ', '[', ']', '{', '}', ',', '"', "'", '&x ', '*x', '<<: ', '---\n', '#', '\t', '|\n', '? ', '!tag ', 'é', '\r\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), fc.boolean(), (parts, yaml11) => {
        const text = parts.join('');
        const r = readYaml(text, yaml11 ? YAML11 : YAML12);
        for (const f of [...r.syntax, ...r.duplicates, ...r.tooComplex]) {
          assert.ok(f.range.end.line < r.lines.lines.length, JSON.stringify(f));
          assert.ok(f.range.start.character <= r.lines.lines[f.range.start.line].length, JSON.stringify(f));
        }
      }),
      { numRuns: 500 },
    );
  });
});
