import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { FileReader } from '../rules/types';

/** Files larger than this are not read for a fix (a job script is a few KiB). */
const MAX_FIX_INPUT_BYTES = 2 * 1024 * 1024;

/**
 * The folder a `file:` document lives in, or undefined for other schemes (untitled, remote
 * virtual file systems): fixes that need other files are then not offered.
 */
export function documentFolder(uri: string): string | undefined {
  const file = uriPath(uri);
  return file === undefined ? undefined : path.dirname(file);
}

/** The file path of a `file:` URI, or undefined for other schemes (or a malformed URI). */
export function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The text of a regular file of at most `maxBytes` (UTF-8), or undefined when it is missing, not a
 * regular file, too large or unreadable. Never throws. The one disk read of the server's and the
 * CLI's file readers.
 */
export function readTextFile(full: string, maxBytes: number): string | undefined {
  try {
    const stat = fs.statSync(full);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    return fs.readFileSync(full, 'utf8');
  } catch {
    return undefined;
  }
}

/** Turns a path as a script writes it (relative to its folder, `~/`, or absolute) into an absolute path. */
export function resolveScriptPath(folder: string, written: string, home: string | undefined = process.env.HOME): string | undefined {
  if (written === '') return undefined;
  if (written === '~' || written.startsWith('~/')) return home ? path.join(home, written.slice(1)) : undefined;
  return path.resolve(folder, written);
}

/**
 * A FileReader for the rules' multi-file fixes: reads regular files of at most 2 MiB as UTF-8,
 * by paths relative to `folder`; anything else (missing, a directory, unreadable, too large) is
 * undefined. Called only when the user asks for the fixes of a finding.
 */
export function diskFileReader(folder: string): FileReader {
  return (written) => {
    const full = resolveScriptPath(folder, written);
    return full ? readTextFile(full, MAX_FIX_INPUT_BYTES) : undefined;
  };
}

/** The `file:` URI of a path a fix names, relative to the analysed document's folder. */
export function fileUriFor(folder: string, written: string): string | undefined {
  const full = resolveScriptPath(folder, written);
  return full ? pathToFileURL(full).toString() : undefined;
}
