/**
 * Turns a failed command into a QueueError the view can show: what went wrong and what to do.
 * Works on the exit status and the messages of ssh and of the Slurm commands (their wording has
 * been stable from 22.05 to master).
 */
import { QueueError } from './errors';
import type { CommandResult, QueueErrorKind } from './types';

/** Where the command ran, for the wording of hints. */
export interface CommandContext {
  transport: 'local' | 'ssh';
  /** Host alias (ssh) or cluster name, for messages. */
  where: string;
  /** The program that ran (squeue, sacct, …). */
  program: string;
}

interface Pattern {
  kind: QueueErrorKind;
  test: RegExp;
  /** Only when ssh itself failed (exit 255). */
  sshOnly?: boolean;
  message: (c: CommandContext) => string;
  hint: (c: CommandContext) => string;
}

// NOTE: ssh's own failures first (only for exit 255, as a remote program may print similar
// words); then Slurm's. sbatch also exits 255 for its own parse errors, which match nothing here.
const PATTERNS: Pattern[] = [
  {
    kind: 'host-key', sshOnly: true,
    test: /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No (?:[A-Z0-9-]+ )?host key is known|host key for .* has changed/i,
    message: (c) => `The host key of ${c.where} is unknown or has changed.`,
    hint: (c) => `Run \`ssh ${c.where}\` once in a terminal and check the host key it shows; then refresh.`,
  },
  {
    kind: 'ssh-auth', sshOnly: true,
    test: /Permission denied \(|Too many authentication failures|Authentication failed|no matching host key type|User .* not allowed/i,
    message: (c) => `ssh could not log in to ${c.where}.`,
    hint: (c) => `Check that \`ssh ${c.where}\` logs in without a password prompt (a key in ssh-agent or in your ssh config).`,
  },
  {
    kind: 'ssh-unreachable', sshOnly: true,
    test: /Could not resolve hostname|Connection refused|Connection timed out|Operation timed out|No route to host|Network is unreachable|Connection closed by|Connection reset|kex_exchange_identification|banner exchange|Broken pipe|port \d+: /i,
    message: (c) => `Cannot reach ${c.where} over ssh.`,
    hint: (c) => `Check the network/VPN and that \`ssh ${c.where}\` works in a terminal; the panel retries by itself.`,
  },
  {
    kind: 'controller-down',
    test: /Unable to contact slurm controller|Socket timed out on send\/recv|Zero Bytes were transmitted or received|Connection refused|slurm_load_jobs error: Unable|Slurm backup controller in standby|Problem talking to the database|slurmdbd: Connection refused|Unable to contact .*slurmdbd/i,
    message: (c) => `The Slurm controller on ${c.where} does not answer (${c.program}).`,
    hint: () => 'Slurm itself is down or busy (maintenance?); the panel retries with backoff. Nothing to do on your side.',
  },
  {
    kind: 'permission',
    test: /Access\/permission denied|Permission denied|not authorized|Only owner|Requested operation not supported on this job/i,
    message: (c) => `${c.program}: not allowed.`,
    hint: () => 'You can only act on your own jobs (unless you are a Slurm operator).',
  },
  {
    kind: 'command-missing',
    test: /command not found|: not found$/im,
    message: (c) => `${c.program} was not found on ${c.where}.`,
    hint: (c) => c.transport === 'ssh'
      ? 'The Slurm commands must be on the PATH of a non-interactive login (check ~/.bashrc or module loads on the cluster).'
      : 'Install the Slurm client commands or put them on PATH (this window runs where no Slurm is available).',
  },
];

/**
 * The QueueError for a command result, or undefined when the command succeeded (exit 0, not
 * timed out, not truncated). Exit 127 is always 'command-missing'.
 */
export function classifyResult(result: CommandResult, context: CommandContext): QueueError | undefined {
  const stderr = result.stderr.trim();
  const detail = stderr === '' ? undefined : stderr.slice(0, 2000);
  if (result.timedOut) {
    return new QueueError('timeout', `${context.program} on ${context.where} did not answer in time.`,
      'The cluster or the connection is slow; the panel retries with backoff.', detail);
  }
  if (result.truncated) {
    return new QueueError('partial-output', `${context.program} printed more than the panel reads; its output was cut off.`,
      'Narrow the view (your jobs only, a state or partition filter).', detail);
  }
  if (result.exitCode === 0) return undefined;
  const sshFailed = context.transport === 'ssh' && result.exitCode === 255;
  if (result.exitCode === 127) return make('command-missing', context, detail);
  for (const p of PATTERNS) {
    if (p.sshOnly && !sshFailed) continue;
    if (p.test.test(stderr)) return new QueueError(p.kind, p.message(context), p.hint(context), detail);
  }
  if (sshFailed && result.stdout === '' && /^ssh:|^ssh_|mux_client|ControlSocket|control socket/im.test(stderr)) {
    return new QueueError('ssh-unreachable', `ssh to ${context.where} failed.`,
      `Check that \`ssh ${context.where}\` works in a terminal.`, detail);
  }
  if (result.exitCode === null) {
    return new QueueError('failed', `${context.program} was stopped by a signal.`, 'Try again.', detail);
  }
  const firstLine = stderr.split('\n').find((l) => l.trim() !== '') ?? `exit status ${result.exitCode}`;
  return new QueueError('failed', `${context.program}: ${firstLine}`, 'See the details for Slurm\'s message.', detail);
}

function make(kind: QueueErrorKind, context: CommandContext, detail?: string): QueueError {
  const p = PATTERNS.find((x) => x.kind === kind);
  return p ? new QueueError(kind, p.message(context), p.hint(context), detail) : new QueueError(kind, kind, '', detail);
}
