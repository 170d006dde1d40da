/** A run of host names with one prefix and consecutive numbers of one width (`node01`..`node04`). */
interface HostRun {
  prefix: string;
  /** Undefined for a name without a numeric suffix. */
  lo?: number;
  hi?: number;
  width: number;
}

function parseHost(name: string): HostRun {
  const m = /^(.*?)(\d+)$/.exec(name);
  if (!m) return { prefix: name, width: 0 };
  const n = Number(m[2]);
  return { prefix: m[1], lo: n, hi: n, width: m[2].length };
}

/** Numbers join one run when written with the same width, or when neither has leading zeros (9 and 10). */
function sameWidth(a: HostRun, b: HostRun): boolean {
  const unpadded = (r: HostRun) => r.lo !== undefined && String(r.lo).length === r.width;
  return a.width === b.width || (unpadded(a) && unpadded(b));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function runText(r: HostRun): string {
  if (r.lo === undefined || r.hi === undefined) return '';
  return r.lo === r.hi ? pad(r.lo, r.width) : `${pad(r.lo, r.width)}-${pad(r.hi, r.width)}`;
}

/**
 * Host names in Slurm's compressed form, as sbatch builds the --nodelist of a #PBS `nodes=`
 * resource: names pushed in order, each joining the previous run when it has the same prefix and
 * the next number (`node01+node02` -> `node[01-02]`); neighbouring runs with one prefix share
 * brackets. Returns '' for no hosts.
 */
export function rangedHostlist(hosts: readonly string[]): string {
  const runs: HostRun[] = [];
  for (const host of hosts) {
    const h = parseHost(host);
    const last = runs[runs.length - 1];
    if (last && h.lo !== undefined && last.hi !== undefined && last.prefix === h.prefix && sameWidth(last, h) && h.lo === last.hi + 1) last.hi = h.lo;
    else runs.push(h);
  }
  const parts: string[] = [];
  for (let i = 0; i < runs.length; ) {
    const first = runs[i];
    let j = i + 1;
    if (first.lo !== undefined) while (j < runs.length && runs[j].lo !== undefined && runs[j].prefix === first.prefix) j++;
    const group = runs.slice(i, j);
    if (first.lo === undefined) parts.push(first.prefix);
    else if (group.length === 1 && first.lo === first.hi) parts.push(`${first.prefix}${runText(first)}`);
    else parts.push(`${first.prefix}[${group.map(runText).join(',')}]`);
    i = j;
  }
  return parts.join(',');
}
