/**
 * Error classification: the messages ssh and the Slurm commands print (wording from OpenSSH 9
 * and Slurm 22.05 as seen on the test cluster, plus Slurm's source) → the kind the view shows.
 */
import * as assert from 'assert';
import { classifyResult, type CommandContext } from '../../../client/src/queue/classify';
import type { CommandResult, QueueErrorKind } from '../../../client/src/queue/types';

const ssh: CommandContext = { transport: 'ssh', where: 'cluster', program: 'squeue' };
const local: CommandContext = { transport: 'local', where: 'here', program: 'squeue' };
const result = (exitCode: number | null, stderr: string, extra: Partial<CommandResult> = {}): CommandResult => ({ exitCode, stdout: '', stderr, timedOut: false, ...extra });

const table: [string, CommandResult, CommandContext, QueueErrorKind | undefined][] = [
  ['success', result(0, ''), ssh, undefined],
  ['success with warnings on stderr', result(0, 'squeue: warning: x'), local, undefined],
  ['unknown host key', result(255, 'No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\r\nHost key verification failed.\r\n'), ssh, 'host-key'],
  ['changed host key', result(255, '@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n'), ssh, 'host-key'],
  ['wrong key', result(255, 'slurmtest@127.0.0.1: Permission denied (publickey).\r\n'), ssh, 'ssh-auth'],
  ['locked account', result(255, 'User slurmtest not allowed because account is locked'), ssh, 'ssh-auth'],
  ['port closed', result(255, 'ssh: connect to host 127.0.0.1 port 1: Connection refused\r\n'), ssh, 'ssh-unreachable'],
  ['dns', result(255, 'ssh: Could not resolve hostname nope: Name or service not known\r\n'), ssh, 'ssh-unreachable'],
  ['timeout connecting', result(255, 'ssh: connect to host 10.0.0.1 port 22: Connection timed out'), ssh, 'ssh-unreachable'],
  ['dropped', result(255, 'Connection closed by 127.0.0.1 port 2222'), ssh, 'ssh-unreachable'],
  ['other ssh failure', result(255, 'ssh: some new failure'), ssh, 'ssh-unreachable'],
  ['sbatch parse error over ssh (exit 255 too) is not an ssh failure', result(255, 'sbatch: error: Invalid --time specification'), ssh, 'failed'],
  ['controller down (squeue)', result(1, 'slurm_load_jobs error: Unable to contact slurm controller (connect failure)'), local, 'controller-down'],
  ['controller down over ssh', result(1, 'slurm_load_jobs error: Unable to contact slurm controller (connect failure)'), ssh, 'controller-down'],
  ['socket timeout', result(1, 'squeue: error: Socket timed out on send/recv operation'), local, 'controller-down'],
  ['sbatch while controller is down', result(1, 'sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)'), local, 'controller-down'],
  ['slurmdbd down (sacct)', result(1, 'sacct: error: slurm_persist_conn_open_without_init: failed to open persistent connection to host:localhost:6819: Connection refused'), local, 'controller-down'],
  ['command missing over ssh', result(127, 'bash: line 1: squeue: command not found'), ssh, 'command-missing'],
  ['command missing (sh wording)', result(127, 'sh: 1: squeue: not found'), ssh, 'command-missing'],
  ['someone else\'s job', result(1, 'scancel: error: Kill job error on job id 5: Access/permission denied'), ssh, 'permission'],
  ['exit 210 with permission text', result(210, 'Access/permission denied'), local, 'permission'],
  ['unreadable log', result(1, "stat: cannot statx '/x': Permission denied"), ssh, 'permission'],
  ['timeout', result(null, '', { timedOut: true }), ssh, 'timeout'],
  ['cut-off output', result(null, '', { truncated: true }), local, 'partial-output'],
  ['plain failure', result(1, 'scontrol: error: Invalid job id specified'), local, 'failed'],
  ['killed by a signal', result(null, ''), local, 'failed'],
];

describe('queue/classifyResult', () => {
  for (const [what, r, ctx, kind] of table) {
    it(`${what} → ${kind ?? 'no error'}`, () => {
      const error = classifyResult(r, ctx);
      assert.strictEqual(error?.kind, kind);
      if (error) {
        assert.ok(error.hint.length > 5, 'a hint in words');
        assert.ok(error.message.length > 5);
        if (r.stderr.trim()) assert.strictEqual(error.detail, r.stderr.trim());
      }
    });
  }

  it('the host-key hint tells the user to run ssh once in a terminal', () => {
    assert.match(classifyResult(table[2][1], ssh)?.hint ?? '', /`ssh cluster`/);
  });
});
