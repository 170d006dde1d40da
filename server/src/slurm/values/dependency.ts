import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import {
  atLeast, describeVersion, error, info, joinWords, plural, readCInteger, siteWarning, startsNoCase, validateAcrossVersions, warning,
} from './util';

/**
 * `--dependency`: sbatch sends the text unchecked; the controller reads it at
 * submission (`update_job_dependency`). Items are `TYPE:JOB[:JOB...]` or
 * `singleton`, joined by `,` (all must hold) or `?` (any may hold). A job is
 * `ID`, `ID_TASK`, `ID_*` or `ID_[SET]`, optionally `+MINUTES`. A bare list of job
 * ids is the old form of afterany. From 25.11 mixing `,` and `?` and trailing text
 * are refused; earlier series read a mix as all-OR and ignore trailing text.
 */

export type DependencyType = 'after' | 'afterany' | 'afterok' | 'afternotok' | 'aftercorr' | 'afterburstbuffer' | 'expand' | 'singleton';

/** One job named in a dependency. */
export interface DependencyJob {
  id: number;
  /** A task of an array job, `*` for all its tasks, or a list from `_[...]`. */
  task?: number | '*' | number[];
  /** `+MINUTES` delay (after and afterany style types). */
  plusMinutes?: number;
  /** The negative number written, when the id wrapped around. */
  wrappedFrom?: number;
}

export interface DependencyItem {
  type: DependencyType;
  jobs: DependencyJob[];
  start: number;
  end: number;
}

export interface DependencyReading {
  items: DependencyItem[];
  /** How items are joined: `,` (and), `?` (or), or both. */
  join: 'and' | 'or' | 'mixed' | 'single';
  /** Text the controller skips without a word (22.05–25.05). */
  ignoredTail?: { start: number; text: string };
  /** True for an empty value or `0`, which clears dependencies. */
  cleared?: boolean;
  /** Largest index used in an `_[...]` task set. */
  maxBracketIndex?: number;
}

type Parse = { ok: true; reading: DependencyReading } | { ok: false; why: string; start: number; end: number };

/** Type keywords in the order, and with the compared lengths, the controller uses. */
const TYPE_PREFIXES: [string, number, DependencyType][] = [
  ['afternotok:', 11, 'afternotok'], ['aftercorr:', 10, 'aftercorr'], ['afterany:', 9, 'afterany'], ['afterok:', 8, 'afterok'],
  ['afterburstbuffer:', 11, 'afterburstbuffer'], ['after:', 6, 'after'], ['expand:', 7, 'expand'],
];

/** Reads a `_[...]` task set the way `bit_unfmt` does; undefined when invalid or empty. */
function readTaskSet(text: string): number[] | undefined {
  const step = /^(\d+)-(\d+):(\d+)$/.exec(text);
  const tasks: number[] = [];
  if (step) {
    const [a, b, s] = [Number(step[1]), Number(step[2]), Number(step[3])];
    if (b < a || s <= 0) return undefined;
    for (let i = a; i < b && tasks.length < 100000; i += s) tasks.push(i);
  } else if (/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(text)) {
    for (const part of text.split(',')) {
      const [a, b = a] = part.split('-').map(Number);
      for (let i = a; i <= b && tasks.length < 100000; i++) tasks.push(i);
    }
  } else {
    return undefined;
  }
  return tasks.length ? tasks : undefined;
}

/** Reads one job reference at `p`; returns it and where it ended. */
function readJob(s: string, p: number, strict: boolean): { ok: true; job: DependencyJob; end: number } | { ok: false; why: string; end: number } {
  const n = readCInteger(s, p);
  if (!n.hasDigits || n.value === 0 || n.overflow) return { ok: false, why: 'a job id must be a positive number', end: n.end };
  // NOTE: the controller stores the id in 32 bits, so a negative number becomes a huge id.
  const job: DependencyJob = n.value < 0 ? { id: 2 ** 32 + (n.value % 2 ** 32), wrappedFrom: n.value } : { id: n.value };
  let i = n.end;
  if (s[i] === '_') {
    if (s[i + 1] === '*') {
      job.task = '*';
      i += 2;
    } else if (s[i + 1] === '[') {
      const close = s.indexOf(']', i + 2);
      const set = close < 0 ? undefined : readTaskSet(s.slice(i + 2, close));
      if (!set) return { ok: false, why: 'an array task set is written like 123_[1-5] or 123_[1,3,7]', end: i };
      job.task = set;
      i = close + 1;
    } else {
      const t = readCInteger(s, i + 1);
      if (!t.hasDigits && strict) return { ok: false, why: 'after _ put an array task index or *', end: i + 1 };
      job.task = t.value;
      i = t.hasDigits ? t.end : i + 1;
    }
  }
  return { ok: true, job, end: i };
}

