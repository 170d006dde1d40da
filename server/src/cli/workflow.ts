import * as os from 'os';
import * as path from 'path';
import { readTextFile } from '../handlers/fileReader';
import { applyEdits, chooseSafeFixes } from '../core/fixAll';
import type { Finding } from '../core/types';
import type { AnalysisSettings } from '../rules/types';
import { splitLines } from '../slurm/lines';
import { analyzeWorkflow } from '../workflow/analyze';
import { detectExplicit, detectFormat, WORKFLOW_EXTENSIONS } from '../workflow/detect';
import { sharedSchemaRegistry } from '../workflow/schema/builtin';
import type { WorkflowFileReader, WorkflowFormat, WorkflowSettings } from '../workflow/types';

/** Files the workflow engine reads for a lint (schemas, Snakefiles) larger than this are skipped. */
const MAX_READ_BYTES = 8 * 1024 * 1024;

/** True for a path the workflow engine reads (by extension): YAML, JSON, CWL. */
export function isWorkflowPath(p: string): boolean {
  return WORKFLOW_EXTENSIONS.includes(path.extname(p).toLowerCase());
}

/** Reads other files for the engine from disk, relative to `folder`; undefined when missing or unreadable. */
export function diskWorkflowReader(folder: string): WorkflowFileReader {
  return (written) => readTextFile(path.resolve(folder, written), MAX_READ_BYTES);
}

/** What one workflow lint needs besides the file: settings and the folder relative paths start from. */
export interface WorkflowLintOptions {
  settings: Partial<AnalysisSettings>;
  workflow?: WorkflowSettings;
  /** Globs and relative schema paths of the settings are relative to it (the current folder). */
  workspaceFolder: string;
}

function detectInput(file: string, text: string, options: WorkflowLintOptions) {
  const full = path.resolve(file);
  return { path: full, text, workspaceFolder: options.workspaceFolder, settings: options.settings, workflow: options.workflow, files: diskWorkflowReader(path.dirname(full)), home: os.homedir() };
}

/**
 * The format of a file met while walking a directory: only files the engine recognises as
 * workflow files (plain YAML and JSON files are left alone).
 */
export function walkedWorkflowFormat(file: string, text: string, options: WorkflowLintOptions): WorkflowFormat | undefined {
  return detectFormat(detectInput(file, text, options));
}

/**
 * Lints one workflow file: its findings (a file named on the command line that is no known
 * workflow file still gets the YAML/JSON reading checks). With `fix`, the safe fixes are applied
 * until none is left and the new text is returned too.
 */
export function lintWorkflow(file: string, text: string, options: WorkflowLintOptions, fix = false): { findings: Finding[]; text: string } {
  const format = detectExplicit(detectInput(file, text, options));
  if (!format) return { findings: [], text };
  const analyze = (t: string) => analyzeWorkflow(detectInput(file, t, options), sharedSchemaRegistry(), format)?.findings ?? [];
  let current = text;
  if (fix) {
    for (let pass = 0; pass < 10; pass++) {
      const edits = chooseSafeFixes(analyze(current)).flatMap((f) => f.edits);
      if (edits.length === 0) break;
      const next = applyEdits(current, splitLines(current).starts, edits);
      if (next === current) break;
      current = next;
    }
  }
  return { findings: analyze(current), text: current };
}
