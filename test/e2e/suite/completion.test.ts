// Completion after `#SBATCH --` offers option names, and after `--mail-type=` the option's values.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { lineNumberOf, openWorkspaceFile, waitFor } from './helpers';

interface CompletionCase {
  /** Fixture file; each unfinished directive has its own, as an unfinished line can end sbatch's reading. */
  file: string;
  /** The directive line (trimmed); completion is asked for at its end. */
  line: string;
  mustInclude: string[];
}

const completionCases: CompletionCase[] = [
  { file: 'completion-option.sbatch', line: '#SBATCH --', mustInclude: ['--time', '--mem'] },
  { file: 'completion-value.sbatch', line: '#SBATCH --mail-type=', mustInclude: ['END'] },
];

/** Returns the label text of a completion item (labels may be strings or `{ label, detail }`). */
function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('completion', () => {
  for (const completionCase of completionCases) {
    test(`completion at the end of "${completionCase.line}"`, async () => {
      const document = await openWorkspaceFile(completionCase.file);
      const position = document.lineAt(lineNumberOf(document, completionCase.line)).range.end;
      let lastLabels: string[] = [];
      const labels = await waitFor(
        'completions from the language server',
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
          lastLabels = (list?.items ?? []).map(labelOf);
          return completionCase.mustInclude.every((label) => lastLabels.includes(label)) ? lastLabels : undefined;
        },
        () => `${lastLabels.length} items: ${lastLabels.slice(0, 30).join(', ')}`,
      );
      for (const label of completionCase.mustInclude) assert.ok(labels.includes(label), `no completion "${label}"`);
    });
  }
});