/** Reads a dependency value the way the given series' controller does. */
export function readDependency(s: string, version: SlurmVersion): Parse {
  if (s === '' || s === '0') return { ok: true, reading: { items: [], join: 'single', cleared: true } };
  const strict = atLeast(version, '25.11');
  const items: DependencyItem[] = [];
  const seps = new Set<string>();
  let p = 0;
  const fail = (why: string, start: number, end = start + 1): Parse => ({ ok: false, why, start, end: Math.min(Math.max(end, start + 1), s.length) });
  for (;;) {
    const itemStart = p;
    let next: number;
    if (startsNoCase(s.slice(p), 'singleton')) {
      next = p + 9;
      if (s[next] === '(') {
        const close = s.indexOf(')', next);
        if (close < 0) return fail('a ( after singleton needs a closing )', next);
        next = close + 1;
      }
      items.push({ type: 'singleton', jobs: [], start: itemStart, end: next });
    } else {
      // NOTE: the controller looks for the first ':' anywhere in the rest of the text.
      const colon = s.indexOf(':', p);
      if (colon < 0) {
        if (!(s[p] >= '0' && s[p] <= '9')) return fail(`expected a dependency type (after, afterany, afterok, afternotok, aftercorr, singleton) at ${JSON.stringify(s.slice(p, p + 12))}`, p, s.length);
        const r = readJob(s, p, strict);
        if (!r.ok) return fail(r.why, p, r.end);
        if (r.end < s.length && s[r.end] !== ',') return fail(`unexpected ${JSON.stringify(s.slice(r.end))} after job ${r.job.id}`, r.end, s.length);
        items.push({ type: 'afterany', jobs: [r.job], start: itemStart, end: r.end });
        next = r.end;
      } else {
        const prefix = TYPE_PREFIXES.find(([word, len]) => startsNoCase(s.slice(p), word.slice(0, len)));
        if (!prefix) {
          const word = s.slice(p, colon);
          const hint = /^\d/.test(word) ? ' (a bare job id cannot come before an item with a type; write afterany:ID)' : '';
          return fail(`unknown dependency type ${JSON.stringify(word)}${hint}`, p, colon);
        }
        const type = prefix[2];
        const jobs: DependencyJob[] = [];
        let q = colon + 1;
        for (;;) {
          const r = readJob(s, q, strict);
          if (!r.ok) return fail(`${r.why} (in ${type})`, q, Math.max(r.end, q + 1));
          let i = r.end;
          if (!strict && i < s.length && !',?:+('.includes(s[i])) return fail(`unexpected ${JSON.stringify(s.slice(i))} after job ${r.job.id}`, i, s.length);
          if (s[i] === '+') {
            const t = readCInteger(s, i + 1);
            if (!t.hasDigits || t.value <= 0) return fail('after + put a positive number of minutes', i, t.end);
            r.job.plusMinutes = t.value;
            i = t.end;
          }
          if (s[i] === '(') {
            const close = s.indexOf(')', i);
            if (close < 0) return fail('a ( needs a closing )', i);
            i = close + 1;
          }
          jobs.push(r.job);
          q = i;
          if (s[i] !== ':') break;
          q = i + 1;
        }
        items.push({ type, jobs, start: itemStart, end: q });
        next = q;
      }
    }
    const sep = s[next];
    if (sep === ',' || sep === '?') {
      if (strict && seps.size && !seps.has(sep)) return fail('use either , (all must hold) or ? (any may hold) between items, not both', next);
      seps.add(sep);
      p = next + 1;
      continue;
    }
    if (next >= s.length) break;
    const last = items[items.length - 1];
    if (strict || last.type === 'singleton' || colonFree(s, last.start, next)) return fail(`unexpected ${JSON.stringify(s.slice(next))}`, next, s.length);
    return { ok: true, reading: finish(items, seps, { start: next, text: s.slice(next) }) };
  }
  return { ok: true, reading: finish(items, seps) };
}

function colonFree(s: string, from: number, to: number): boolean {
  return !s.slice(from, to).includes(':');
}

function finish(items: DependencyItem[], seps: Set<string>, ignoredTail?: { start: number; text: string }): DependencyReading {
  const join = seps.size === 2 ? 'mixed' : seps.has('?') ? 'or' : seps.has(',') ? 'and' : 'single';
  let maxBracketIndex: number | undefined;
  for (const item of items) {
    for (const job of item.jobs) if (Array.isArray(job.task)) maxBracketIndex = Math.max(maxBracketIndex ?? 0, ...job.task);
  }
  return { items, join, ignoredTail, maxBracketIndex };
}

