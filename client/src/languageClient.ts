import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { detectLocalSlurmVersion } from './slurmVersion';

/** The command the server attaches to fixes that need the editor (see server/src/handlers/convert.ts). */
const SET_EOL_LF_COMMAND = 'hpcWorkflows.setEndOfLineLF';

/**
 * Starts the language server (dist/server.js) for shell documents and workflow files (YAML, JSON,
 * CWL) and registers the commands
 * its code actions use. The server reads the `hpcWorkflows` settings through the client; when
 * the Slurm version is `auto`, the locally detected version is passed instead.
 */
export async function activateLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  let detected: string | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'shellscript' },
      { scheme: 'untitled', language: 'shellscript' },
      { scheme: 'vscode-remote', language: 'shellscript' },
      // Workflow files: the server decides by path and content which ones it knows (CWL, Nextflow,
      // Snakemake, Maestro, Merlin, user schemas) and stays silent on every other YAML/JSON file.
      ...['yaml', 'json', 'jsonc', 'cwl'].flatMap((language) => ['file', 'untitled', 'vscode-remote'].map((scheme) => ({ scheme, language }))),
      // `.cwl` files have no language of their own unless a CWL extension adds one.
      { scheme: 'file', pattern: '**/*.cwl' },
      { scheme: 'vscode-remote', pattern: '**/*.cwl' },
    ],
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((section: unknown, i: number) => {
            if (params.items[i]?.section !== 'hpcWorkflows' || !section || typeof section !== 'object' || !detected) return section;
            const s = section as { slurm?: { version?: string } };
            if (s.slurm?.version && s.slurm.version !== 'auto') return section;
            return { ...s, slurm: { ...(s.slurm ?? {}), version: detected } };
          });
        },
      },
    },
  };
  const client = new LanguageClient('hpcWorkflows', 'HPC Workflows', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand(SET_EOL_LF_COMMAND, async (uri: string) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
      if (editor) await editor.edit((b) => b.setEndOfLine(vscode.EndOfLine.LF));
    }),
  );
  await client.start();
  context.subscriptions.push(client);
  if (vscode.workspace.isTrusted) {
    detected = await detectLocalSlurmVersion();
    if (detected) void client.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }
  return client;
}
