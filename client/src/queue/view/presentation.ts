/**
 * How one job looks in the tree: label, description, tooltip text, the actions it allows and its
 * icon. Pure (no VS Code import) so it is unit-tested; treeProvider.ts turns it into TreeItems.
 */
import { describeState, explainReason, normalizeState, type Job } from '../api';

/** What can be done with a job, as tokens of the tree item's contextValue (see package.json menus). */
export type JobAction = 'cancellable' | 'holdable' | 'releasable' | 'requeueable';

const HELD_REASONS = new Set(['JobHeldUser', 'JobHeldAdmin', 'JobHoldMaxRequeue']);
const HELD_STATES = new Set(['REQUEUE_HOLD', 'SPECIAL_EXIT', 'RESV_DEL_HOLD']);
const REQUEUEABLE_STATES = new Set(['RUNNING', 'SUSPENDED', 'STOPPED', 'COMPLETING', 'CONFIGURING']);

/** True when the job waits because someone held it (release lets it run). */
export function isHeld(job: Job): boolean {
  const reason = job.reason.replace(/^\(|\)$/g, '');
  return HELD_STATES.has(normalizeState(job.state)) || HELD_REASONS.has(reason) || /requeued held/.test(reason);
}

/** The actions a listed job allows, in menu order. */
export function jobActions(job: Job): JobAction[] {
  const state = normalizeState(job.state);
  const actions: JobAction[] = ['cancellable'];
  if (state === 'PENDING' && !isHeld(job)) actions.push('holdable');
  if (isHeld(job)) actions.push('releasable');
  if (REQUEUEABLE_STATES.has(state)) actions.push('requeueable');
  return actions;
}

/** The union of the actions of several jobs (an array node offers what any of its tasks allows). */
export function unionActions(jobs: Job[]): JobAction[] {
  const all = new Set(jobs.flatMap(jobActions));
  return (['cancellable', 'holdable', 'releasable', 'requeueable'] as JobAction[]).filter((a) => all.has(a));
}

/**
 * The task part of an array node's label from its records: numeric tasks as ranges, pending
 * rests as printed: ["0","1","2"] → "0-2"; ["7","[8-11%2]"] → "7,8-11%2".
 */
export function arrayTaskSummary(tasks: Job[]): string {
  const numbers = tasks.map((t) => t.arrayTaskId ?? '').filter((t) => /^\d+$/.test(t)).map(Number).sort((a, b) => a - b);
  const pieces: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    pieces.push(j > i ? `${numbers[i]}-${numbers[j]}` : `${numbers[i]}`);
    i = j;
  }
  for (const t of tasks) {
    const task = t.arrayTaskId ?? '';
    if (task.startsWith('[')) pieces.push(task.slice(1, -1));
  }
  return pieces.join(',');
}

/** The tree label of a job: "123 name". */
export function jobLabel(job: Job): string {
  return `${job.id}  ${job.name}`;
}

/** "0:05 / 1:00:00"; just the elapsed time when the limit is not a limit. */
export function timeText(job: Job): string {
  const limit = job.timeLimit;
  if (limit === '' || limit === 'UNLIMITED' || limit === 'INVALID' || limit === 'NOT_SET') return job.elapsed;
  return `${job.elapsed} / ${limit}`;
}

/**
 * The tree description of a job: state · elapsed/limit · nodes (running) or state · reason
 * (waiting). Pieces that are empty are left out.
 */
export function jobDescription(job: Job): string {
  const state = normalizeState(job.state);
  const parts = [state];
  if (state === 'PENDING' || job.nodeList === '' || job.nodeList === '(null)') {
    if (job.reason !== '') parts.push(job.reason.replace(/^\(|\)$/g, ''));
  } else {
    parts.push(timeText(job));
    parts.push(job.nodeList);
  }
  return parts.filter((p) => p !== '').join(' · ');
}

/**
 * How many tasks a record stands for: 1, or the size of a pending array rest such as
 * "[5-9,12,20-30:5%2]" (5 + 1 + 3 = 9). Unreadable ranges count as 1.
 */
