/**
 * The `hpcWorkflows.queue.sshHosts` setting read into cluster configs. Pure (unit-tested); the
 * core refuses dangerous hosts and ssh options again when a cluster is created.
 */
import type { ClusterConfig } from '../api';

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
