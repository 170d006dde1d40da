/**
 * Why a job waits, in our own words. Slurm prints a reason code (squeue %r, scontrol Reason=),
 * sometimes followed by details ("ReqNodeNotAvail, UnavailableNodes:n[1-3]"). Reason names are
 * Slurm's (job_reason_string, 22.05 to master); every explanation is ours. Unknown reasons are
 * returned as Slurm printed them.
 */

const EXACT: Record<string, string> = {
  None: '',
  Priority: 'Other jobs have higher priority and go first; it will start when its turn comes.',
  Resources: 'Next in line, waiting for enough free nodes/CPUs/memory/GPUs.',
  Dependency: 'Waiting for the jobs it depends on (--dependency) to reach the required state.',
  DependencyNeverSatisfied: 'A job it depends on ended the wrong way, so it can never start: cancel it (or change the dependency).',
  JobHeldUser: 'Held by its owner: release it to let it be scheduled.',
  JobHeldAdmin: 'Held by an administrator: only an administrator can release it.',
  BeginTime: 'Its start time (--begin) has not come yet.',
  ReqNodeNotAvail: 'A node it asked for (or needs) is down, drained or reserved; it waits until that node is usable.',
  PartitionTimeLimit: 'Its time limit is longer than the partition allows: it will not start until the limit or the partition changes.',
  PartitionNodeLimit: 'It asks for more or fewer nodes than the partition allows.',
  PartitionConfig: 'It asks for something the partition cannot give (too many CPUs, memory or nodes for its nodes).',
  PartitionDown: 'The partition is down: nothing starts in it until an administrator brings it up.',
  PartitionInactive: 'The partition is inactive: it accepts no new work to start.',
  QOSMaxJobsPerUserLimit: 'You already run as many jobs as your QOS allows at once; it starts when one of them ends.',
  QOSMaxSubmitJobPerUserLimit: 'You have as many queued jobs as your QOS allows.',
  AssocMaxJobsLimit: 'Your account already runs as many jobs as allowed at once.',
  AssocGrpJobsLimit: 'Your account group already runs as many jobs as allowed at once.',
  QOSGrpJobsLimit: 'The QOS already runs as many jobs as allowed at once.',
  AssociationJobLimit: 'Your account has reached its job limit.',
  AssociationResourceLimit: 'Your account has reached a resource limit.',
  AssociationTimeLimit: 'Your account has reached its time limit.',
  AccountingPolicy: 'Waiting because of an accounting limit (account, QOS or user).',
  QOSJobLimit: 'The QOS has reached its job limit.',
  QOSResourceLimit: 'The QOS has reached a resource limit.',
  QOSTimeLimit: 'The QOS has reached its time limit.',
  QOSUsageThreshold: 'The QOS usage is above its threshold.',
  QOSNotAllowed: 'The job asks for a QOS it may not use.',
  AccountNotAllowed: 'The job asks for an account that may not use this partition.',
  InvalidAccount: 'The job names an account that does not exist or that you do not belong to.',
  InvalidQOS: 'The job names a QOS that does not exist or is not allowed for you.',
  JobArrayTaskLimit: 'The array already runs as many tasks as its %-limit allows; more start as tasks end.',
  JobHoldMaxRequeue: 'Held after being requeued too many times: release it once the cause is fixed.',
  JobLaunchFailure: 'The job could not be started on its node (file system, user or node problem); ask the site or look at the node.',
  'launch failed requeued held': 'The job failed to start, was put back in the queue and held: fix the cause (often a path) and release it.',
  NodeDown: 'A node it needs is down.',
  BadConstraints: 'Its constraints (--constraint, features) cannot be met by any node.',
  Constraints: 'Its constraints (--constraint, features) cannot be met right now.',
  Licenses: 'Waiting for licenses (--licenses) to become free.',
  Reservation: 'Waiting for its advanced reservation to start.',
  ReservationDeleted: 'The reservation it asked for was deleted.',
  ReservationInvalid: 'The reservation it asked for is not usable by this job.',
  SchedDefer: 'Scheduling is deferred (the site schedules periodically instead of at submit time).',
  Cleaning: 'Was requeued; Slurm is still cleaning up after its previous run.',
  Prolog: 'Its prolog is running on the node.',
  BurstBufferResources: 'Waiting for burst-buffer space.',
  BurstBufferStageIn: 'Its burst-buffer data is being staged in.',
  BurstBufferOperation: 'A burst-buffer operation failed.',
  FrontEndDown: 'No front-end node is available.',
  SystemFailure: 'Slurm, the file system or the network failed.',
  PowerNotAvail: 'Not enough power budget to start it.',
  PowerReserved: 'The power it needs is reserved.',
  InactiveLimit: 'It reached Slurm\'s inactivity limit.',
  NonZeroExitCode: 'It ended with a non-zero exit code.',
  OutOfMemory: 'It ran out of memory.',
  TimeLimit: 'It reached its time limit.',
  DeadLine: 'Its deadline has passed.',
  MaxMemPerLimit: 'It asks for more memory per CPU or node than allowed.',
  FedJobLock: 'Waiting for the federation to decide where it runs.',
  MpiPortsBusy: 'Waiting for free MPI ports.',
  MaxPoweredUpNodes: 'Waiting: as many nodes are powered up as allowed.',
  RaisedSignal: 'It received a signal.',
  NvidiaImexChannels: 'Waiting for NVIDIA IMEX channels.',
};

