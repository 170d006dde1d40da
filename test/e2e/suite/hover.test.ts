// Hovering an option shows the server's documentation, including the value read the way Slurm reads it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { markedPosition, openWorkspaceFile, waitFor } from './helpers';

interface HoverCase {
  /** The position to hover, marked by `|` in the text of one line of job.sbatch. */
  at: string;
  /** Substrings the hover's text must contain. */
  mustContain: string[];
}

const hoverCases: HoverCase[] = [
  { at: '#SBATCH --ti|me=1-12:00:00', mustContain: ['--time', '1 day 12 hours'] },
];

/** Joins every hover's contents into one string (MarkdownString, MarkedString or plain string). */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

suite('hover', () => {
  let document: vscode.TextDocument;
  suiteSetup(async () => {
    document = await openWorkspaceFile('job.sbatch');
  });

  for (const hoverCase of hoverCases) {
    test(`hover at ${hoverCase.at}`, async () => {
      const position = markedPosition(document, hoverCase.at);
      let lastText = '';
      // The server may still be starting: ask again until its hover arrives.
      const text = await waitFor(
        'a hover from the language server',
        async () => {
          const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
          lastText = hoverText(hovers ?? []);
          return hoverCase.mustContain.every((part) => lastText.includes(part)) ? lastText : undefined;
        },
        () => JSON.stringify(lastText),
      );
      for (const part of hoverCase.mustContain) assert.ok(text.includes(part), `hover lacks "${part}": ${text}`);
    });
  }
});
