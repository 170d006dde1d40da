/**
 * SshRunner: Slurm commands on a remote host through the system OpenSSH client, so the user's
 * ~/.ssh/config (aliases, ProxyJump, keys, agent, known_hosts) applies as in a terminal.
 *
 * One multiplexed connection per host: ControlMaster=auto with a socket in a private directory
 * and ControlPersist=600, so after the first command a refresh costs one session on the warm
 * master, not a handshake. BatchMode=yes: ssh never prompts (a prompt would hang the panel); it
 * fails instead and the error is classified. Host-key checking is never turned off.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { QueueError } from './errors';
import { remoteCommandLine } from './shellQuote';
import { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_TIMEOUT_MS } from './transportLocal';
import { runProcess } from './transportProcess';
import type { CommandResult, CommandRunner, RunOptions } from './types';

/** Options of the SSH runner. */
export interface SshRunnerOptions {
  /** Host alias (or user@host) as the user would type it after `ssh`. */
  host: string;
  /** Use this file instead of ~/.ssh/config (`ssh -F`). */
  configFile?: string;
  /** Extra `-o Key=Value` options. Options that weaken host-key checks are refused. */
  sshOptions?: string[];
  /** Directory for the control sockets (default: a private one under the temp dir). */
  controlDir?: string;
  /** The ssh program (default "ssh" on PATH). */
  sshPath?: string;
  /** Default per-command timeout (30 s). */
  timeoutMs?: number;
  /** Seconds ssh may take to connect (ConnectTimeout, default 10). */
  connectTimeoutSec?: number;
  maxOutputBytes?: number;
  /** Multiplex over one master connection (default: yes, except on Windows, whose OpenSSH lacks it). */
  multiplex?: boolean;
}

// NOTE: these options would turn host-key checking off or point it at nothing; a setting
// must not be able to do that. The user's own ssh config is theirs and not inspected.
const REFUSED_OPTION = /^\s*(StrictHostKeyChecking\s*[= ]\s*(no|off)|UserKnownHostsFile\s*[= ]\s*\/dev\/null|GlobalKnownHostsFile\s*[= ]\s*\/dev\/null|ProxyCommand|LocalCommand|PermitLocalCommand|KnownHostsCommand)\b/i;

/**
 * Checks a host alias: non-empty, no leading '-' (would be read as an ssh option), no spaces
 * or control characters. Returns a problem description or undefined when it is fine.
 */
export function hostProblem(host: string): string | undefined {
  if (host === '') return 'the host is empty';
  if (host.startsWith('-')) return `the host "${host}" starts with '-'`;
  if (/[\s\x00-\x1f\x7f]/.test(host)) return `the host "${host}" contains spaces or control characters`;
  return undefined;
}

/**
 * Where control sockets go: /tmp where it exists (a socket path must stay under ~104 bytes, and
 * macOS's per-user temp dir is long; %C adds 40), else the OS temp dir.
 */
function defaultControlBase(): string {
  return fs.existsSync('/tmp') ? '/tmp' : os.tmpdir();
}

/**
 * The private directory for control sockets: <tmp>/hpcw-ssh-<uid>, mode 0700, owned by us.
 * A directory of that name owned by someone else or open to others is not used (a fresh
 * mkdtemp directory is used instead).
 */
export function privateControlDir(base = defaultControlBase()): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = path.join(base, `hpcw-ssh-${uid ?? os.userInfo().username}`);
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const st = fs.lstatSync(dir);
  const ours = st.isDirectory() && !st.isSymbolicLink() && (uid === undefined || st.uid === uid);
  if (ours && (st.mode & 0o077) === 0) return dir;
  return fs.mkdtempSync(path.join(base, 'hpcw-ssh-'));
}

/** Runs commands as `ssh [options] -- host '<word>' '<word>' …`. */
export class SshRunner implements CommandRunner {
  private readonly options: SshRunnerOptions;
  private controlDir: string | undefined;

  /** Throws a QueueError('invalid-argument') for a bad host or a refused option. */
  constructor(options: SshRunnerOptions) {
    const problem = hostProblem(options.host);
    if (problem) throw new QueueError('invalid-argument', problem, 'Use the host alias as you would type it after `ssh`.');
    for (const o of options.sshOptions ?? []) {
      if (REFUSED_OPTION.test(o) || o.startsWith('-')) {
        throw new QueueError('invalid-argument', `ssh option refused: ${o}`,
          'Options that turn off host-key checking or run local commands are not accepted; put them in your ssh config if you really need them.');
      }
    }
    this.options = options;
  }

  /** The ssh arguments before the remote command (exposed for tests and the benchmark). */
  sshArgs(): string[] {
    const o = this.options;
    const args: string[] = [];
    if (o.configFile) args.push('-F', o.configFile);
    args.push('-T', '-o', 'BatchMode=yes', '-o', `ConnectTimeout=${o.connectTimeoutSec ?? 10}`);
    if (this.multiplexing()) {
      this.controlDir ??= o.controlDir ?? privateControlDir();
      args.push('-o', 'ControlMaster=auto', '-o', `ControlPath=${path.join(this.controlDir, '%C')}`, '-o', 'ControlPersist=600');
    }
    for (const extra of o.sshOptions ?? []) args.push('-o', extra);
    return args;
  }

  /**
   * Runs argv on the remote host, every word single-quoted for the remote shell. Resolves with
   * ssh's result (exit 255 and ssh's message when the connection failed); never rejects.
   */
  run(argv: string[], options: RunOptions = {}): Promise<CommandResult> {
    // NOTE: no `cd dir &&` (that would be shell text); env(1) changes directory and runs argv
    const command = remoteCommandLine(options.cwd !== undefined ? ['env', '-C', options.cwd, '--', ...argv] : argv);
    if (command === undefined || argv.length === 0) {
      return Promise.resolve({ exitCode: 2, stdout: '', stderr: 'hpcw: a command word contains a NUL byte', timedOut: false });
    }
    return runProcess([this.options.sshPath ?? 'ssh', ...this.sshArgs(), '--', this.options.host, command], {
      timeoutMs: options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxOutputBytes: this.options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      stdin: options.stdin,
      binary: options.binary,
    });
  }

  private multiplexing(): boolean {
    return this.options.multiplex ?? process.platform !== 'win32';
  }

  /** Asks the master connection to exit (`ssh -O exit`); resolves when ssh has answered. */
  closeMaster(): Promise<void> {
    if (!this.multiplexing() || this.controlDir === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      const child = spawn(this.options.sshPath ?? 'ssh', [...this.sshArgs(), '-O', 'exit', '--', this.options.host], { stdio: 'ignore', shell: false });
      child.on('error', () => resolve());
      child.on('close', () => resolve());
    });
  }

  /** Closes the master connection in the background. */
  dispose(): void {
    void this.closeMaster();
  }
}
