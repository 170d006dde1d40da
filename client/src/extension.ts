import type * as vscode from 'vscode';
import { activateLanguageClient } from './languageClient';
import { registerQueuePanel } from './queue/view';

/** Entry point: only activates each feature. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  registerQueuePanel(context);
  await activateLanguageClient(context);
}

export function deactivate(): void {
  // The language client is disposed through context.subscriptions.
}
