/**
 * The queue panel's model, as the view (client/src/queue/view/) uses it. Nothing in
 * client/src/queue/ (outside view/) imports VS Code. Types live in types.ts, behaviour in the
 * files named for it; this file is the one entry point.
 */
export type {
  ClusterConfig,
  RunOptions,
  CommandResult,
  CommandRunner,
  JobState,
  Job,
  FinishedJob,
  JobDetails,
  QueueErrorKind,
  ListOptions,
  SubmitOptions,
  HistoryOptions,
  SlurmCluster,
  JobGroup,
  JobNode,
  PollerOptions,
  SetTimer,
  ClearTimer,
} from './types';
export { QueueError, isQueueError } from './errors';
export { createCluster, createRunner, DEFAULT_READ_BYTES } from './cluster';
export { groupJobs } from './grouping';
export { explainReason, reasonCode } from './reasons';
export { isValidJobId } from './jobIds';
export { Poller } from './poller';
export { stateOrder, stateInfo, normalizeState, isFinishedState, describeState, knownStates, type StateInfo } from './states';
export { durationSeconds } from './durations';
export { LocalRunner, type LocalRunnerOptions } from './transportLocal';
export { SshRunner, type SshRunnerOptions } from './transportSsh';
