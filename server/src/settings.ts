import type { Severity } from './core/types';
import type { SiteOption } from './slurm/catalog';
import type { AnalysisSettings } from './rules/types';
import { DEFAULT_SETTINGS } from './rules/types';
import { parseTargetVersion } from './slurm/versions';

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);
const ARG_KINDS = new Set(['none', 'required', 'optional']);

/**
 * Reads the `hpcWorkflows` settings section (as the editor or a CLI config file gives it: any JSON)
 * into analysis settings, keeping defaults for anything missing or malformed. Never throws;
 * `problems` says what was ignored and why.
 */
export function parseSettings(raw: unknown): { settings: AnalysisSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, siteOptions: [], severity: {} };
  if (raw === null || typeof raw !== 'object') return { settings, problems };
  const root = raw as Record<string, unknown>;
  const slurm = (root.slurm ?? {}) as Record<string, unknown>;
  if (typeof slurm.version === 'string') {
    const v = parseTargetVersion(slurm.version);
    if (v) settings.version = v;
    else problems.push(`hpcWorkflows.slurm.version: "${slurm.version}" is not a Slurm version this extension knows (22.05 … 26.05, master, any)`);
  }
  if (slurm.maxArraySize !== undefined && slurm.maxArraySize !== null) {
    const n = Number(slurm.maxArraySize);
    if (Number.isInteger(n) && n > 0) {
      settings.maxArraySize = n;
      settings.maxArraySizeKnown = true;
    }
    else problems.push('hpcWorkflows.slurm.maxArraySize must be a positive whole number');
  }
  if (Array.isArray(slurm.gresTypes)) {
    const names = slurm.gresTypes.filter((g): g is string => typeof g === 'string' && /^[A-Za-z0-9_.-]+$/.test(g));
    if (names.length !== slurm.gresTypes.length) problems.push('hpcWorkflows.slurm.gresTypes: every entry must be a GRES name such as gpu or shard');
    if (names.length > 0) settings.gresTypes = names;
  }
  if (Array.isArray(slurm.siteOptions)) {
    for (const entry of slurm.siteOptions) {
      const o: SiteOption | undefined =
        typeof entry === 'string'
          ? { name: entry }
          : entry && typeof entry === 'object' && typeof (entry as SiteOption).name === 'string'
            ? (entry as SiteOption)
            : undefined;
      if (!o || o.name.replace(/^-+/, '') === '') { problems.push(`hpcWorkflows.slurm.siteOptions: ignored ${JSON.stringify(entry)}`); continue; }
      if (o.arg !== undefined && !ARG_KINDS.has(o.arg)) { problems.push(`hpcWorkflows.slurm.siteOptions: "${o.name}" has arg "${o.arg}"; use none, required or optional`); continue; }
      settings.siteOptions.push({ name: o.name.replace(/^-+/, ''), arg: o.arg, description: typeof o.description === 'string' ? o.description : undefined });
    }
  }
  const rules = root.rules;
  if (rules && typeof rules === 'object') {
    for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) settings.severity[id] = value as Severity | 'off';
      else problems.push(`hpcWorkflows.rules.${id}: use error, warning, info, hint or off`);
    }
  }
  return { settings, problems };
}
