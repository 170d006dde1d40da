/**
 * Plain value types shared by every analysis. Nothing here knows LSP or VS Code:
 * positions are 0-based lines and UTF-16 columns (the same convention LSP uses, so the
 * server's edge converts without arithmetic), and severities are our own words.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A text replacement in the analysed document. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** One way to repair a finding. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants (shown first, applied by "auto fix"). */
  isPreferred?: boolean;
  /** True when this fix can be applied together with other safe fixes without review. */
  safe: boolean;
  /**
   * A change text edits cannot express, which each front end carries out its own way
   * (`set-eol-lf`: an editor switches the document to LF line endings; the CLI rewrites the file).
   */
  editorAction?: 'set-eol-lf';
  /**
   * Changes to other files than the analysed one (a multi-file fix, e.g. a new array job script
   * next to the submit script). `edits` above always apply to the analysed document.
   */
  files?: FileChange[];
}

/**
 * A change to a file other than the analysed document. `path` is as a script would write it:
 * relative to the analysed document's folder, or absolute.
 */
export type FileChange =
  /** Create a new file with this text (never overwrites: the fix picks a free name). */
  | { kind: 'create'; path: string; text: string }
  /** Edit an existing file (ranges in that file's own text). */
  | { kind: 'edit'; path: string; edits: TextEdit[] };

/** One finding of a rule: what is wrong, where, and how to repair it. */
export interface Finding {
  /** Rule id, e.g. `slurm/unknown-option`. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Ways to repair it (may be empty). Chosen by code, never by message text. */
  fixes: Fix[];
  /** Extra machine-readable facts a front end may show or pass back (e.g. a suggested name). */
  data?: Record<string, unknown>;
}

/** One completion item as plain data (the server's edge turns it into LSP); `kind` is the feature's own. */
export interface Completion<Kind extends string = string> {
  label: string;
  kind: Kind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert; a snippet (with $1 tab stops) when `isSnippet`. */
  insertText: string;
  isSnippet: boolean;
  /** The text the item replaces. */
  range: Range;
  sortText: string;
  filterText?: string;
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}
