/**
 * LocalRunner: Slurm commands on this machine (a login node, or VS Code's Remote-SSH server).
 */
import { promises as fsp } from 'fs';
import { runProcess } from './transportProcess';
import type { CommandResult, CommandRunner, RunOptions } from './types';

/** Options of the local runner. */
export interface LocalRunnerOptions {
  /** Default per-command timeout (30 s). */
  timeoutMs?: number;
  /** Stop a command whose stdout grows past this (64 MiB) and report 'partial-output'. */
  maxOutputBytes?: number;
  /** Run commands as this user/group (only possible for root; used by the tests). */
  uid?: number;
  gid?: number;
  /** Environment of the commands (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Runs commands with child_process.spawn, never through a shell; reads files with fs. */
export class LocalRunner implements CommandRunner {
  private readonly options: LocalRunnerOptions;
  /**
   * Direct file reading with fs; absent when the runner has a uid (then the cluster reads files
   * through `stat`/`dd` run as that user, so the permissions are the user's).
   */
  readonly readFile?: (path: string, offset: number, maxBytes: number) => Promise<{ bytes: Buffer; size: number }>;

  constructor(options: LocalRunnerOptions = {}) {
    this.options = options;
    if (options.uid === undefined) this.readFile = readFileRange;
  }

  /** Runs argv as is (argv[0] looked up on PATH). Resolves with the result; never rejects. */
  run(argv: string[], options: RunOptions = {}): Promise<CommandResult> {
    return runProcess(argv, {
      timeoutMs: options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxOutputBytes: this.options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      stdin: options.stdin,
      binary: options.binary,
      spawnOptions: {
        ...(this.options.uid !== undefined ? { uid: this.options.uid } : {}),
        ...(this.options.gid !== undefined ? { gid: this.options.gid } : {}),
        ...(this.options.env ? { env: this.options.env } : {}),
        ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      },
    });
  }

  /** Nothing to release. */
  dispose(): void {
    // no connections or processes are kept
  }
}

/**
 * Reads up to maxBytes of a file from offset on, and its current size. Rejects with the fs
 * error (ENOENT, EACCES) for the cluster to classify.
 */
async function readFileRange(path: string, offset: number, maxBytes: number): Promise<{ bytes: Buffer; size: number }> {
  const handle = await fsp.open(path, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.max(0, Math.min(maxBytes, size - offset));
    const buffer = Buffer.alloc(length);
    const { bytesRead } = length > 0 ? await handle.read(buffer, 0, length, offset) : { bytesRead: 0 };
    return { bytes: buffer.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}
