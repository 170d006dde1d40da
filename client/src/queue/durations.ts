/**
 * Slurm's printed durations ("5:03", "1:02:03", "2-00:00:00", "UNLIMITED") as seconds.
 */

/**
 * Seconds of a duration as squeue/sacct/scontrol print it: [days-][hours:]minutes:seconds, or
 * days-hours, or plain minutes. Undefined for UNLIMITED, INVALID, N/A, NOT_SET, empty or
 * anything else (the printed text is kept by the caller).
 */
export function durationSeconds(text: string): number | undefined {
  const t = text.trim();
  let m = /^(?:(\d+)-)?(\d+):(\d{1,2}):(\d{1,2})$/.exec(t);
  if (m) return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  m = /^(\d+):(\d{1,2})(?:\.\d+)?$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d+)-(\d+)(?::(\d{1,2}))?$/.exec(t);
  if (m) return Number(m[1]) * 86400 + Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60;
  m = /^(\d+)$/.exec(t);
  if (m) return Number(m[1]) * 60;
  return undefined;
}
