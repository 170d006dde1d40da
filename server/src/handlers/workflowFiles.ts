import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkflowFileReader } from '../workflow/types';

/** Schema files and Snakefiles larger than this are not read. */
const MAX_READ_BYTES = 8 * 1024 * 1024;

/**
 * The engine's file reader at the server's edge: the text of an open document when the editor has
 * one for the path (so an edited nextflow_schema.json counts before it is saved), else the file on
 * disk (regular files up to 8 MiB, cached by modification time and size). Relative paths are
 * taken from `folder`. Missing or unreadable files are undefined; nothing throws.
 */
export class WorkflowFiles {
  private cache = new Map<string, { mtimeMs: number; size: number; text: string }>();

  constructor(private readonly documents?: TextDocuments<TextDocument>) {}

  /** A reader for the engine, resolving relative paths against `folder`. */
  reader(folder: string): WorkflowFileReader {
    return (written) => this.read(path.resolve(folder, written));
  }

  private read(full: string): string | undefined {
    const open = this.documents?.get(pathToFileURL(full).toString());
    if (open) return open.getText();
    try {
      const stat = fs.statSync(full);
      if (!stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
      const hit = this.cache.get(full);
      if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.text;
      const text = fs.readFileSync(full, 'utf8');
      this.cache.set(full, { mtimeMs: stat.mtimeMs, size: stat.size, text });
      return text;
    } catch {
      return undefined;
    }
  }
}
