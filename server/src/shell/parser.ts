/**
 * The ShellParser over a ready tree-sitter parser: parse, extract the model, free the tree. Pure
 * (no I/O): the loader, at the edge, builds the tree-sitter parser from the wasm files and hands
 * it here.
 */
import type { Parser } from 'web-tree-sitter';
import { emptyShellModel, type ShellModel, type ShellParser } from './model';
import { extractShellModel } from './extract';

/** Texts longer than this (UTF-16 code units, ~8 MB) are not parsed: no job script is that long. */
export const MAX_SHELL_TEXT = 4_000_000;

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
        return tree ? extractShellModel(tree.rootNode, text) : emptyShellModel('failed');
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
