/**
 * The queue panel's model, as the view (client/src/queue/view/) uses it. Nothing here imports
 * VS Code; see the contract in ARCHITECTURE.md. Types live in types.ts, behaviour in the files
 * named for it; this file is the one entry point.
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
export { createCluster } from './cluster';
export { groupJobs } from './grouping';
export { explainReason } from './reasons';
export { isValidJobId } from './jobIds';
export { Poller } from './poller';
export { stateOrder } from './states';
