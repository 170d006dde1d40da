import * as path from 'path';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisSettings } from '../rules/types';
import { analyzeWorkflow, type WorkflowAnalysis } from '../workflow/analyze';
import { WORKFLOW_EXTENSIONS } from '../workflow/detect';
import { sharedSchemaRegistry } from '../workflow/schema/builtin';
import type { SchemaRegistry } from '../workflow/schema/registry';
import { DEFAULT_WORKFLOW_SETTINGS, type WorkflowSettings } from '../workflow/types';
import { prepareWorkflowEngine } from '../workflow/warmUp';
import { uriPath } from './fileReader';
import { WorkflowFiles } from './workflowFiles';

/** Language ids editors give the files the workflow engine reads. */
const WORKFLOW_LANGUAGES = new Set(['yaml', 'json', 'jsonc', 'cwl']);

type Entry = { version: number; generation: number; analysis: WorkflowAnalysis | undefined };

/**
 * True for documents the workflow side answers for (YAML, JSON and CWL by language or extension):
 * the job-script side then leaves them alone, even when one mentions `sbatch`.
 */
export function isWorkflowDocument(doc: { uri: string; languageId?: string }): boolean {
  if (doc.languageId && WORKFLOW_LANGUAGES.has(doc.languageId)) return true;
  const lower = doc.uri.toLowerCase().replace(/[?#].*$/, '');
  return WORKFLOW_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Workflow analyses per open document, computed once per document version and settings
 * generation and shared by diagnostics, hover, completion and code actions. A change of settings,
 * or of a schema file the analyses read, recomputes every analysis on next use.
 */
export class WorkflowAnalyses {
  private cache = new Map<string, Entry>();
  private generation = 0;
  private workflow: WorkflowSettings = DEFAULT_WORKFLOW_SETTINGS;
  private folders: string[] = [];
  private readonly files: WorkflowFiles;

  constructor(
    private readonly settings: () => AnalysisSettings,
    documents?: TextDocuments<TextDocument>,
    readonly registry: SchemaRegistry = sharedSchemaRegistry(),
    private readonly home: string | undefined = process.env.HOME,
  ) {
    this.files = new WorkflowFiles(documents);
  }

  /** The workspace folders (file paths), for settings globs and relative schema paths. */
  setWorkspaceFolders(folders: string[]): void {
    this.folders = [...folders].sort((a, b) => b.length - a.length);
    this.generation++;
  }

  updateSettings(workflow: WorkflowSettings): void {
    this.workflow = workflow;
    this.generation++;
  }

  /** Every cached analysis is recomputed on next use (a schema or Snakefile may have changed). */
  invalidate(): void {
    this.generation++;
  }

  private folderOf(file: string): string | undefined {
    return this.folders.find((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  }

  /** The analysis of a document's current version, or undefined when it is not a workflow file. */
  get(doc: TextDocument): WorkflowAnalysis | undefined {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === this.generation) return hit.analysis;
    const file = uriPath(doc.uri);
    const where = file ?? doc.uri.replace(/^[a-z-]+:/i, '');
    const analysis = analyzeWorkflow(
      {
        path: where,
        text: doc.getText(),
        workspaceFolder: file ? this.folderOf(file) : undefined,
        settings: this.settings(),
        workflow: this.workflow,
        files: file ? this.files.reader(path.dirname(file)) : undefined,
        home: this.home,
      },
      this.registry,
      undefined,
      // The previous version's reading, re-read only where the text changed (it is replaced below).
      hit?.analysis?.reading,
    );
    this.cache.set(doc.uri, { version: doc.version, generation: this.generation, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /**
   * Prepares for the first document while the server starts: compiles the CWL schema and runs the
   * reading path once (see prepareWorkflowEngine). Called before the server answers `initialize`.
   */
  prepare(): void {
    try {
      prepareWorkflowEngine(this.registry);
    } catch {
      // Preparing is an optimisation; any problem shows up again, reported, on a real document.
    }
  }

  /**
   * Compiles our other schemas while the server is idle: one every 50 ms after two quiet seconds,
   * so that a document opened right away never waits for them.
   */
  warmUp(): void {
    const ids = this.registry.builtinIds();
    const step = (i: number) => {
      if (i >= ids.length) return;
      this.registry.builtin(ids[i]);
      setTimeout(() => step(i + 1), 50).unref();
    };
    setTimeout(() => step(0), 2000).unref();
  }
}
