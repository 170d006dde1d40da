import * as path from 'path';
import { formatOf } from './formats';
import { globMatches } from './glob';
import type { WorkflowFileReader, WorkflowFormat, WorkflowSettings } from './types';

/** File extensions the engine reads; anything else is never a workflow file. */
export const WORKFLOW_EXTENSIONS = ['.cwl', '.yaml', '.yml', '.json'];

/** Folders searched upwards for a pipeline's nextflow_schema.json, at most. */
const MAX_ANCESTORS = 8;
/** Only the head of a file is searched for format clues (top-level keys come first in practice). */
const HEAD_CHARS = 200_000;

/** What detection needs: the document, and optionally the workspace, settings and a file reader. */
export interface DetectInput {
  path: string;
  text: string;
  workspaceFolder?: string;
  workflow?: WorkflowSettings;
  files?: WorkflowFileReader;
  home?: string;
}

function topLevelKey(head: string, json: boolean, key: string): boolean {
  const k = key.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return json ? new RegExp(`"${k}"\\s*:`).test(head) : new RegExp(`^["']?${k}["']?[ \\t]*:`, 'm').test(head);
}

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

/** The `# yaml-language-server: $schema=...` modeline's target, when it names a local file. */
export function modelineSchema(text: string): string | undefined {
  const m = /^[ \t]*#[ \t]*yaml-language-server[ \t]*:[ \t]*\$schema=(\S+)/m.exec(text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text);
  if (!m) return undefined;
  // NOTE: schemas are never fetched from the network; a URL leaves the file to the other rules of detection.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(m[1]) && !m[1].startsWith('file://')) return undefined;
  return m[1].replace(/^file:\/\//, '');
}

function userSchema(input: DetectInput): string | undefined {
  const folder = path.dirname(input.path);
  const fromModeline = modelineSchema(input.text);
  if (fromModeline) return path.resolve(folder, fromModeline);
  const root = input.workspaceFolder;
  const relative = toSlash(root ? path.relative(root, input.path) : input.path);
  for (const entry of input.workflow?.schemas ?? []) {
    if (!entry.globs.some((g) => globMatches(g, relative))) continue;
    return path.resolve(root ?? folder, entry.schema);
  }
  return undefined;
}

/** The nearest folder at or above `start` (not above the workspace folder) that holds `name`. */
function findUp(input: DetectInput, start: string, name: string): string | undefined {
  if (!input.files) return undefined;
  let dir = start;
  for (let i = 0; i < MAX_ANCESTORS; i++) {
    const candidate = path.join(dir, name);
    if (input.files(candidate) !== undefined) return candidate;
    const up = path.dirname(dir);
    if (up === dir || (input.workspaceFolder && path.relative(input.workspaceFolder, dir) === '')) break;
    dir = up;
  }
  return undefined;
}

/** Keys and variables only Merlin specs have (a Maestro study with them is a Merlin study). */
const MERLIN_ONLY = /^[ \t]+(task_queue|max_retries|retry_delay)[ \t]*:|\$\(MERLIN_[A-Z_]+\)/m;

const VALIDATE_CALL = /\bvalidate\s*\(\s*config\s*,\s*(?:schema\s*=\s*)?(["'])([^"'\n]+)\1/;

/**
 * The schema a Snakemake workflow declares for its config: from `validate(config, "...")` in the
 * Snakefile (relative to the Snakefile), else `workflow/schemas/config.schema.{yaml,yml,json}`.
 * Undefined (and `snakefile` too) when no Snakefile is found: then the file is not a workflow config.
 */
function snakemakeConfigSchema(input: DetectInput, root: string): { snakefile?: string; schema?: string } {
  const files = input.files;
  if (!files) return {};
  for (const rel of ['workflow/Snakefile', 'Snakefile', 'workflow/snakefile', 'snakefile']) {
    const snakefile = path.join(root, rel);
    const text = files(snakefile);
    if (text === undefined) continue;
    const call = VALIDATE_CALL.exec(text);
    if (call) return { snakefile, schema: path.resolve(path.dirname(snakefile), call[2]) };
    for (const conv of ['workflow/schemas/config.schema.yaml', 'workflow/schemas/config.schema.yml', 'workflow/schemas/config.schema.json', 'schemas/config.schema.yaml']) {
      const candidate = path.join(root, conv);
      if (files(candidate) !== undefined) return { snakefile, schema: candidate };
    }
    return { snakefile };
  }
  return {};
}

function isSnakemakeProfile(input: DetectInput, head: string, json: boolean): boolean {
  const parts = toSlash(input.path).split('/');
  const name = parts[parts.length - 1];
  if (name !== 'config.yaml' && name !== 'config.v8+.yaml' && name !== 'config.yml') return false;
  if (parts[parts.length - 3] === 'profiles') return true;
  const slashed = toSlash(input.path);
  if (input.home && slashed.startsWith(`${toSlash(input.home)}/.config/snakemake/`)) return true;
  if (slashed.startsWith('/etc/xdg/snakemake/')) return true;
  return ['executor', 'jobs', 'default-resources', 'set-resources', 'cluster'].some((k) => topLevelKey(head, json, k));
}

/**
 * Decides what a file is, by its path and content: CWL (`.cwl`, or a top-level `cwlVersion`), a
 * Nextflow pipeline schema (`nextflow_schema.json`) or params file (`params.yaml`, `params-test.json`,
 * ... with a nextflow_schema.json in a folder above), a Snakemake profile or workflow config, a Merlin or
 * Maestro study; a user schema (modeline or settings glob) wins over all of them. Undefined when
 * the file is none of these (the editor then leaves it alone). Reads other files only through
 * `input.files`.
 */
export function detectFormat(input: DetectInput): WorkflowFormat | undefined {
  const lower = input.path.toLowerCase();
  const ext = path.extname(lower);
  if (!WORKFLOW_EXTENSIONS.includes(ext)) return undefined;
  const json = ext === '.json';
  const head = input.text.length > HEAD_CHARS ? input.text.slice(0, HEAD_CHARS) : input.text;
  const builtin = detectBuiltin(input, head, json, ext);
  const user = userSchema(input);
  if (user) {
    const base = builtin ?? formatOf('user-schema', json);
    return { ...base, schema: { kind: 'file', path: user, why: 'the schema named for this file' }, schemaSeverity: 'error' };
  }
  return builtin;
}

function detectBuiltin(input: DetectInput, head: string, json: boolean, ext: string): WorkflowFormat | undefined {
  const base = path.basename(input.path);
  const cwl = json ? /"cwlVersion"\s*:\s*"([^"]*)"/.exec(head) : /^["']?cwlVersion["']?[ \t]*:[ \t]*["']?([^\s"'#]*)/m.exec(head);
  if (ext === '.cwl' || cwl) return formatOf('cwl', json, { version: cwl?.[1] || undefined, label: cwl?.[1] ? `CWL ${cwl[1]}` : 'CWL' });
  if (base === 'nextflow_schema.json') return formatOf('nextflow-schema', true);
  if (/^params([._-][\w.-]*)?\.(ya?ml|json)$/i.test(base)) {
    const schema = findUp(input, path.dirname(input.path), 'nextflow_schema.json');
    if (!schema) return undefined;
    return formatOf('nextflow-params', json, { schema: { kind: 'file', path: schema, why: "the pipeline's nextflow_schema.json" } });
  }
  if (!json && isSnakemakeProfile(input, head, json)) return formatOf('snakemake-profile', json);
  const parts = toSlash(input.path).split('/');
  if (/^config\.(ya?ml|json)$/.test(base) && parts[parts.length - 2] === 'config') {
    const found = snakemakeConfigSchema(input, path.dirname(path.dirname(input.path)));
    if (found.snakefile) {
      return formatOf('snakemake-config', json, found.schema ? { schema: { kind: 'file', path: found.schema, why: "the workflow's config schema" } } : {});
    }
  }
  const study = !json && topLevelKey(head, json, 'study');
  if (!json && topLevelKey(head, json, 'merlin') && (study || topLevelKey(head, json, 'description'))) return formatOf('merlin', json);
  if (study && topLevelKey(head, json, 'description')) {
    // Merlin's own step keys (or its variables) make a spec without a `merlin:` block a Merlin one still.
    return formatOf(MERLIN_ONLY.test(head) ? 'merlin' : 'maestro', json);
  }
  return undefined;
}

/** The format for a file named explicitly (the CLI): a detected one, else plain YAML or JSON (reading checks only). */
export function detectExplicit(input: DetectInput): WorkflowFormat | undefined {
  const found = detectFormat(input);
  if (found) return found;
  const ext = path.extname(input.path.toLowerCase());
  if (!WORKFLOW_EXTENSIONS.includes(ext)) return undefined;
  return formatOf(ext === '.json' ? 'json' : 'yaml', ext === '.json');
}
