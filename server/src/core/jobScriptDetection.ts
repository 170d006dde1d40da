/** File extensions that always mean "Slurm job script". */
export const JOB_SCRIPT_EXTENSIONS = ['.sbatch', '.slurm', '.job'];

const DIRECTIVE_LINE = /^[ \t]*#+[ \t]*(SBATCH|SLURM)\b/im;

/**
 * Decides whether a shell document is a Slurm job script, so plain shell scripts are not told
 * they lack #SBATCH lines: a job-script extension, or any line that is (or looks like) a
 * directive. Called by the server for each opened shell document and by the CLI's directory walk.
 */
export function looksLikeJobScript(pathOrUri: string, text: string): boolean {
  const lower = pathOrUri.toLowerCase();
  if (JOB_SCRIPT_EXTENSIONS.some((ext) => lower.endsWith(ext))) return true;
  return DIRECTIVE_LINE.test(text.length > 200_000 ? text.slice(0, 200_000) : text);
}
