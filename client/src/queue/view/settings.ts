/**
 * The queue panel's settings (`hpcWorkflows.queue.*`), read in one place with their defaults.
 * sshHosts and localCluster are machine-scoped in package.json, so a workspace cannot set them;
 * they are also restricted in untrusted workspaces.
 */
import * as vscode from 'vscode';
import type { ClusterConfig } from '../api';
import { parseSshHosts } from './sshHosts';

export const SECTION = 'hpcWorkflows.queue';

export type LocalClusterMode = 'auto' | 'always' | 'never';

/** Everything the panel reads from settings. */
export interface QueueSettings {
  sshClusters: ClusterConfig[];
  /** Entries of sshHosts that could not be used, with why (shown in the view). */
  sshProblems: string[];
  localCluster: LocalClusterMode;
  refreshIntervalMs: number;
  showAllUsers: boolean;
  confirmDestructiveActions: boolean;
}

export const DEFAULT_REFRESH_SECONDS = 15;
const MIN_REFRESH_SECONDS = 2;

/** Reads the settings now (call again after onDidChangeConfiguration affects SECTION). */
export function readQueueSettings(): QueueSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const { clusters, problems } = parseSshHosts(config.get<unknown>('sshHosts', []));
  const local = config.get<string>('localCluster', 'auto');
  const seconds = Number(config.get<number>('refreshIntervalSeconds', DEFAULT_REFRESH_SECONDS));
  return {
    sshClusters: clusters,
    sshProblems: problems,
    localCluster: local === 'always' || local === 'never' ? local : 'auto',
    refreshIntervalMs: Math.max(MIN_REFRESH_SECONDS, Number.isFinite(seconds) ? seconds : DEFAULT_REFRESH_SECONDS) * 1000,
    showAllUsers: config.get<boolean>('showAllUsers', false) === true,
    confirmDestructiveActions: config.get<boolean>('confirmDestructiveActions', true) !== false,
  };
}
