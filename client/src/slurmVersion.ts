import { execFile } from 'child_process';

/**
 * Asks the local `sbatch` for its version (the Remote-SSH case: VS Code's extension host runs on
 * the login node). Resolves to e.g. "22.05.8", or undefined when sbatch is absent or slow.
 * Called once at activation, and only in a trusted workspace.
 */
export function detectLocalSlurmVersion(timeoutMs = 3000): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('sbatch', ['--version'], { timeout: timeoutMs, windowsHide: true }, (err, stdout) => {
        if (err) return resolve(undefined);
        const m = /(\d+\.\d+(?:\.\d+)?)/.exec(stdout);
        resolve(m ? m[1] : undefined);
      });
    } catch {
      resolve(undefined);
    }
  });
}
