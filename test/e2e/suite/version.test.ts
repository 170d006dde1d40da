// With hpcWorkflows.slurm.version = auto (the default) the extension asks the local sbatch for its
// version, as on a login node over Remote-SSH, and the server then judges options by that series.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, lineNumberOf, openWorkspaceFile, waitFor } from './helpers';

suite('Slurm version from the local sbatch', () => {
  test('--oom-kill-step (24.11+) is refused when the local sbatch is older, accepted otherwise', async () => {
    const local = spawnSync('sbatch', ['--version'], { encoding: 'utf8' });
    const m = /(\d{2})\.(\d{2})/.exec(local.stdout ?? '');
    const series = m ? `${m[1]}.${m[2]}` : undefined;
    const document = await openWorkspaceFile('version.sbatch');
    const optionLine = lineNumberOf(document, '#SBATCH --oom-kill-step');
    const timeLine = lineNumberOf(document, '#SBATCH --time=abc');
    const onLine = (line: number, code: string) => vscode.languages.getDiagnostics(document.uri).find((d) => d.range.start.line === line && diagnosticCode(d) === code);
    await waitFor('the server to answer', () => onLine(timeLine, 'slurm/invalid-value'), () => describeDiagnostics(document.uri));
    if (series !== undefined && series < '24.11') {
      const d = await waitFor(`unknown-option for Slurm ${series}`, () => onLine(optionLine, 'slurm/unknown-option'), () => describeDiagnostics(document.uri));
      assert.ok(d.message.includes(`Slurm ${series}`), d.message);
    } else {
      assert.strictEqual(onLine(optionLine, 'slurm/unknown-option'), undefined, `no local sbatch older than 24.11 (found: ${series ?? 'none'})`);
    }
  });
});
