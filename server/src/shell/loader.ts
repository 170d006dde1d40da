/**
 * The I/O edge of the shell layer: finds and reads the tree-sitter wasm files and builds a
 * ShellParser. Only the server and the CLI import this file; the analysis receives the parser as a
 * value and never loads anything itself.
 *
 * Where the wasm files are: next to the bundle (dist/ holds web-tree-sitter.wasm and
 * tree-sitter-bash.wasm, copied by scripts/bundle.mjs) or, when running the tsc output (out/, the
 * tests), in node_modules.
 */
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { Language, Parser } from 'web-tree-sitter';
import type { ShellParser } from './model';
import { createShellParser } from './parser';

/** The two wasm files: tree-sitter's runtime and the bash grammar. */
export interface ShellWasmPaths {
  runtime: string;
  bash: string;
}

const RUNTIME_FILE = 'web-tree-sitter.wasm';
const BASH_FILE = 'tree-sitter-bash.wasm';

/** The first candidate that exists, or the last one (so the error names a real place to look). */
function firstExisting(candidates: (() => string | undefined)[]): string {
  let last = '';
  for (const candidate of candidates) {
    let file: string | undefined;
    try {
      file = candidate();
    } catch {
      file = undefined; // require.resolve throws when the package is not installed (the .vsix)
    }
    if (file === undefined) continue;
    last = file;
    if (existsSync(file)) return file;
  }
  return last;
}

/** Where the wasm files are for this process: beside the running bundle first, then node_modules. */
export function defaultShellWasmPaths(): ShellWasmPaths {
  return {
    runtime: firstExisting([() => path.join(__dirname, RUNTIME_FILE), () => require.resolve(`web-tree-sitter/${RUNTIME_FILE}`)]),
    bash: firstExisting([() => path.join(__dirname, BASH_FILE), () => require.resolve(`tree-sitter-bash/${BASH_FILE}`)]),
  };
}

let runtimeReady: Promise<void> | undefined;

/**
 * Loads tree-sitter and the bash grammar and returns a ready ShellParser. Called once by the
 * server at startup and once per CLI run. Rejects (with the file it could not use) when a wasm
 * file is missing or the grammar's ABI does not match the runtime; callers go on without it.
 */
export async function loadShellParser(paths: Partial<ShellWasmPaths> = {}): Promise<ShellParser> {
  const { runtime, bash } = { ...defaultShellWasmPaths(), ...paths };
  if (!runtimeReady) {
    runtimeReady = fs
      .readFile(runtime)
      .then((wasmBinary) => Parser.init({ wasmBinary: new Uint8Array(wasmBinary) }))
      .catch((err: unknown) => {
        runtimeReady = undefined;
        throw new Error(`cannot start tree-sitter from ${runtime}: ${String(err)}`);
      });
  }
  await runtimeReady;
  let language: Language;
  try {
    language = await Language.load(new Uint8Array(await fs.readFile(bash)));
  } catch (err) {
    throw new Error(`cannot load the bash grammar from ${bash}: ${String(err)}`);
  }
  const parser = new Parser();
  parser.setLanguage(language);
  return createShellParser(parser);
}

let shared: Promise<ShellParser> | undefined;

/** The process-wide parser from the default paths, loaded on first use (a failed load is retried next time). */
export function sharedShellParser(): Promise<ShellParser> {
  if (!shared) shared = loadShellParser().catch((err: unknown) => {
    shared = undefined;
    throw err;
  });
  return shared;
}
