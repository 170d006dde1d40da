/**
 * Whether Slurm's commands are on this machine's PATH (a login node, or a Remote-SSH window on
 * one). Looks for the `squeue` and `sinfo` files; runs nothing. Asked once per session, and
 * only in a trusted workspace (the caller checks).
 */
import * as fs from 'fs';
import * as path from 'path';

async function isExecutable(file: string): Promise<boolean> {
  try {
    await fs.promises.access(file, fs.constants.X_OK);
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Finds a program on PATH; resolves with its full path, or undefined. */
export async function findOnPath(program: string, searchPath: string = process.env.PATH ?? ''): Promise<string | undefined> {
  const extensions = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE').split(';') : [''];
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    for (const ext of extensions) {
      const candidate = path.join(dir, program + ext);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

let detected: Promise<boolean> | undefined;

/** True when both squeue and sinfo are on PATH. Detected on the first call; later calls share it. */
export function hasLocalSlurm(): Promise<boolean> {
  detected ??= Promise.all([findOnPath('squeue'), findOnPath('sinfo')]).then(([a, b]) => a !== undefined && b !== undefined);
  return detected;
}
