/**
 * The snippets in snippets/sbatch.code-snippets: each expands (defaults taken, choices at their
 * first entry) to a script that our analysis, judging as sbatch would, finds nothing wrong with.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeJobScript } from '../../server/src/analyze';
import { SLURM_VERSIONS, type TargetVersion } from '../../server/src/slurm/versions';

const SNIPPETS_PATH = path.resolve(__dirname, '../../../snippets/sbatch.code-snippets');

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
  isFileTemplate?: boolean;
}

/** Values for the editor variables our snippets may use, as in a file named job.sbatch. */
const EDITOR_VARIABLES: Record<string, string> = { TM_FILENAME_BASE: 'job', TM_FILENAME: 'job.sbatch' };

/**
 * Expands a snippet body the way VS Code inserts it when the user accepts every default:
 * `${1:x}` gives x (nested snippets expanded), `${1|a,b|}` gives a, `$1`/`${1}` gives the value of
 * tab stop 1's placeholder or nothing, and `\$`, `\}`, `\\` give the character. A `$NAME` that is
 * not a known editor variable throws: in a shell script it is almost surely a missing `\\$`.
 */
export function expandSnippetBody(body: string, picks: ReadonlyMap<string, number> = new Map()): string {
  const defaults = new Map<string, string>();
  new SnippetExpander(body, defaults, picks).expand(); // first pass: learn each tab stop's placeholder text
  return new SnippetExpander(body, defaults, picks).expand();
}

/** Every choice tab stop of a body with its choices, e.g. `1 -> ['END,FAIL', 'ALL']`. */
export function choicesOf(body: string): Map<string, string[]> {
  const expander = new SnippetExpander(body, new Map(), new Map());
  expander.expand();
  return expander.choicesSeen;
}

class SnippetExpander {
  private pos = 0;
  readonly choicesSeen = new Map<string, string[]>();
  constructor(
    private readonly src: string,
    private readonly defaults: Map<string, string>,
    /** Which choice to take per tab stop (default: the first). */
    private readonly picks: ReadonlyMap<string, number>,
  ) {}

  expand(): string {
    const text = this.sequence(false);
    if (this.pos < this.src.length) throw new Error(`unexpected "${this.src[this.pos]}" at ${this.pos}`);
    return text;
  }

  /** Text up to the end, or up to an unescaped `}` when `inPlaceholder`. */
  private sequence(inPlaceholder: boolean): string {
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        out += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '$') {
        out += this.dollar();
      } else if (c === '}' && inPlaceholder) {
        return out;
      } else {
        out += c;
        this.pos++;
      }
    }
    if (inPlaceholder) throw new Error('unclosed ${');
    return out;
  }

  private dollar(): string {
    this.pos++; // $
    const bare = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(this.src.slice(this.pos));
    if (bare) {
      this.pos += bare[1].length;
      return this.valueOf(bare[1], undefined);
    }
    if (this.src[this.pos] !== '{') return '$'; // a lone $ is text
    this.pos++;
    const head = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(this.src.slice(this.pos));
    if (!head) throw new Error(`bad \${ at ${this.pos}`);
    const name = head[1];
    this.pos += name.length;
    const next = this.src[this.pos];
    if (next === '}') {
      this.pos++;
      return this.valueOf(name, undefined);
    }
    if (next === ':') {
      this.pos++;
      const inner = this.sequence(true);
      this.pos++; // }
      if (/^\d+$/.test(name) && !this.defaults.has(name)) this.defaults.set(name, inner);
      return this.valueOf(name, inner);
    }
    if (next === '|') {
      const choices = this.choices();
      this.choicesSeen.set(name, choices);
      const chosen = choices[this.picks.get(name) ?? 0] ?? choices[0];
      if (!this.defaults.has(name)) this.defaults.set(name, chosen);
      return chosen;
    }
    throw new Error(`unsupported snippet syntax after \${${name} (transforms are not used here)`);
  }

  /** `|a,b\,c|}` after a tab stop number: the choices, unescaped. */
  private choices(): string[] {
    const choices: string[] = [];
    let current = '';
    this.pos++; // |
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
        current += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === ',') {
        choices.push(current);
        current = '';
        this.pos++;
      } else if (c === '|' && this.src[this.pos + 1] === '}') {
        choices.push(current);
        this.pos += 2;
        return choices;
      } else {
        current += c;
        this.pos++;
      }
    }
    throw new Error('unclosed choice');
  }

  private valueOf(name: string, placeholder: string | undefined): string {
    if (/^\d+$/.test(name)) return placeholder ?? this.defaults.get(name) ?? '';
    if (name in EDITOR_VARIABLES) return EDITOR_VARIABLES[name];
    throw new Error(`$${name} is not an editor variable: escape it as \\$${name} so the shell sees it`);
  }
}

