import * as fs from 'fs';
import * as path from 'path';

/** File names that mean "this workspace has workflow files" (beside `*.cwl`). */
const WORKFLOW_MARKERS = new Set(['nextflow_schema.json', 'nextflow.config', 'Snakefile', 'snakefile']);
/** Folders never looked into. */
const SKIPPED = new Set(['node_modules', '.git', '.snakemake', 'work', '.nextflow', '__pycache__', '.venv']);
/** At most this many directory entries are looked at in all (a few milliseconds). */
const ENTRY_BUDGET = 2000;
const MAX_DEPTH = 3;

/**
 * True when a workspace folder holds workflow files near its top (a `.cwl` file, a Nextflow or
 * Snakemake pipeline, a Snakemake `profiles/` folder), looked for within three levels and a budget
 * of 2,000 entries. The server then gets the workflow engine ready while it starts; a workspace of
 * job scripts only does not pay for it (about 150 ms of start-up and 40-60 MiB). Never throws.
 */
export function workspaceHasWorkflowFiles(folders: readonly string[]): boolean {
  let budget = ENTRY_BUDGET;
  const visit = (dir: string, depth: number): boolean => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    const subdirs: string[] = [];
    for (const e of entries) {
      if (--budget < 0) return false;
      if (e.isFile() && (e.name.endsWith('.cwl') || WORKFLOW_MARKERS.has(e.name))) return true;
      if (e.isDirectory() && !SKIPPED.has(e.name) && !e.name.startsWith('.')) {
        if (e.name === 'profiles' && depth === 0) return true;
        subdirs.push(path.join(dir, e.name));
      }
    }
    return depth < MAX_DEPTH - 1 && subdirs.some((d) => visit(d, depth + 1));
  };
  return folders.some((f) => visit(f, 0));
}
