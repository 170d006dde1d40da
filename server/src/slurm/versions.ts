/**
 * The Slurm release series the option table covers, oldest first. `master` is the
 * development branch as last read (its META said 26.11).
 */
export const SLURM_VERSIONS = ['22.05', '23.02', '23.11', '24.05', '24.11', '25.05', '25.11', '26.05', 'master'] as const;

export type SlurmVersion = (typeof SLURM_VERSIONS)[number];

/** What the user told us about their cluster's Slurm: one series, or `any` (accept every series). */
export type TargetVersion = SlurmVersion | 'any';

export function isSlurmVersion(s: string): s is SlurmVersion {
  return (SLURM_VERSIONS as readonly string[]).includes(s);
}

/** Orders two series: negative when a is older than b. */
export function compareVersions(a: SlurmVersion, b: SlurmVersion): number {
  return SLURM_VERSIONS.indexOf(a) - SLURM_VERSIONS.indexOf(b);
}

/**
 * Reads a version the way users write it ("22.05", "22.05.8", "slurm 23.11.4", "any")
 * and returns the series, or undefined when it names none we know.
 */
export function parseTargetVersion(text: string): TargetVersion | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'any' || t === 'auto') return 'any';
  if (t === 'master') return 'master';
  const m = /(\d{2})\.(\d{2})/.exec(t);
  if (!m) return undefined;
  const series = `${m[1]}.${m[2]}`;
  if (isSlurmVersion(series)) return series;
  // A release newer than the newest series we know reads as the newest.
  const newest = SLURM_VERSIONS[SLURM_VERSIONS.length - 2];
  return series > newest ? 'master' : undefined;
}