function bodyText(snippet: Snippet): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

function prefixes(snippet: Snippet): string[] {
  return Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
}

/** A snippet that is not a whole script goes into the header of a small one. */
function asScript(snippet: Snippet, expansion: string): string {
  if (snippet.isFileTemplate) return `${expansion}\n`;
  return `#!/bin/bash\n${expansion}\n\nsrun hostname\n`;
}

function loadSnippets(): [string, Snippet][] {
  return Object.entries(JSON.parse(fs.readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>);
}

describe('snippet expansion used by these tests', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['a${1:x}b', 'axb'],
    ['${1:outer ${2:inner}}', 'outer inner'],
    ['$1|${2}|$0', '||'],
    ['${1:x} and $1', 'x and x'],
    ['$1 before ${1:y}', 'y before y'],
    ['${1|END\\,FAIL,ALL|}', 'END,FAIL'],
    ['${1|a,b|} $1', 'a a'],
    ['\\$HOME \\${X:-1} a\\}b c\\\\d', '$HOME ${X:-1} a}b c\\d'],
    ['${1:a\\}b}', 'a}b'],
    ['${TM_FILENAME_BASE}', 'job'],
    ['${1:${TM_FILENAME_BASE}}', 'job'],
    ['cost $ 5', 'cost $ 5'],
  ];
  for (const [body, expected] of cases) {
    it(`expands ${JSON.stringify(body)}`, () => assert.strictEqual(expandSnippetBody(body), expected));
  }
  it('takes the choice asked for, and lists the choices', () => {
    assert.strictEqual(expandSnippetBody('${1|a,b\\|c|} $1', new Map([['1', 1]])), 'b|c b|c');
    assert.deepStrictEqual([...choicesOf('${2|x,y|} ${1:z}')], [['2', ['x', 'y']]]);
  });
  it('refuses an unescaped shell variable', () => {
    assert.throws(() => expandSnippetBody('echo $SLURM_JOB_ID'), /escape it/);
  });
});

describe('snippets/sbatch.code-snippets', () => {
  const snippets = loadSnippets();

  it('has the job templates, each with a sbatch- prefix and a description, prefixes unique', () => {
    const all = snippets.flatMap(([, s]) => prefixes(s));
    for (const wanted of ['sbatch-header', 'sbatch-gpu', 'sbatch-array', 'sbatch-mpi']) assert.ok(all.includes(wanted), wanted);
    assert.strictEqual(new Set(all).size, all.length, `duplicate prefixes in ${all}`);
    for (const [name, s] of snippets) {
      assert.ok(prefixes(s).every((p) => p.startsWith('sbatch-')), name);
      assert.ok(s.description.length > 10, `${name} needs a description`);
    }
  });

  it('has the analysis catch a broken directive (so the clean verdicts below mean something)', () => {
    const { findings } = analyzeJobScript('#!/bin/bash\n#SBATCH --no-such-option\nsrun hostname\n');
    assert.ok(findings.some((f) => f.severity === 'error'), JSON.stringify(findings));
  });

  const versions: TargetVersion[] = ['any', ...SLURM_VERSIONS];
  for (const [name, snippet] of snippets) {
    describe(name, () => {
      // The defaults, plus one variant for each other entry of each choice list.
      let scripts: string[] = [];
      before(() => {
        const body = bodyText(snippet);
        const picks: Map<string, number>[] = [new Map()];
        for (const [stop, choices] of choicesOf(body)) {
          for (let i = 1; i < choices.length; i++) picks.push(new Map([[stop, i]]));
        }
        scripts = picks.map((pick) => asScript(snippet, expandSnippetBody(body, pick)));
      });

      it('expands without stray $ and reads as a batch script', () => {
        for (const script of scripts) {
          assert.match(script, /^#!\/bin\/bash\n/);
          assert.match(script, /^#SBATCH --/m);
        }
      });

      for (const version of versions) {
        it(`has no error or warning for Slurm ${version}`, () => {
          for (const script of scripts) {
            const { findings } = analyzeJobScript(script, { version });
            const bad = findings.filter((f) => f.severity === 'error' || f.severity === 'warning' || f.message.startsWith('Internal error'));
            assert.deepStrictEqual(bad.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`), [], script);
          }
        });
      }
    });
  }
});