export function taskCount(job: Job): number {
  const task = job.arrayTaskId;
  if (task === undefined || !task.startsWith('[')) return 1;
  let total = 0;
  for (const piece of task.slice(1, -1).replace(/%\d+$/, '').split(',')) {
    const m = /^(\d+)(?:-(\d+)(?::(\d+))?)?$/.exec(piece);
    if (!m) return 1;
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    const step = m[3] === undefined ? 1 : Math.max(1, Number(m[3]));
    total += last >= first ? Math.floor((last - first) / step) + 1 : 0;
  }
  return Math.max(1, total);
}

/** Running and pending job counts for the status bar (array rests count their tasks). */
export function countByState(jobs: Iterable<Job>): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const job of jobs) {
    const state = normalizeState(job.state);
    if (state === 'RUNNING' || state === 'COMPLETING' || state === 'CONFIGURING') running += taskCount(job);
    else if (state === 'PENDING' || state === 'REQUEUED') pending += taskCount(job);
  }
  return { running, pending };
}

/** Escapes text for Markdown so that job names and paths show literally (never as links or markup). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Readable names of squeue's fields (Job.raw keys); keys not listed are shown as they are. */
const FIELD_LABELS: Record<string, string> = {
  jobid: 'Job id', jobid_raw: 'Own job id', array_job_id: 'Array job id', array_task_id: 'Array task',
  user: 'User', account: 'Account', partition: 'Partition', state: 'State', reason: 'Reason',
  time_used: 'Elapsed', time_limit: 'Time limit', nodes: 'Nodes', cpus: 'CPUs', tres_per_node: 'TRES per node',
  submit_time: 'Submitted', start_time: 'Start (expected)', qos: 'QOS', priority: 'Priority',
  dependency: 'Dependency', nodelist: 'Node list', work_dir: 'Working directory', name: 'Name',
};

/**
 * The tooltip of a job as Markdown: a headline, the state in words, the pending reason
 * explained, then every squeue column as a table row (values escaped).
 */
export function jobTooltipMarkdown(job: Job): string {
  const state = normalizeState(job.state);
  const lines = [`**${escapeMarkdown(job.id)}** ${escapeMarkdown(job.name)} on ${escapeMarkdown(job.cluster)}`, ''];
  lines.push(`*${escapeMarkdown(state)}*: ${escapeMarkdown(describeState(state))}`, '');
  const why = explainReason(job.reason);
  if (why !== '') lines.push(`**Why it waits:** ${escapeMarkdown(why)}`, '');
  lines.push('| | |', '|---|---|');
  for (const [key, value] of Object.entries(job.raw)) {
    if (value === '' || value === 'N/A' || value === '(null)') continue;
    // the record's own id and the array id only say something for array tasks
    if ((key === 'jobid_raw' || key === 'array_job_id') && job.arrayJobId === undefined && value === job.id) continue;
    lines.push(`| ${escapeMarkdown(FIELD_LABELS[key] ?? key)} | ${escapeMarkdown(value)} |`);
  }
  return lines.join('\n');
}

/** Codicon name and theme colour id for a state's icon. */
export function stateIcon(state: string): { icon: string; color?: string } {
  switch (normalizeState(state)) {
    case 'RUNNING': return { icon: 'play-circle', color: 'charts.green' };
    case 'COMPLETING': case 'CONFIGURING': case 'STAGE_OUT': return { icon: 'loading~spin' };
    case 'PENDING': case 'REQUEUED': return { icon: 'clock', color: 'charts.yellow' };
    case 'SUSPENDED': case 'STOPPED': case 'REQUEUE_HOLD': case 'SPECIAL_EXIT': case 'RESV_DEL_HOLD': return { icon: 'debug-pause', color: 'charts.orange' };
    case 'COMPLETED': return { icon: 'pass', color: 'charts.green' };
    case 'FAILED': case 'OUT_OF_MEMORY': case 'TIMEOUT': case 'NODE_FAIL': case 'BOOT_FAIL': case 'DEADLINE': return { icon: 'error', color: 'charts.red' };
    case 'CANCELLED': case 'PREEMPTED': case 'REVOKED': return { icon: 'circle-slash' };
    default: return { icon: 'question' };
  }
}

/** The icon of a job: a held job shows as paused whatever its state. */
export function jobIcon(job: Job): { icon: string; color?: string } {
  return isHeld(job) ? { icon: 'debug-pause', color: 'charts.orange' } : stateIcon(job.state);
}