function validateFor(value: string, version: SlurmVersion, ctx: ValueContext): ValueProblem[] {
  const r = readDependency(value, version);
  if (!r.ok) return [error(`Job dependency problem: ${r.why}.`, r.start, r.end)];
  const reading = r.reading;
  const problems: ValueProblem[] = [];
  if (reading.join === 'mixed') {
    problems.push(warning('Mixing , and ? does not work as written: Slurm treats every item as joined by ? (any one satisfied is enough).'));
  }
  if (reading.ignoredTail) {
    const t = reading.ignoredTail;
    problems.push(warning(`The controller ignores ${JSON.stringify(t.text)} at the end.`, t.start, value.length));
  }
  const wrapped = reading.items.flatMap((i) => i.jobs).find((j) => j.wrappedFrom !== undefined);
  if (wrapped) problems.push(warning(`A negative job id (${wrapped.wrappedFrom}) is read as job ${wrapped.id}.`));
  if (reading.maxBracketIndex !== undefined && reading.maxBracketIndex >= ctx.maxArraySize) {
    problems.push(siteWarning(`Task ${reading.maxBracketIndex} is not below MaxArraySize (${ctx.maxArraySize}), so the task set is not understood and the dependency is refused.`));
  }
  if (reading.items.some((i) => i.type === 'expand')) {
    problems.push(siteWarning('expand works only where the site allows job expansion (SchedulerParameters=permit_job_expansion), for a running job in the same partition and QOS.'));
  }
  if (ctx.version !== 'any' && atLeast(version, '25.11') && reading.items.some((i) => i.type === 'afterok' || i.type === 'afternotok')) {
    problems.push(info('From 25.11 the controller refuses afterok/afternotok on a job it no longer knows (finished and purged).'));
  }
  return problems;
}

const TYPE_WORDS: Record<Exclude<DependencyType, 'singleton'>, (jobs: string, many: boolean) => string> = {
  after: (jobs, many) => `after ${jobs} ${many ? 'have' : 'has'} started (or been cancelled)`,
  afterany: (jobs, many) => `after ${jobs} ${many ? 'have' : 'has'} ended, in any state`,
  afterok: (jobs, many) => `after ${jobs} ${many ? 'succeed' : 'succeeds'}`,
  afternotok: (jobs, many) => `after ${jobs} ${many ? 'fail' : 'fails'}`,
  aftercorr: (jobs) => `each task after the matching task of ${jobs} succeeds`,
  afterburstbuffer: (jobs, many) => `after ${jobs} ${many ? 'have' : 'has'} ended and finished burst buffer stage-out`,
  expand: (jobs) => `as an extra allocation for ${jobs}`,
};

function jobWords(job: DependencyJob): string {
  const delay = job.plusMinutes ? ` (+${plural(job.plusMinutes, 'minute')})` : '';
  if (job.task === undefined) return `${job.id}${delay}`;
  if (job.task === '*') return `${job.id}_*${delay}`;
  if (Array.isArray(job.task)) return `${job.id}_[${job.task.length} tasks]${delay}`;
  return `${job.id}_${job.task}${delay}`;
}

/** Puts a valid dependency into words, e.g. "starts after jobs 123 and 456 succeed". */
export function describeDependency(reading: DependencyReading): string {
  if (reading.cleared) return 'no dependency (clears any earlier one)';
  const clauses = reading.items.map((item) => {
    if (item.type === 'singleton') return 'when no other job with the same name and user is running';
    const ids = item.jobs.map(jobWords);
    const many = ids.length > 1 || item.jobs[0].task !== undefined && typeof item.jobs[0].task !== 'number';
    const jobs = `${many ? 'jobs' : 'job'} ${joinWords(ids)}`;
    return TYPE_WORDS[item.type](jobs, many);
  });
  const joiner = reading.join === 'and' ? ', and ' : reading.join === 'single' ? ', and ' : ', or ';
  return `starts ${clauses.join(joiner)}`;
}

/** `--dependency`/`-d`. */
export const DEPENDENCY_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateAcrossVersions(value, ctx, (v, version) => validateFor(v, version, ctx)),
  describe: (value, ctx) => {
    const r = readDependency(value, describeVersion(ctx));
    if (!r.ok && ctx.version === 'any') {
      const old = readDependency(value, '22.05');
      return old.ok ? describeDependency(old.reading) : undefined;
    }
    return r.ok ? describeDependency(r.reading) : undefined;
  },
  completions: () => ['afterok:', 'afterany:', 'afternotok:', 'after:', 'aftercorr:', 'afterburstbuffer:', 'singleton', 'expand:'],
};
