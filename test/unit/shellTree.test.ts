/**
 * The shell layer copies tree-sitter's tree into plain SyntaxNodes before extracting the model
 * (parser.ts), skipping the inside of words that cannot hold a command and anonymous tokens the
 * extraction never reads. These tests hold the copy against tree-sitter's own nodes, so the
 * shortcut can never change the model.
 */
import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { defaultShellWasmPaths, loadShellParser } from '../../server/src/shell/loader';
import type { ShellParser } from '../../server/src/shell/model';
import { copyTree, FIELD_PARENTS, type SyntaxNode } from '../../server/src/shell/parser';

/** Node types that a skipped subtree must not contain: the model is built from them. */
const NEVER_SKIPPED = new Set(['command_substitution', 'process_substitution', 'command', 'variable_assignment', 'ERROR']);

/** Why the copy of `real` differs from tree-sitter (first difference), or undefined when it agrees. */
function compare(copy: SyntaxNode, real: Node, field: string | null): string | undefined {
  const where = `${real.type} at ${real.startIndex}`;
  if (copy.type !== real.type || copy.startIndex !== real.startIndex || copy.endIndex !== real.endIndex) return `${where}: copied as ${copy.type} ${copy.startIndex}-${copy.endIndex}`;
  if (copy.isNamed !== real.isNamed || copy.isMissing !== real.isMissing) return `${where}: named/missing differ`;
  if (copy.field !== field) return `${where}: field ${copy.field} instead of ${field}`;
  if (copy.text !== real.text) return `${where}: text differs`;
  const children = real.children.filter((c): c is Node => c !== null);
  if (copy.children.length === 0 && children.length > 0) {
    // A skipped inside: nothing the model reads may be in it.
    const stack = [...children];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (NEVER_SKIPPED.has(n.type) || n.isMissing) return `${where}: skipped, but holds ${n.type}`;
      for (const c of n.children) if (c) stack.push(c);
    }
    return undefined;
  }
  let at = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const next = copy.children[at];
    if (next && next.startIndex === child.startIndex && next.type === child.type && next.endIndex === child.endIndex) {
      if (next.parent !== copy) return `${where}: child ${child.type} has the wrong parent`;
      const inner = compare(next, child, FIELD_PARENTS.has(real.type) ? real.fieldNameForChild(i) : null);
      if (inner) return inner;
      at++;
    } else if (child.isNamed || child.isMissing) return `${where}: named child ${child.type} at ${child.startIndex} not copied`;
  }
  return at === copy.children.length ? undefined : `${where}: extra copied children`;
}

/** Scripts whose words hide commands, errors and missing tokens in every place they can be. */
const TRICKY = [
  'echo "a ${x:-$(date)}" pre$(id)post "$(( $(nproc) * 2 ))" `hostname` <(cat f) >(tee log)\n',
  'x="$(seq 1 3)" y=${z:=`pwd`} cmd "$x"\nfor i in $(ls) {1..3} "a b"; do echo "$i"; done\n',
  'while read -r a b; do printf "%s\\n" "$a"; done < <(grep x f) 2>&1\n',
  'cat <<EOF\n$(whoami) ${HOME}\nEOF\ncat <<-\'X\'\n\tliteral $(no)\n\tX\n',
  'for ((i=0; i<$(nproc); i++)); do srun -n1 ./a "$i" & done; wait\n',
  'echo "unterminated $(date\nif true; then echo x\nfor x in a b; do\n',
  'f() { local a=$1; export B="${a}-$(date +%s)"; }\narr=( "$(id -u)" b c )\n[[ -n "$(pwd)" ]] && echo ok\n',
  'echo \'$(not a command)\' $\'\\t$(no)\' "\\$(escaped)" a\\`b\n',
  'case "$(uname)" in Linux) echo "$(uname -r)";; *) :;; esac\n',
];

describe('shell tree copy (parser.ts) against tree-sitter', function () {
  this.timeout(60000);
  let parser: Parser;
  let shell: ShellParser;
  before(async () => {
    shell = await loadShellParser(); // starts the runtime once for the process
    parser = new Parser();
    parser.setLanguage(await Language.load(new Uint8Array(readFileSync(defaultShellWasmPaths().bash))));
  });
  after(() => parser?.delete());

  const check = (text: string) => {
    const tree = parser.parse(text);
    assert.ok(tree, 'tree-sitter gave no tree');
    try {
      const copy = copyTree(tree, text);
      assert.strictEqual(copy.hasError, tree.rootNode.hasError);
      assert.strictEqual(compare(copy, tree.rootNode, null), undefined);
    } finally {
      tree.delete();
    }
  };

  TRICKY.forEach((text, i) => it(`tricky script ${i + 1}`, () => check(text)));

  it('every corpus script, and all of them as one long script', () => {
    const dir = path.join(__dirname, '../../../test/fixtures/slurm');
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.sh')).map((f) => readFileSync(path.join(dir, f), 'utf8'));
    assert.ok(scripts.length > 100);
    for (const s of scripts) check(s);
    check(scripts.join('\n'));
  });

  it('finds the commands and substitutions hidden in words', () => {
    const m = shell.parse(TRICKY[0]);
    assert.deepStrictEqual(m.substitutions.map((s) => s.body), ['date', 'id', 'nproc', 'hostname']);
    assert.deepStrictEqual(m.commands.map((c) => c.name?.text), ['echo', 'date', 'id', 'nproc', 'hostname', 'cat', 'tee']);
  });
});
