/**
 * Slurm's job states: long names, short codes (squeue %t), the order of the tree's groups, and a
 * sentence for each in our words. Unknown states are kept as they are and sort after known ones.
 *
 * Facts from Slurm's job_state_string / job_state_string_compact (22.05 to master): base states
 * PENDING … OUT_OF_MEMORY, and flag states a job shows while it is in a transition (COMPLETING,
 * CONFIGURING, …). EXPEDITING is new after 22.05.
 */

/** What the panel knows about one state. */
export interface StateInfo {
  /** Long name as squeue %T prints it. */
  name: string;
  /** Short code as squeue %t prints it ('' when Slurm has none). */
  code: string;
  /** The tree group position: smaller first. */
  order: number;
  /** The job no longer runs and will not run again by itself. */
  finished: boolean;
  /** One line in our words. */
  meaning: string;
}

const STATES: StateInfo[] = [
  { name: 'RUNNING', code: 'R', order: 10, finished: false, meaning: 'running on its nodes' },
  { name: 'COMPLETING', code: 'CG', order: 11, finished: false, meaning: 'finishing: Slurm is cleaning up on its nodes' },
  { name: 'CONFIGURING', code: 'CF', order: 12, finished: false, meaning: 'nodes allocated, waiting for them to become ready (e.g. booting)' },
  { name: 'STAGE_OUT', code: 'SO', order: 13, finished: false, meaning: 'ran; burst-buffer data is being copied out' },
  { name: 'SIGNALING', code: 'SI', order: 14, finished: false, meaning: 'being sent a signal' },
  { name: 'RESIZING', code: 'RS', order: 15, finished: false, meaning: 'its allocation is changing size' },
  { name: 'SUSPENDED', code: 'S', order: 20, finished: false, meaning: 'paused: it keeps its nodes but does not run' },
  { name: 'STOPPED', code: 'ST', order: 21, finished: false, meaning: 'stopped by a signal (SIGSTOP); it keeps its nodes' },
  { name: 'PENDING', code: 'PD', order: 30, finished: false, meaning: 'waiting in the queue; the reason says for what' },
  { name: 'REQUEUED', code: 'RQ', order: 31, finished: false, meaning: 'put back into the queue to run again' },
  { name: 'REQUEUE_HOLD', code: 'RH', order: 32, finished: false, meaning: 'put back into the queue and held: release it to let it run' },
  { name: 'REQUEUE_FED', code: 'RF', order: 33, finished: false, meaning: 'requeued by the federation' },
  { name: 'SPECIAL_EXIT', code: 'SE', order: 34, finished: false, meaning: 'requeued and held after a special exit code' },
  { name: 'RESV_DEL_HOLD', code: 'RD', order: 35, finished: false, meaning: 'held because its reservation was deleted' },
  { name: 'EXPEDITING', code: '', order: 36, finished: false, meaning: 'being requeued with high priority (expedited requeue)' },
  { name: 'REVOKED', code: 'RV', order: 37, finished: true, meaning: 'withdrawn here because a sibling cluster of the federation runs it' },
  { name: 'COMPLETED', code: 'CD', order: 50, finished: true, meaning: 'ended with exit code 0 on all nodes' },
  { name: 'FAILED', code: 'F', order: 51, finished: true, meaning: 'ended with a non-zero exit code or failed to start' },
  { name: 'OUT_OF_MEMORY', code: 'OOM', order: 52, finished: true, meaning: 'killed for using more memory than it asked for' },
  { name: 'TIMEOUT', code: 'TO', order: 53, finished: true, meaning: 'killed at the end of its time limit' },
  { name: 'CANCELLED', code: 'CA', order: 54, finished: true, meaning: 'cancelled by its owner or an administrator' },
  { name: 'NODE_FAIL', code: 'NF', order: 55, finished: true, meaning: 'ended because one of its nodes failed' },
  { name: 'BOOT_FAIL', code: 'BF', order: 56, finished: true, meaning: 'its nodes failed to boot' },
  { name: 'DEADLINE', code: 'DL', order: 57, finished: true, meaning: 'ended because its deadline (--deadline) passed' },
  { name: 'PREEMPTED', code: 'PR', order: 58, finished: true, meaning: 'stopped to make room for a higher-priority job' },
];

const BY_NAME = new Map(STATES.map((s) => [s.name, s]));
const BY_CODE = new Map(STATES.filter((s) => s.code !== '').map((s) => [s.code, s]));

/** Order given to states we do not know: after every known one. */
export const UNKNOWN_STATE_ORDER = 100;

/** Every state the panel knows, in group order. */
export function knownStates(): readonly StateInfo[] {
  return STATES;
}

/**
 * The long state name of what squeue/sacct printed: "PD" → "PENDING", "CANCELLED by 1001" →
 * "CANCELLED", "RUNNING" → "RUNNING"; text we do not know comes back trimmed, unchanged.
 */
export function normalizeState(printed: string): string {
  const text = printed.trim();
  // sacct appends who cancelled ("CANCELLED by 1001"); flags may be joined with '+' in newer output.
  const head = text.split(/[ +]/, 1)[0];
  if (BY_NAME.has(head)) return head;
  const fromCode = BY_CODE.get(head);
  if (fromCode) return fromCode.name;
  return text;
}

/** What we know about a state (after {@link normalizeState}), or undefined for an unknown one. */
export function stateInfo(state: string): StateInfo | undefined {
  return BY_NAME.get(normalizeState(state));
}

/** Position of a state's group in the tree (known states first, in a fixed order). */
export function stateOrder(state: string): number {
  return stateInfo(state)?.order ?? UNKNOWN_STATE_ORDER;
}

/** True when a job in this state has ended (unknown states: false, so they stay visible). */
export function isFinishedState(state: string): boolean {
  return stateInfo(state)?.finished ?? false;
}

/** A sentence about the state, or a neutral one for a state we do not know. */
export function describeState(state: string): string {
  return stateInfo(state)?.meaning ?? `state "${state}" (not known to this extension; shown as Slurm printed it)`;
}
