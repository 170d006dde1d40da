/**
 * The ShellParser over a ready tree-sitter parser: parse, copy the parts of the tree the model
 * needs into plain objects (one cursor walk), extract the model, free the tree. Pure (no I/O):
 * the loader, at the edge, builds the tree-sitter parser from the wasm files and hands it here.
 *
 * Why a copy: every property of a web-tree-sitter node (type, end, children, fields) is a call
 * into wasm, and the extraction reads many of them several times. One cursor walk that reads each
 * node once, and skips the inside of words that cannot hold a command, is several times faster.
 */
import type { Parser, Tree } from 'web-tree-sitter';
import { emptyShellModel, type ShellModel, type ShellParser } from './model';
import { extractShellModel } from './extract';

/** Texts longer than this (UTF-16 code units, ~8 MB) are not parsed: no job script is that long. */
export const MAX_SHELL_TEXT = 4_000_000;

/**
 * A syntax node copied out of tree-sitter: the members the extraction reads, with tree-sitter's
 * names and meanings (indices are UTF-16 offsets into the parsed string).
 */
export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  /**
   * The field this node fills in its parent (`name`, `argument`, `body`, ...), if any; only read
   * for children of FIELD_PARENTS (null elsewhere).
   */
  field: string | null = null;
  parent: SyntaxNode | null = null;
  hasError = false;

  constructor(
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly source: string,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }
  get childCount(): number {
    return this.children.length;
  }
  get namedChildren(): SyntaxNode[] {
    return this.children.filter((c) => c.isNamed);
  }
  get firstChild(): SyntaxNode | null {
    return this.children[0] ?? null;
  }
  get firstNamedChild(): SyntaxNode | null {
    return this.children.find((c) => c.isNamed) ?? null;
  }
  childForFieldName(field: string): SyntaxNode | null {
    return this.children.find((c) => c.field === field) ?? null;
  }
  childrenForFieldName(field: string): SyntaxNode[] {
    return this.children.filter((c) => c.field === field);
  }
}

/**
 * Leaf-like nodes whose inside the extraction never reads, except for the commands a `$(...)`,
 * a backquote or a `<(...)` in them may hold (and syntax errors): their children are not copied
 * unless their text holds one of those.
 */
const OPAQUE = new Set([
  'word', 'number', 'raw_string', 'ansi_c_string', 'string_content', 'simple_expansion', 'expansion',
  'variable_name', 'special_variable_name', 'comment', 'file_descriptor', 'heredoc_start', 'heredoc_end',
  'heredoc_content', 'test_operator', 'regex', 'extglob_pattern', 'brace_expression',
]);
const MAY_HOLD_COMMANDS = /\$\(|`|[<>]\(/;
/**
 * Parents whose anonymous children (operators, keywords) the extraction reads; elsewhere an
 * anonymous child is only stepped over, not copied.
 */
const KEEPS_TOKENS = new Set([
  'file_redirect', 'heredoc_redirect', 'herestring_redirect', 'variable_assignment', 'for_statement', 'select_statement',
  'c_style_for_statement', 'while_statement', 'until_statement', 'declaration_command', 'unset_command', 'command_substitution',
  'concatenation',
]);
/** Parents whose children's fields the extraction reads; other nodes have `field` null (one wasm call less each). */
export const FIELD_PARENTS = new Set([
  'command', 'variable_assignment', 'redirected_statement', 'file_redirect', 'heredoc_redirect', 'herestring_redirect',
  'for_statement', 'select_statement', 'c_style_for_statement', 'while_statement', 'until_statement', 'binary_expression',
  'function_definition',
]);
/** A double-quoted string without `$` or a backquote holds only literal text: nothing to copy inside. */
const MAY_EXPAND = /[$`]/;

/** Copies the tree of `text` into SyntaxNodes (iterative; a cursor reads each visited node once). */
export function copyTree(tree: Tree, text: string): SyntaxNode {
  const language = tree.language;
  const rootNode = tree.rootNode;
  const checkErrors = rootNode.hasError;
  const namedByType = new Map<number, boolean>();
  const cursor = tree.walk();
  let id = 0;
  try {
    const path: SyntaxNode[] = [];
    let root: SyntaxNode | undefined;
    for (;;) {
      const typeId = cursor.nodeTypeId;
      const type = language.types[typeId] || 'ERROR';
      let isNamed = namedByType.get(typeId);
      if (isNamed === undefined) namedByType.set(typeId, (isNamed = cursor.nodeIsNamed));
      const parent = path[path.length - 1];
      // A missing node (`done`, `fi`, `"` the parser made up) is a syntax error: always copied. It
      // is empty, so for nodes whose span is read anyway only empty ones are asked.
      let copied = isNamed || !parent || KEEPS_TOKENS.has(parent.type);
      let isMissing = false;
      let start = 0;
      let end = 0;
      if (copied) {
        start = cursor.startIndex;
        end = cursor.endIndex;
        isMissing = checkErrors && start === end && cursor.nodeIsMissing;
      } else if (checkErrors && cursor.nodeIsMissing) {
        copied = isMissing = true;
        start = cursor.startIndex;
        end = cursor.endIndex;
      }
      let enter = false;
      if (copied) {
        const node = new SyntaxNode(id++, type, isNamed, isMissing, start, end, text);
        if (parent) {
          if (FIELD_PARENTS.has(parent.type)) node.field = cursor.currentFieldName;
          node.parent = parent;
          parent.children.push(node);
        } else root = node;
        enter = isNamed;
        if (enter && (OPAQUE.has(type) ? !MAY_HOLD_COMMANDS.test(node.text) : type === 'string' && !MAY_EXPAND.test(node.text))) {
          enter = checkErrors && cursor.currentNode.hasError;
        }
        if (enter) path.push(node);
      }
      if (enter) {
        if (cursor.gotoFirstChild()) continue;
        path.pop();
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || path.length === 0) {
          root!.hasError = checkErrors;
          return root!;
        }
        path.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * Wraps a tree-sitter parser whose language is already bash. The returned parse() never throws:
 * a text that is too long gives a `too-large` model, a failure inside tree-sitter a `failed` one.
 * Each tree is deleted right after extraction, so the wasm heap does not grow per document version.
 */
export function createShellParser(parser: Parser): ShellParser {
  return {
    parse(text: string): ShellModel {
      if (text.length > MAX_SHELL_TEXT) return emptyShellModel('too-large');
      let tree: ReturnType<Parser['parse']> = null;
      try {
        tree = parser.parse(text);
        if (!tree) return emptyShellModel('failed');
        const root = copyTree(tree, text);
        tree.delete();
        tree = null;
        return extractShellModel(root, text);
      } catch {
        // A failure inside the wasm parser must not cost the other findings; the rules that read
        // the shell body simply see nothing.
        return emptyShellModel('failed');
      } finally {
        tree?.delete();
      }
    },
  };
}
