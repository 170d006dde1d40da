/**
 * Runs one process without a shell and collects what it prints: the common part of the local
 * and the SSH runner. Enforces a timeout (SIGTERM, then SIGKILL) and a cap on stdout.
 */
import { spawn, type SpawnOptions } from 'child_process';
import type { CommandResult } from './types';

/** How to run one process. */
export interface ProcessRunOptions {
  timeoutMs: number;
  maxOutputBytes: number;
  stdin?: string;
  binary?: boolean;
  /** Passed to spawn (uid/gid/env/cwd); `shell` is always false. */
  spawnOptions?: Omit<SpawnOptions, 'shell' | 'stdio'>;
}

/** Time between SIGTERM and SIGKILL when a process has to be stopped. */
const KILL_GRACE_MS = 2000;
/** How long to wait for the pipes to close after the process exited (see NOTE below). */
const PIPE_CLOSE_GRACE_MS = 2000;
/** Cap on collected stderr (messages only; the rest is dropped). */
const MAX_STDERR_BYTES = 256 * 1024;

/**
 * Spawns argv[0] with argv[1..] as its arguments (no shell), feeds stdin, and resolves when the
 * process has ended. Never rejects: a program that cannot be started comes back as exit code
 * 127 ("command not found") or 126 (not executable), with the reason in stderr.
 */
export function runProcess(argv: string[], options: ProcessRunOptions): Promise<CommandResult> {
  return new Promise((resolve) => {
    if (argv.length === 0 || argv[0] === '') {
      resolve({ exitCode: 127, stdout: '', stderr: 'no command given', timedOut: false });
      return;
    }
    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;
    const stderrChunks: Buffer[] = [];
    let stderrBytes = 0;
    let timedOut = false;
    let truncated = false;
    let settled = false;
    let exitCode: number | null = null;
    const timers: ReturnType<typeof setTimeout>[] = [];

    const child = spawn(argv[0], argv.slice(1), { ...options.spawnOptions, shell: false, stdio: ['pipe', 'pipe', 'pipe'] });

    const finish = (extraStderr = ''): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      const out = Buffer.concat(stdoutChunks);
      resolve({
        exitCode,
        stdout: out.toString('utf8'),
        stderr: Buffer.concat(stderrChunks).toString('utf8') + extraStderr,
        timedOut,
        ...(truncated ? { truncated } : {}),
        ...(options.binary ? { stdoutBytes: out } : {}),
      });
    };
    const stop = (): void => {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
      t.unref?.();
      timers.push(t);
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      // spawn failures (ENOENT, EACCES) arrive here; nothing else is expected
      if (child.pid === undefined) {
        exitCode = error.code === 'ENOENT' ? 127 : 126;
        finish(`${argv[0]}: command not found or not executable (${error.code ?? error.message})`);
      }
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (truncated) return;
      if (stdoutBytes + chunk.length > options.maxOutputBytes) {
        stdoutChunks.push(chunk.subarray(0, options.maxOutputBytes - stdoutBytes));
        stdoutBytes = options.maxOutputBytes;
        truncated = true;
        stop();
        return;
      }
      stdoutChunks.push(chunk);
      stdoutBytes += chunk.length;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderrBytes < MAX_STDERR_BYTES) {
        stderrChunks.push(chunk.subarray(0, MAX_STDERR_BYTES - stderrBytes));
        stderrBytes += chunk.length;
      }
    });
    child.on('exit', (code) => {
      exitCode = code;
      // NOTE: a process that leaves a child holding our pipes (an ssh ControlPersist master of
      // an old OpenSSH) would keep 'close' from coming; the output is complete once the process
      // exited and the pipes are drained, so do not wait forever.
      const t = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish();
      }, PIPE_CLOSE_GRACE_MS);
      t.unref?.();
      timers.push(t);
    });
    child.on('close', (code) => {
      if (exitCode === null) exitCode = code;
      finish();
    });

    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs);
    timer.unref?.();
    timers.push(timer);

    child.stdin?.on('error', () => {
      // the program may exit without reading its input (EPIPE); its exit status tells the story
    });
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
    else child.stdin?.end();
  });
}
