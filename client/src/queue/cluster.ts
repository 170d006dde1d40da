/**
 * createCluster: the SlurmCluster of one configured cluster, over a command runner.
 */
import { QueueError } from './errors';
import type { ClusterConfig, CommandRunner, SlurmCluster } from './types';

/** Placeholder, completed below. */
export function createCluster(config: ClusterConfig, runner?: CommandRunner): SlurmCluster {
  void runner;
  throw new QueueError('failed', `cluster ${config.name}: not implemented yet`, 'wait for the implementation');
}
