import type { ParsedOption } from '../getopt';
import type { TranslationBuilder, ValuePart } from './builder';
import { rangedHostlist } from './hostlist';

type Action =
  | 'accelerator' | 'skip' | 'cput' | 'file' | 'mem' | 'mpiprocs' | 'naccelerators' | 'ncpus'
  | 'nice' | 'nodes' | 'pcput' | 'proc' | 'select' | 'walltime';

/** The resources sbatch looks for, in the order it tries them; `ci`: matched in any case. */
const RESOURCES: { key: string; action: Action; ci?: boolean }[] = [
  { key: 'accelerator=', action: 'accelerator', ci: true },
  { key: 'arch=', action: 'skip' },
  { key: 'cput=', action: 'cput' },
  { key: 'file=', action: 'file' },
  { key: 'host=', action: 'skip' },
  { key: 'mem=', action: 'mem' },
  { key: 'mpiprocs=', action: 'mpiprocs', ci: true },
  { key: 'naccelerators=', action: 'naccelerators', ci: true },
  { key: 'ncpus=', action: 'ncpus', ci: true },
  { key: 'nice=', action: 'nice' },
  { key: 'nodes=', action: 'nodes' },
  { key: 'opsys=', action: 'skip' },
  { key: 'other=', action: 'skip' },
  { key: 'pcput=', action: 'pcput' },
  { key: 'pmem=', action: 'skip' },
  { key: 'proc=', action: 'proc' },
  { key: 'pvmem=', action: 'skip' },
  { key: 'select=', action: 'select', ci: true },
  { key: 'software=', action: 'skip' },
  { key: 'vmem=', action: 'skip' },
  { key: 'walltime=', action: 'walltime' },
];

/** Why a resource sbatch skips is dropped, and what to write instead. */
const SKIPPED_ADVICE: Record<string, string> = {
  arch: 'ask for node features with --constraint',
  host: 'name hosts with --nodelist',
  opsys: 'ask for node features with --constraint',
  other: 'ask for node features with --constraint',
  software: 'ask for licenses with --licenses',
  pmem: '--mem-per-cpu is the nearest Slurm request',
  pvmem: 'Slurm limits real memory (--mem-per-cpu)',
  vmem: 'Slurm limits real memory (--mem)',
};

