/**
 * A private slurmctld for the controller-down test: the test starts it, stops it and starts it
 * again itself, so the cluster everyone else's tests use is never touched. Same binary, same
 * munge, its own slurm.conf (own port, state directory, pid and log files; one node with no
 * slurmd, so jobs only queue). Client commands reach it with SLURM_CONF=<its conf>.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { CommandResult, CommandRunner, RunOptions } from '../../../client/src/queue/types';
import { pollUntil } from './poll';

/** A port nobody listens on right now (bound and released). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The private controller: its conf file and start/stop of the daemon this process owns. */
export class PrivateController {
  readonly dir: string;
  readonly conf: string;
  private child: ChildProcess | undefined;

  private constructor(dir: string, conf: string) {
    this.dir = dir;
    this.conf = conf;
  }

  /** Writes the configuration (readable by every user, as /etc/slurm is) and starts slurmctld. */
  static async create(): Promise<PrivateController> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hpcwq-ctld-'));
    fs.chmodSync(dir, 0o755);
    const state = path.join(dir, 'state');
    fs.mkdirSync(state);
    const root = process.getuid?.() === 0;
    const slurmUser = root ? 'slurm' : os.userInfo().username;
    if (root) spawnSync('chown', [slurmUser, state]);
    const [ctldPort, slurmdPort] = [await freePort(), await freePort()];
    const conf = path.join(dir, 'slurm.conf');
    fs.writeFileSync(conf, [
      '# private controller of test/queue/cluster/zz-controller.test.ts',
      'ClusterName=hpcwq', 'SlurmctldHost=localhost', 'AuthType=auth/munge', 'CredType=cred/munge', `SlurmUser=${slurmUser}`,
      `SlurmctldPort=${ctldPort}`, `SlurmdPort=${slurmdPort}`, 'CommunicationParameters=NoInAddrAny,NoCtldInAddrAny',
      `StateSaveLocation=${state}`, `SlurmdSpoolDir=${path.join(dir, 'spool')}`, `SlurmctldPidFile=${path.join(dir, 'slurmctld.pid')}`,
      `SlurmctldLogFile=${path.join(dir, 'slurmctld.log')}`,
      // clients give up on a dead controller after about this many seconds (default 10)
      'MessageTimeout=3',
      'ProctrackType=proctrack/linuxproc', 'TaskPlugin=task/none', 'SelectType=select/cons_tres', 'SelectTypeParameters=CR_Core_Memory',
      'MpiDefault=none', 'SwitchType=switch/none', 'AccountingStorageType=accounting_storage/none', 'JobCompType=jobcomp/none',
      'NodeName=hpcwqnode NodeAddr=127.0.0.1 CPUs=2 RealMemory=1000 State=UNKNOWN',
      'PartitionName=q Nodes=hpcwqnode Default=YES MaxTime=10 State=UP', '',
    ].join('\n'));
    fs.chmodSync(conf, 0o644);
    const controller = new PrivateController(dir, conf);
    await controller.start();
    return controller;
  }

  /** True when `scontrol ping` says the controller is up. */
  isUp(): boolean {
    const r = spawnSync('scontrol', ['ping'], { env: { ...process.env, SLURM_CONF: this.conf }, encoding: 'utf8' });
    return /is UP/.test(r.stdout);
  }

  /** Starts slurmctld in the foreground as our child (-D), keeping saved state (-i); waits until it answers. */
  async start(): Promise<void> {
    if (this.child && this.child.exitCode === null) return;
    const log = fs.openSync(path.join(this.dir, 'stderr.log'), 'a');
    this.child = spawn('/usr/sbin/slurmctld', ['-D', '-i', '-f', this.conf], { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    await pollUntil('private slurmctld up', async () => this.isUp(), (up) => up, 30_000);
  }

  /** Stops our slurmctld (SIGTERM to its pid) and waits until it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops the daemon and removes its files. */
  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs every command with SLURM_CONF pointing at a given configuration (`env SLURM_CONF=… cmd`). */
export class SlurmConfRunner implements CommandRunner {
  constructor(private readonly inner: CommandRunner, private readonly conf: string) {}
  run(argv: string[], options?: RunOptions): Promise<CommandResult> {
    return this.inner.run(['env', `SLURM_CONF=${this.conf}`, ...argv], options);
  }
  dispose(): void {
    this.inner.dispose();
  }
}
