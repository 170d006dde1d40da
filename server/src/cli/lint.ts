import { promises as fs } from 'fs';
import { analyzeJobScript } from '../analyze';
import { applyEdits, chooseSafeFixes } from '../core/fixAll';
import { JOB_SCRIPT_RULES } from '../rules';
import type { AnalysisSettings } from '../rules/types';
import { shellDocumentKind, type ShellDocumentKind } from '../core/jobScriptDetection';
import { sharedShellParser } from '../shell/loader';
import type { ShellParser } from '../shell/model';
import { splitLines } from '../slurm/lines';
import type { LintCommand } from './args';
import { collectFiles } from './files';
import { formatJson, formatSarif, formatText, toCliFinding, type CliFinding } from './format';
import { isWorkflowPath, lintWorkflow, type WorkflowLintOptions } from './workflow';
import { WORKFLOW_RULES } from '../workflow/rules';
import type { WorkflowSettings } from '../workflow/types';

export interface LintOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const MAX_FIX_PASSES = 10;

/**
 * Applies safe fixes until none is left (or MAX_FIX_PASSES), returning the new text. A fix that
 * text edits cannot express (LF line endings) is done directly on the text.
 */
export function fixText(text: string, settings: Partial<AnalysisSettings>, shell?: ShellParser, kind: ShellDocumentKind = 'job-script'): string {
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = chooseSafeFixes(analyzeJobScript(current, settings, shell, kind).findings);
    if (fixes.length === 0) break;
    let next = current;
    if (fixes.some((f) => f.editorAction === 'set-eol-lf')) next = next.replace(/\r\n/g, '\n');
    const edits = fixes.filter((f) => f.editorAction === undefined).flatMap((f) => f.edits);
    if (edits.length > 0 && next === current) next = applyEdits(current, splitLines(current).starts, edits);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Runs `hpcw lint`: reads files (job scripts, and workflow files by extension: YAML, JSON, CWL),
 * optionally fixes them, formats findings. `workflow` holds the `workflow` section of the config
 * (user schemas). Never throws.
 */
export async function runLint(cmd: LintCommand, version: string, baseSettings: Partial<AnalysisSettings> = {}, workflow?: WorkflowSettings): Promise<LintOutput> {
  const settings: Partial<AnalysisSettings> = { ...baseSettings, ...cmd.settings, severity: { ...(baseSettings.severity ?? {}), ...(cmd.settings.severity ?? {}) } };
  if (cmd.only.length > 0) {
    const all = [...JOB_SCRIPT_RULES, ...WORKFLOW_RULES];
    const unknown = cmd.only.filter((id) => !all.some((r) => r.meta.id === id));
    if (unknown.length > 0) return { stdout: '', stderr: `hpcw: unknown rule ${unknown.join(', ')}\n`, exitCode: 2 };
    for (const r of all) if (!cmd.only.includes(r.meta.id)) (settings.severity as Record<string, string>)[r.meta.id] = 'off';
  }
  const workflowOptions: WorkflowLintOptions = { settings, workflow, workspaceFolder: process.cwd() };
  const files = await collectFiles(cmd.paths, workflowOptions);
  const findings: CliFinding[] = [];
  let stderr = '';
  let shell: ShellParser | undefined;
  try {
    shell = await sharedShellParser();
  } catch (err) {
    stderr += `hpcw: warning: shell parser unavailable, checks that read the script body are off: ${err instanceof Error ? err.message : String(err)}\n`;
  }
  let ioError = false;
  let checked = 0;
  for (const file of files) {
    if ('error' in file) {
      stderr += `hpcw: ${file.error}\n`;
      ioError = true;
      continue;
    }
    let text = file.text;
    if (isWorkflowPath(file.path)) {
      const linted = lintWorkflow(file.path, text, workflowOptions, cmd.fix);
      if (linted.text !== text) {
        try {
          await fs.writeFile(file.path, linted.text, 'utf8');
        } catch (err) {
          stderr += `hpcw: cannot write ${file.path}: ${String(err)}\n`;
          ioError = true;
        }
      }
      checked++;
      for (const f of linted.findings) findings.push(toCliFinding(file.path, f));
      continue;
    }
    // A file named on the command line is a job script unless it only submits jobs.
    const kind = shellDocumentKind(file.path, text) ?? 'job-script';
    if (cmd.fix) {
      const fixed = fixText(text, settings, shell, kind);
      if (fixed !== text) {
        try {
          await fs.writeFile(file.path, fixed, 'utf8');
          text = fixed;
        } catch (err) {
          stderr += `hpcw: cannot write ${file.path}: ${String(err)}\n`;
          ioError = true;
        }
      }
    }
    checked++;
    for (const f of analyzeJobScript(text, settings, shell, kind).findings) findings.push(toCliFinding(file.path, f));
  }
  const stdout = cmd.format === 'json' ? formatJson(findings) : cmd.format === 'sarif' ? formatSarif(findings, version) : formatText(findings, checked);
  const exitCode = ioError ? 2 : findings.some((f) => f.severity === 'error') ? 1 : 0;
  return { stdout, stderr, exitCode };
}