/** C's strtol(s, NULL, 10): leading blanks, a sign, digits; 0 when there are none. */
export function cStrtol(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

/** C's parse_int for a value that must be a whole number above 0; undefined when sbatch refuses it. */
function positiveInt(s: string): number | undefined {
  return /^[ \t\n\v\f\r]*\+?\d+$/.test(s) && Number(s) > 0 ? Number(s) : undefined;
}

function keyAt(rl: string, i: number): (typeof RESOURCES)[number] | undefined {
  return RESOURCES.find((r) => {
    const text = rl.slice(i, i + r.key.length);
    return r.ci ? text.toLowerCase() === r.key : text === r.key;
  });
}

/** Reads up to `sep` (not included) and steps past it: sbatch's way of taking one resource value. */
function valueUntil(rl: string, i: number, sep: string): { value: string; end: number; next: number } {
  let k = i;
  while (k < rl.length && rl[k] !== sep) k++;
  return { value: rl.slice(i, k), end: k, next: k < rl.length ? k + 1 : k };
}

/** Steps past the next `,`: how sbatch skips a resource it does not translate. */
function nextResource(rl: string, i: number): { end: number; next: number } {
  const r = valueUntil(rl, i, ',');
  return { end: r.end, next: r.next };
}

function nodesOf(o: ParsedOption, b: TranslationBuilder, value: string, base: number, item: ValuePart): void {
  let ppn = 0;
  let count = 0;
  const hosts: string[] = [];
  const stop = (k: number) => k < value.length && value[k] !== '+' && value[k] !== ':';
  const skipPart = (k: number) => {
    while (stop(k)) k++;
    return k < value.length ? k + 1 : k;
  };
  for (let i = 0; i < value.length; ) {
    if (value.startsWith('gpus=', i)) {
      const from = i + 5;
      let k = from;
      while (stop(k)) k++;
      b.emit(o, 'gpus-per-node', value.slice(from, k), [base + i, base + k]);
      i = k < value.length ? k + 1 : k;
    } else if (value.startsWith('ppn=', i)) {
      ppn += cStrtol(value.slice(i + 4));
      i = skipPart(i + 4);
    } else if (/[0-9]/.test(value[i])) {
      count += cStrtol(value.slice(i));
      i = skipPart(i);
    } else if (/[A-Za-z]/.test(value[i])) {
      let k = i;
      while (stop(k)) k++;
      hosts.push(value.slice(i, k));
      i = k < value.length ? k + 1 : k;
    } else i++;
  }
  if (count > 0) b.emit(o, 'nodes', String(count), item);
  if (ppn !== 0) b.emit(o, 'ntasks', String(ppn * (count || 1)), item);
  if (hosts.length > 0) {
    b.emit(o, 'nodelist', rangedHostlist(hosts), item);
    if (count > 0) {
      b.problem('questionable-value', 'warning', `sbatch reads ${hosts.map((h) => `"${h}"`).join(', ')} in nodes= as host names (--nodelist), not as node properties; ask for node features with --constraint`, b.valueSpan(o, item));
    }
  }
}

/** Reports text sbatch steps over without matching any resource name (one warning per resource). */
function reportUnknown(o: ParsedOption, b: TranslationBuilder, rl: string, unmatched: number[], quiet: ValuePart[], matched: Map<number, ValuePart>): void {
  let run: number[] = [];
  const flush = () => {
    const inside = run.filter((k) => !quiet.some(([from, to]) => k >= from && k < to));
    if (inside.length > 0 && run.some((k) => /[A-Za-z]/.test(rl[k]))) {
      const part: ValuePart = [run[0], run[run.length - 1] + 1];
      const text = rl.slice(part[0], part[1]);
      const next = matched.get(part[1]);
      b.ignore(o, part, next
        ? `sbatch knows no PBS resource starting "${text}"; it skips those letters and reads ${rl.slice(next[0], next[1])} as a resource of its own`
        : `sbatch does not know the PBS resource "${text}" and ignores it`);
    }
    run = [];
  };
  for (const k of unmatched) {
    if (rl[k] === ',' || (run.length > 0 && k !== run[run.length - 1] + 1)) flush();
    if (rl[k] !== ',') run.push(k);
  }
  flush();
}

/**
 * Translates the value of `#PBS -l` exactly as sbatch does: it walks the text looking for the
 * resource names it knows (stepping one character at a time past anything else, so a known name
 * inside an unknown one still matches), takes most values up to the next `,` but `select=`,
 * `ncpus=` and `mpiprocs=` up to the next `:`, and adds --cpus-per-task and --gres at the end.
 */
export function translateResourceList(o: ParsedOption, b: TranslationBuilder): void {
  const rl = o.value ?? '';
  const unmatched: number[] = [];
  const quiet: ValuePart[] = [];
  const gpuParts: ValuePart[] = [];
  /** Start of each resource name sbatch matched -> the resource as written. */
  const matched = new Map<number, ValuePart>();
  let gpus = 0;
  let flags = 0;
  let mincpus: number | undefined;
  let perNode: number | undefined;
  let i = 0;
  while (i < rl.length) {
    const r = keyAt(rl, i);
    if (!r) {
      unmatched.push(i++);
      continue;
    }
    const start = i;
    const from = i + r.key.length;
    const name = r.key.slice(0, -1);
    const colon = r.action === 'select' || r.action === 'ncpus' || r.action === 'mpiprocs';
    const v = valueUntil(rl, from, colon ? ':' : ',');
    const item: ValuePart = [start, v.end];
    matched.set(start, r.action === 'skip' || r.action === 'accelerator' ? [start, nextResource(rl, from).end] : item);
    const note = colon && v.value.includes(',') ? `sbatch reads ${name}= up to the next ':', not the next ','` : undefined;
    switch (r.action) {
      case 'accelerator': {
        // sbatch only looks at the word after `=`; the rest is stepped over like unknown text.
        if (rl.slice(from, from + 4).toLowerCase() === 'true' && gpus < 1) gpus = 1;
        const end = nextResource(rl, from).end;
        quiet.push([from, end]);
        gpuParts.push([start, end]);
        i = from;
        continue;
      }
      case 'skip': {
        const skip = nextResource(rl, from);
        b.ignore(o, [start, skip.end], `sbatch ignores the PBS resource ${rl.slice(start, skip.end)}; ${SKIPPED_ADVICE[name] ?? 'it has no Slurm translation'}`);
        i = skip.next;
        continue;
      }
      case 'cput':
      case 'pcput':
      case 'walltime': {
        const { refused } = b.emit(o, 'time', v.value, item);
        if (!refused && /^\d+$/.test(v.value)) {
          b.problem('questionable-value', 'warning', `PBS reads ${name}=${v.value} as seconds, but sbatch passes ${v.value} to --time, which counts minutes; write ${name}=HH:MM:SS`, b.valueSpan(o, item));
        }
        if (r.action !== 'walltime') {
          b.problem('questionable-value', 'warning', `${name} limits CPU time, but sbatch makes it the job's wall-clock limit (--time=${v.value})`, b.valueSpan(o, item));
        }
        break;
      }
      case 'file':
      case 'mem': {
        // Torque writes sizes as 8gb; sbatch drops a final b/B so Slurm reads 8g.
        const size = /[bB]$/.test(v.value) ? v.value.slice(0, -1) : v.value;
        const { refused } = b.emit(o, r.action === 'mem' ? 'mem' : 'tmp', size, item);
        if (!refused && /^\d+$/.test(size)) {
          b.problem('questionable-value', 'warning', `PBS reads ${name}=${v.value} as bytes, but sbatch passes ${size} to --${r.action === 'mem' ? 'mem' : 'tmp'}, which counts megabytes; give a unit (e.g. ${name}=8gb)`, b.valueSpan(o, item));
        }
        break;
      }
      case 'mpiprocs':
        flags |= 4;
        if (!b.emit(o, 'ntasks-per-node', v.value, item, { note }).refused) perNode = Number(v.value);
        break;
      case 'ncpus':
        flags |= 2;
        if (!b.emit(o, 'mincpus', v.value, item, { note }).refused) mincpus = Number(v.value);
        break;
      case 'select':
        flags |= 1;
        b.emit(o, 'nodes', v.value, item, { note });
        break;
      case 'naccelerators': {
        const n = positiveInt(v.value);
        if (n === undefined) b.problem('invalid-value', 'error', `sbatch refuses the script: naccelerators=${v.value} is not a whole number above 0`, b.valueSpan(o, item));
        else gpus = n;
        gpuParts.push(item);
        break;
      }
      case 'nice':
        b.emit(o, 'nice', v.value, item);
        break;
      case 'nodes':
        nodesOf(o, b, v.value, from, item);
        break;
      case 'proc': {
        const current = b.current('constraint');
        b.emit(o, 'constraint', current !== undefined ? `${v.value},${current}` : v.value, item, { added: v.value });
        // sbatch then skips one more resource: whatever follows proc= is lost.
        const lost = nextResource(rl, v.next);
        if (lost.end > v.next) b.ignore(o, [v.next, lost.end], `sbatch skips the resource after proc=, so ${rl.slice(v.next, lost.end)} is lost; write it in its own -l`);
        i = lost.next;
        continue;
      }
    }
    i = v.next;
  }
  reportUnknown(o, b, rl, unmatched, quiet, matched);
  const whole: ValuePart = [0, rl.length];
  if (flags === 7 && mincpus !== undefined && perNode !== undefined && perNode > 0 && mincpus > perNode) {
    b.emit(o, 'cpus-per-task', String(Math.floor(mincpus / perNode)), whole);
  }
  if (gpus > 0) {
    const current = b.current('gres');
    const first = gpuParts[0] ?? whole;
    b.emit(o, 'gres', current !== undefined ? `${current},gpu:${gpus}` : `gpu:${gpus}`, [first[0], (gpuParts[gpuParts.length - 1] ?? whole)[1]], { added: `gpu:${gpus}` });
  }
}
