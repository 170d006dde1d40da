/**
 * The queue panel's settings (`hpcWorkflows.queue.*`), read in one place with their defaults.
 * sshHosts and localCluster are machine-scoped in package.json, so a workspace cannot set them;
 * they are also restricted in untrusted workspaces.
 */
import * as vscode from 'vscode';
import type { ClusterConfig } from '../api';

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

/**
 * The SSH clusters of the sshHosts setting: strings are host aliases, objects may rename the
 * cluster or add ssh options. Returns the usable ones and a sentence for each unusable entry
 * (the core refuses dangerous hosts and options again when the cluster is created).
 */
export function parseSshHosts(value: unknown): { clusters: ClusterConfig[]; problems: string[] } {
  const clusters: ClusterConfig[] = [];
  const problems: string[] = [];
  const names = new Set<string>(['local']);
  const list = Array.isArray(value) ? value : [];
  for (const entry of list) {
    const parsed = parseEntry(entry);
    if (typeof parsed === 'string') {
      problems.push(parsed);
      continue;
    }
    if (names.has(parsed.name)) {
      problems.push(`"${parsed.name}" is listed twice (or is named "local"); give one of them a "name".`);
      continue;
    }
    names.add(parsed.name);
    clusters.push(parsed);
  }
  return { clusters, problems };
}

function parseEntry(entry: unknown): ClusterConfig | string {
  if (typeof entry === 'string') {
    const host = entry.trim();
    return isHostWord(host) ? { kind: 'ssh', name: host, host } : `not a host alias: ${JSON.stringify(entry)}`;
  }
  if (typeof entry !== 'object' || entry === null) return `not a host entry: ${JSON.stringify(entry)}`;
  const e = entry as Record<string, unknown>;
  const host = typeof e.host === 'string' ? e.host.trim() : '';
  if (!isHostWord(host)) return `not a host alias: ${JSON.stringify(e.host)}`;
  const name = typeof e.name === 'string' && e.name.trim() !== '' ? e.name.trim() : host;
  const config: ClusterConfig = { kind: 'ssh', name, host };
  if (Array.isArray(e.sshOptions)) config.sshOptions = e.sshOptions.filter((o): o is string => typeof o === 'string');
  if (typeof e.sshConfigFile === 'string' && e.sshConfigFile !== '') config.sshConfigFile = e.sshConfigFile;
  return config;
}

/** A host alias is one word that does not start with '-' (ssh would read it as an option). */
function isHostWord(host: string): boolean {
  return host !== '' && !host.startsWith('-') && !/\s/.test(host);
}
