import type { Finding, Severity } from '../../core/types';
import type { ParsedOption } from '../../slurm/getopt';
import { compareVersions, type SlurmVersion, type TargetVersion } from '../../slurm/versions';
import { optionRange } from '../ranges';
import type { Rule } from '../types';

const ID = 'slurm/conflicting-options';

interface Conflict {
  /** Options that may not be combined (any two of them clash). */
  options: string[];
  /** Options of the second group clash with the first (when set, `options` is the first group). */
  against?: string[];
  /** First series in which sbatch refuses the combination; before it, `olderSeverity` applies. */
  since?: SlurmVersion;
  olderSeverity?: Severity | 'none';
  severity: Severity;
  why: string;
}

/** Combinations sbatch checks after reading all options (facts from slurm_opt.c and sbatch's opt.c). */
const CONFLICTS: Conflict[] = [
  { options: ['mem', 'mem-per-cpu', 'mem-per-gpu'], severity: 'error', why: 'memory can be asked for only one way: per node, per CPU or per GPU' },
  { options: ['ntasks-per-gpu'], against: ['gpus-per-task', 'gpus-per-socket', 'ntasks-per-node'], severity: 'error', why: 'sbatch refuses --ntasks-per-gpu together with it' },
  { options: ['ntasks-per-gpu'], against: ['tres-per-task'], severity: 'error', why: 'sbatch refuses --ntasks-per-gpu together with it' },
  { options: ['core-spec', 'thread-spec'], severity: 'error', why: 'cores or threads can be reserved for the system, not both' },
  { options: ['bb', 'bbf'], severity: 'error', why: 'a burst buffer is described either inline or in a file' },
  {
    options: ['exclusive', 'oversubscribe'], since: '23.02', olderSeverity: 'warning', severity: 'error',
    why: 'a job cannot both own its nodes and share them (before 23.02 the later option silently wins)',
  },
  {
    options: ['hint'], against: ['ntasks-per-core', 'threads-per-core', 'extra-node-info'], severity: 'warning',
    why: 'sbatch then ignores --hint and uses the explicit layout',
  },
];

function severityIn(c: Conflict, version: TargetVersion): Severity | 'none' {
  if (!c.since || version === 'any' || compareVersions(version, c.since) >= 0) return c.severity;
  return c.olderSeverity ?? 'none';
}

/**
 * Options that sbatch refuses to combine (mutually exclusive memory requests, GPU task layouts,
 * ...), or whose combination makes it ignore one of them.
 */
export const conflictingOptions: Rule = {
  meta: { id: ID, description: 'Options sbatch refuses to combine, or of which it silently ignores one', defaultSeverity: 'error', fixable: false, tip: 4 },
  check({ script, settings }) {
    const findings: Finding[] = [];
    for (const component of script.components) {
      const lastOf = new Map<string, ParsedOption>();
      for (const o of component.options) lastOf.set(o.spec.name, o);
      for (const c of CONFLICTS) {
        const severity = severityIn(c, settings.version);
        if (severity === 'none') continue;
        const first = c.options.filter((n) => lastOf.has(n));
        const second = (c.against ?? []).filter((n) => lastOf.has(n));
        const pairs: [string, string][] = [];
        if (c.against) for (const a of first) for (const b of second) pairs.push([a, b]);
        else for (let i = 0; i < first.length; i++) for (let j = i + 1; j < first.length; j++) pairs.push([first[i], first[j]]);
        for (const [a, b] of pairs) {
          const oa = lastOf.get(a) as ParsedOption;
          const ob = lastOf.get(b) as ParsedOption;
          const later = oa.index > ob.index ? oa : ob;
          const verdict = severity === 'error' ? 'sbatch refuses the script' : 'sbatch accepts it';
          findings.push({
            code: ID, severity, range: optionRange(later),
            message: `--${a} and --${b} conflict: ${c.why}; ${verdict}`,
            fixes: [], data: { options: [a, b], otherLine: (later === oa ? ob : oa).line },
          });
        }
      }
    }
    return findings;
  },
};
