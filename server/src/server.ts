import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyses } from './handlers/analyses';
import { CodeActionKind } from 'vscode-languageserver';
import { DiagnosticsPublisher } from './handlers/diagnostics';
import { createFeatureHandlers, FIX_ALL_KIND } from './handlers/features';
import { resolveSettings } from './analyze';
import { parseSettings } from './settings';
import { sharedShellParser } from './shell/loader';
import { workspaceHasWorkflowFiles } from './handlers/workspaceScan';
import { isWorkflowDocument, WorkflowAnalyses } from './handlers/workflowAnalyses';
import { uriPath } from './handlers/fileReader';
import { WorkflowHandlers } from './handlers/workflowHandlers';
import { parseWorkflowSettings } from './workflow/settings';

/**
 * Starts the language server on a connection (stdio, node IPC or sockets, as the process
 * arguments say). Only this file and handlers/ know LSP; the analysis below them is plain values.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const documents = new TextDocuments(TextDocument);
  const analyses = new DocumentAnalyses(resolveSettings());
  // YAML, JSON and CWL documents go to the workflow side; the job-script side never sees them.
  const publisher = new DiagnosticsPublisher(connection, documents, analyses, isWorkflowDocument);
  const workflows = new WorkflowHandlers(connection, documents, new WorkflowAnalyses(() => analyses.currentSettings, documents));
  let canPullConfiguration = false;
  let canCreateFiles = false;
  let expectWorkflowFiles = false;
  const features = createFeatureHandlers(documents, analyses, () => ({ createFiles: canCreateFiles }));

  const applySettings = (raw: unknown) => {
    const { settings, problems } = parseSettings(raw);
    for (const p of problems) connection.console.warn(p);
    analyses.updateSettings(settings);
    const workflow = parseWorkflowSettings(raw);
    for (const p of workflow.problems) connection.console.warn(p);
    workflows.analyses.updateSettings(workflow.settings);
    publisher.publishAll();
    workflows.publishAll();
  };
  const pullSettings = async () => {
    if (!canPullConfiguration) return;
    try {
      applySettings(await connection.workspace.getConfiguration('hpcWorkflows'));
    } catch (err) {
      connection.console.warn(`Could not read the hpcWorkflows settings: ${String(err)}`);
    }
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    canCreateFiles = workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create');
    const folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : [])).map((f) => uriPath(f.uri)).filter((f): f is string => f !== undefined);
    workflows.analyses.setWorkspaceFolders(folders);
    // Nothing else can arrive before the answer to initialize: the time to get the CWL schema ready,
    // when the workspace has workflow files (a workspace of job scripts only does not pay for it).
    expectWorkflowFiles = workspaceHasWorkflowFiles(folders);
    if (expectWorkflowFiles) workflows.analyses.prepare();
    // Editors without workspace/configuration (Neovim, Helix, ...) can pass settings here.
    if (params.initializationOptions) applySettings((params.initializationOptions as Record<string, unknown>).hpcWorkflows ?? params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['-', '=', ',', ':', ' ', '#'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'hpc-workflows', version: '0.1.0' },
    };
  });
  connection.onInitialized(() => {
    if (expectWorkflowFiles) workflows.analyses.warmUp();
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'hpcWorkflows' }).catch(() => undefined);
      void pullSettings();
    }
  });
  connection.onDidChangeConfiguration((change) => {
    if (canPullConfiguration) void pullSettings();
    else applySettings((change.settings as Record<string, unknown> | undefined)?.hpcWorkflows);
  });

  documents.onDidOpen((e) => (workflows.owns(e.document) ? workflows.opened(e.document) : publisher.opened(e.document)));
  documents.onDidChangeContent((e) => (workflows.owns(e.document) ? workflows.changed(e.document) : publisher.schedule(e.document.uri)));
  documents.onDidClose((e) => {
    if (workflows.owns(e.document)) return workflows.closed(e.document.uri);
    analyses.forget(e.document.uri);
    publisher.clear(e.document.uri);
  });
  connection.onHover((p) => (workflows.ownsUri(p.textDocument.uri) ? workflows.hover(p) : features.hover(p)));
  connection.onCompletion((p) => (workflows.ownsUri(p.textDocument.uri) ? workflows.completion(p) : features.completion(p)));
  connection.onCodeAction((p) => (workflows.ownsUri(p.textDocument.uri) ? workflows.codeActions(p) : features.codeActions(p)));

  documents.listen(connection);
  connection.listen();
  // Analyses made before the shell parser is ready have no shell model; once it is, re-publish.
  sharedShellParser().then(
    (shell) => {
      analyses.setShellParser(shell);
      connection.console.info('Shell parser ready (tree-sitter-bash).');
      publisher.publishAll();
    },
    (err: unknown) => connection.console.warn(`Shell parser unavailable, checks that read the script body are off: ${err instanceof Error ? err.message : String(err)}`),
  );
  return connection;
}

