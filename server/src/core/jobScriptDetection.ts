/** File extensions that always mean "Slurm job script". */
export const JOB_SCRIPT_EXTENSIONS = ['.sbatch', '.slurm', '.job'];

const DIRECTIVE_LINE = /^[ \t]*#+[ \t]*(SBATCH|SLURM)\b/m;
/** `#sbatch --time=...` in the wrong case (a directive sbatch ignores), not prose such as `# sbatch job.sh`. */
const MISCASED_DIRECTIVE_LINE = /^[ \t]*#+[ \t]*(sbatch|slurm)[ \t]+-/im;

/**
 * Decides whether a shell document is a Slurm job script, so plain shell scripts are not told
 * they lack #SBATCH lines: a job-script extension, or any line that is (or looks like) a
 * directive. Called by the server for each opened shell document and by the CLI's directory walk.
 */
export function looksLikeJobScript(pathOrUri: string, text: string): boolean {
  const lower = pathOrUri.toLowerCase();
  if (JOB_SCRIPT_EXTENSIONS.some((ext) => lower.endsWith(ext))) return true;
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return DIRECTIVE_LINE.test(head) || MISCASED_DIRECTIVE_LINE.test(head);
}

/**
 * What kind of shell document a text is, for the rules to run on it:
 * - `job-script`: a Slurm batch script (job-script extension or a directive line); every rule runs.
 * - `submit-script`: a plain shell script that calls `sbatch` (a driver that submits jobs, e.g. in a
 *   loop); only the rules about submitting (`RuleMeta.submitScripts`) run, so it is never told it
 *   lacks `#SBATCH` lines.
 * - undefined: any other shell script; nothing runs.
 * Called by the server for each opened shell document and by the CLI for each file.
 */
export type ShellDocumentKind = 'job-script' | 'submit-script';

/** `sbatch` used as a command on a line that is not a comment. */
const SBATCH_CALL = /^(?![ \t]*#).*?(?:^|[\s;&|({`!]|\$\()sbatch(?=[\s;&|)`]|$)/m;

export function shellDocumentKind(pathOrUri: string, text: string): ShellDocumentKind | undefined {
  if (looksLikeJobScript(pathOrUri, text)) return 'job-script';
  return SBATCH_CALL.test(text.length > 200_000 ? text.slice(0, 200_000) : text) ? 'submit-script' : undefined;
}