const RESOURCE_WORDS: Record<string, string> = {
  Cpu: 'CPUs', CPU: 'CPUs', Mem: 'memory', Memory: 'memory', Node: 'nodes', GRES: 'generic resources (e.g. GPUs)',
  BB: 'burst buffer', Billing: 'billing units', Energy: 'energy', License: 'licenses', Unknown: 'other resources',
  Wall: 'wall time', Jobs: 'running jobs', SubmitJobs: 'queued jobs', SubmitJob: 'queued jobs',
};

const OWNER_WORDS: Record<string, string> = { Assoc: 'your account', QOS: 'the QOS', '': 'the account' };

function resourceWords(token: string): string {
  return RESOURCE_WORDS[token] ?? token.toLowerCase();
}

/** Explanations for the limit families (AssocGrpCpuLimit, QOSMaxNodePerUserLimit, MaxCpuPerAccount, …). */
function explainLimitFamily(code: string): string | undefined {
  let m = /^(Assoc|QOS)Grp(Cpu|CPU|Mem|Memory|Node|GRES|BB|Billing|Energy|License|Unknown|Wall|Jobs|SubmitJobs)(Run)?(Minutes)?(Limit)?$/.exec(code);
  if (m) {
    const owner = m[1] === 'Assoc' ? 'your account group' : 'the QOS (all its users together)';
    const what = resourceWords(m[2]);
    if (m[3]) return `Running jobs of ${owner} already hold as many ${what}-minutes as allowed; it starts as they finish.`;
    if (m[4]) return `${capitalize(owner)} has used up its ${what}-minutes budget; it waits until usage decays or the limit changes.`;
    return `${capitalize(owner)} already uses as many ${what} as allowed at once; it starts when some are freed.`;
  }
  m = /^(Assoc|QOS|)Max(Cpu|CPU|Mem|Memory|Node|GRES|BB|Billing|Energy|License|Unknown|Wall|Jobs|SubmitJob|SubmitJobs)(Run)?(Minutes|Mins|Duration)?Per(Job|Node|User|Account)(Limit)?$/.exec(code);
  if (m) {
    const owner = OWNER_WORDS[m[1]] ?? 'a limit';
    const what = resourceWords(m[2]);
    const per = m[5].toLowerCase();
    if (m[3]) return `The ${what}-minutes of running jobs per ${per} reached the limit of ${owner}; it starts as they finish.`;
    if (m[4] === 'Duration' || m[2] === 'Wall') return `Its time limit is longer than ${owner} allows per ${per}: it will not start as it is.`;
    if (m[4]) return `It asks for more ${what}-minutes per ${per} than ${owner} allows: it will not start as it is.`;
    if (per === 'job' || per === 'node') return `It asks for more ${what} per ${per} than ${owner} allows: it will not start as it is.`;
    return `${capitalize(owner)} already uses as many ${what} per ${per} as allowed; it starts when some are freed.`;
  }
  m = /^QOSMin(Cpu|CPU|Mem|Memory|Node|GRES|BB|Billing|Energy|License|Unknown)(NotSatisfied)?$/.exec(code);
  if (m) return `It asks for fewer ${resourceWords(m[1])} than the QOS requires at least.`;
  return undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Sentences Slurm prints instead of a code (its state description), mapped to the code they mean. */
const PHRASES: [RegExp, string][] = [
  [/^Nodes required for job are DOWN, DRAINED/, 'ReqNodeNotAvail'],
  [/^launch failed requeued held/, 'launch failed requeued held'],
];

/**
 * The reason code of what Slurm printed: "ReqNodeNotAvail, UnavailableNodes:n1" → "ReqNodeNotAvail",
 * "(Resources)" → "Resources", "launch failed requeued held" → itself.
 */
export function reasonCode(reason: string): string {
  let text = reason.trim();
  if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim();
  if (Object.prototype.hasOwnProperty.call(EXACT, text)) return text;
  const phrase = PHRASES.find(([p]) => p.test(text));
  if (phrase) return phrase[1];
  const head = /^[A-Za-z_]+/.exec(text);
  return head ? head[0] : text;
}

/**
 * Explains a pending (or end) reason in words for the tooltip. Called with squeue's reason text;
 * returns '' for "None"/empty, our sentence for known reasons (plus Slurm's details, if it gave
 * any), and the text unchanged for reasons we do not know.
 */
export function explainReason(reason: string): string {
  const text = reason.trim();
  if (text === '' || text === 'None' || text === '(null)') return '';
  const code = reasonCode(text);
  const known = Object.prototype.hasOwnProperty.call(EXACT, code) ? EXACT[code] : explainLimitFamily(code);
  if (known === undefined) return text;
  if (PHRASES.some(([p]) => p.test(text))) return `${known} (Slurm: ${text})`;
  const details = text.replace(/^\(|\)$/g, '').slice(code.length).replace(/^[\s,:]+/, '').trim();
  return details ? `${known} (${details})` : known;
}
