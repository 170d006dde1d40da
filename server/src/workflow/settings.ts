import { DEFAULT_WORKFLOW_SETTINGS, type WorkflowSettings } from './types';

/**
 * Reads `hpcWorkflows.workflow` (as the editor or a CLI config file gives it) into workflow
 * settings: `schemas` maps a schema file (relative to the workspace folder, or absolute; no URLs)
 * to the globs of the files it applies to, as yaml-language-server's `yaml.schemas` does. Never
 * throws; `problems` says what was ignored and why.
 */
export function parseWorkflowSettings(raw: unknown): { settings: WorkflowSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: WorkflowSettings = { schemas: [...DEFAULT_WORKFLOW_SETTINGS.schemas] };
  const root = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const section = root.workflow;
  if (section === undefined || section === null) return { settings, problems };
  if (typeof section !== 'object') return { settings, problems: ['hpcWorkflows.workflow must be an object'] };
  const schemas = (section as Record<string, unknown>).schemas;
  if (schemas === undefined || schemas === null) return { settings, problems };
  if (typeof schemas !== 'object' || Array.isArray(schemas)) return { settings, problems: ['hpcWorkflows.workflow.schemas must map a schema file to a list of globs'] };
  for (const [schema, value] of Object.entries(schemas as Record<string, unknown>)) {
    const globs = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g !== '') : [];
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(schema) && !schema.startsWith('file://')) {
      problems.push(`hpcWorkflows.workflow.schemas: "${schema}" is a URL; only schema files in the workspace are used (nothing is downloaded)`);
      continue;
    }
    if (globs.length === 0) {
      problems.push(`hpcWorkflows.workflow.schemas: "${schema}" needs a glob or a list of globs`);
      continue;
    }
    settings.schemas.push({ schema: schema.replace(/^file:\/\//, ''), globs });
  }
  return { settings, problems };
}
