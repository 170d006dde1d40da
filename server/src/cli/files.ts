import { promises as fs } from 'fs';
import * as path from 'path';
import { shellDocumentKind } from '../core/jobScriptDetection';
import { isWorkflowPath, walkedWorkflowFormat, type WorkflowLintOptions } from './workflow';

/** Files larger than this are reported, not read (a job script is a few kilobytes). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.snakemake', 'work', '.nextflow']);
const CANDIDATE = /\.(sh|bash|sbatch|slurm|job)$/i;

export type FileInput =
  | { path: string; text: string }
  | { path: string; error: string };

/**
 * Expands the paths given on the command line into files to lint: named files as they are,
 * directories searched for job scripts (by extension, or shell files with #SBATCH lines) and, with
 * `workflow`, for workflow files the engine recognises (CWL, Nextflow schemas and params,
 * Snakemake profiles and configs, Maestro and Merlin studies, files with a user schema).
 * Missing paths become errors, never exceptions.
 */
export async function collectFiles(paths: string[], workflow?: WorkflowLintOptions): Promise<FileInput[]> {
  const out: FileInput[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      out.push({ path: p, error: `cannot read ${p}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(err)}` });
      continue;
    }
    if (stat.isDirectory()) await walk(p, out, workflow);
    else out.push(await readFile(p));
  }
  return out;
}

async function walk(dir: string, out: FileInput[], workflow: WorkflowLintOptions | undefined): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.push({ path: dir, error: `cannot list ${dir}: ${String(err)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) await walk(full, out, workflow);
    } else if (e.isFile() && CANDIDATE.test(e.name)) {
      const file = await readFile(full);
      if ('error' in file || shellDocumentKind(full, file.text)) out.push(file);
    } else if (workflow && e.isFile() && isWorkflowPath(e.name)) {
      const file = await readFile(full);
      if (!('error' in file) && walkedWorkflowFormat(full, file.text, workflow)) out.push(file);
    }
  }
}

/** Reads one file as UTF-8 text, refusing huge files with a clear error. */
export async function readFile(p: string): Promise<FileInput> {
  try {
    const stat = await fs.stat(p);
    if (!stat.isFile()) return { path: p, error: `${p} is not a regular file` };
    if (stat.size > MAX_FILE_BYTES) return { path: p, error: `${p} is ${Math.round(stat.size / 1048576)} MiB; job scripts over ${MAX_FILE_BYTES / 1048576} MiB are not read` };
    return { path: p, text: await fs.readFile(p, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { path: p, error: `cannot read ${p}: ${code === 'EACCES' ? 'permission denied' : code ?? String(err)}` };
  }
}
