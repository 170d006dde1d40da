import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { atLeast, describeVersion, eqNoCase, error, joinWords, plural, siteWarning, tokenize, validateAcrossVersions, warning, own } from './util';

/**
 * Generic resources. sbatch itself checks `--gres` and the `--gpus*` options
 * before submitting (`gres_job_state_validate` with the local slurm.conf): the
 * syntax below, and that each name is one of the site's GresTypes ("Invalid generic
 * resource (gres) specification" otherwise). Also `--gres-flags`,
 * `--tres-per-task` and `--licenses`.
 */

/** One GRES request: `name[:type][:count]`. */
export interface GresItem {
  name: string;
  type?: string;
  count: number;
  start: number;
  end: number;
}

const SUFFIXES: Record<string, number> = {
  '': 1, k: 1024, kib: 1024, kb: 1000, m: 1024 ** 2, mib: 1024 ** 2, mb: 1e6, g: 1024 ** 3, gib: 1024 ** 3, gb: 1e9,
  t: 1024 ** 4, tib: 1024 ** 4, tb: 1e12, p: 1024 ** 5, pib: 1024 ** 5, pb: 1e15,
};

/** Reads a GRES count (`_is_valid_number`); 23.11+ wants a leading digit. */
function readGresCount(text: string, version: SlurmVersion): number | undefined {
  const newer = atLeast(version, '23.11');
  const m = (newer ? /^(\d+)(.*)$/ : /^\s*\+?(\d*)(.*)$/).exec(text);
  if (!m) return undefined;
  const mult = own(SUFFIXES, m[2].toLowerCase());
  if (mult === undefined) return undefined;
  return (m[1] === '' ? 0 : Number(m[1])) * mult;
}

type ItemParse = { ok: true; item?: GresItem } | { ok: false; why: string };

/** Reads one comma-separated request the way the given series does; no item when it is skipped. */
function readGresItem(text: string, start: number, version: SlurmVersion): ItemParse {
  let body = text.replace(atLeast(version, '23.11') ? /^gres\// : /^gres:/, '');
  const offset = start + (text.length - body.length);
  const end = start + text.length;
  if (body === '') return { ok: true };
  let name: string;
  let type: string | undefined;
  let count: number;
  if (!atLeast(version, '23.11')) {
    const [n, t, ...rest] = body.split(':');
    name = n;
    if (rest.length) {
      const c = rest.join(':');
      if (t === '' || c === '') return { ok: false, why: `${JSON.stringify(text)}: empty type or count` };
      const v = readGresCount(c, version);
      if (v === undefined) return { ok: false, why: `${JSON.stringify(c)} is not a count` };
      type = t;
      count = v;
    } else if (t !== undefined) {
      if (t === '') return { ok: false, why: `${JSON.stringify(text)}: nothing after the colon` };
      const v = readGresCount(t, version);
      if (v === undefined) {
        type = t;
        count = 1;
      } else count = v;
    } else count = 1;
  } else {
    const cut = Math.max(body.lastIndexOf('='), body.lastIndexOf(':'));
    count = 1;
    if (cut >= 0) {
      const tail = body.slice(cut + 1);
      if (tail === '') return { ok: false, why: `${JSON.stringify(text)}: nothing after ${body[cut]}` };
      const v = readGresCount(tail, version);
      if (v === undefined) {
        if (body[cut] === '=') return { ok: false, why: `${JSON.stringify(tail)} is not a count` };
        type = tail;
      } else count = v;
      body = body.slice(0, cut);
    } else if (readGresCount(body, version) !== undefined) {
      // NOTE: 23.11+ read a bare number as "no name" and drop the item without a word.
      return { ok: true, item: { name: '', count: readGresCount(body, version) ?? 0, start: offset, end } };
    }
    const colon = body.indexOf(':');
    if (colon >= 0) {
      if (type !== undefined) return { ok: false, why: `${JSON.stringify(text)} has too many parts` };
      type = body.slice(colon + 1);
      body = body.slice(0, colon);
    }
    name = body;
  }
  if (count === 0) return { ok: true };
  return { ok: true, item: { name, type, count, start: offset, end } };
}

/** Reads a whole `--gres` value; undefined items are skipped requests. */
export function readGres(value: string, version: SlurmVersion): { ok: true; items: GresItem[] } | { ok: false; why: string } {
  if (eqNoCase(value, 'none')) return { ok: true, items: [] };
  const items: GresItem[] = [];
  for (const tok of tokenize(value, ',')) {
    const r = readGresItem(tok.text, tok.start, version);
    if (!r.ok) return r;
    if (r.item) items.push(r.item);
  }
  return { ok: true, items };
}

/** GRES names every GPU site uses; other names get a site-dependent note. */
const COMMON_GRES = ['gpu', 'mps', 'shard'];

function nameProblems(items: GresItem[], ctx: ValueContext): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (const item of items) {
    if (item.name === '') {
      problems.push(warning('A bare number names no resource; Slurm drops this request without a word.', item.start, item.end));
      continue;
    }
    const known = ctx.gresTypes ? ctx.gresTypes.includes(item.name) : COMMON_GRES.includes(item.name);
    if (known) continue;
    const msg = ctx.gresTypes
      ? `${JSON.stringify(item.name)} is not in this cluster's GresTypes (${ctx.gresTypes.join(', ') || 'none'}): sbatch refuses it as an invalid generic resource.`
      : `sbatch refuses GRES names the cluster does not list in GresTypes; ${JSON.stringify(item.name)} is not a standard one, so check that the site defines it.`;
    // NOTE: with the site's GresTypes known, the refusal is certain: an error, still marked site-dependent.
    const problem = ctx.gresTypes ? { ...error(msg, item.start, item.start + item.name.length), siteDependent: true } : siteWarning(msg, item.start, item.start + item.name.length);
    problems.push(problem);
  }
  return problems;
}

function validateGresFor(value: string, version: SlurmVersion, ctx: ValueContext): ValueProblem[] {
  const lower = value.toLowerCase();
  if (lower === 'help' || lower === 'list') return [error(`--gres=${value} prints the available resources and sbatch then stops without submitting.`)];
  const r = readGres(value, version);
  if (!r.ok) return [error(`Invalid generic resource (gres) specification: ${r.why}. Use name[:type][:count], e.g. gpu:2 or gpu:a100:1.`)];
  return nameProblems(r.items, ctx);
}

function scopeWords(option: string): string {
  if (option === 'gpus') return 'for the whole job';
  if (option === 'gpus-per-socket') return 'per socket';
  if (option === 'gpus-per-task' || option === 'tres-per-task') return 'per task';
  return 'per node';
}

function describeItems(items: GresItem[], option: string): string {
  if (items.length === 0) return 'no generic resources';
  const words = items.map((i) => {
    const what = i.name === 'gpu' ? plural(i.count, 'GPU') : `${i.count} ${i.name}`;
    return i.type ? `${what} of type ${i.type}` : what;
  });
  return `${joinWords(words)} ${scopeWords(option)}`;
}

/** `--gres`. */
export const GRES_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateAcrossVersions(value, ctx, (v, version) => validateGresFor(v, version, ctx)),
  describe: (value, ctx) => {
    if (['help', 'list'].includes(value.toLowerCase())) return undefined;
    const r = readGres(value, describeVersion(ctx));
    return r.ok ? describeItems(r.items.filter((i) => i.name !== ''), ctx.option) : undefined;
  },
  completions: (ctx) => [...(ctx.gresTypes ?? ['gpu']).flatMap((n) => [`${n}:1`, `${n}:`]), 'none'],
};

/** Reads a `--gpus*` value: each item `[type:]count`, checked as `gpu:<item>`. */
function readGpus(value: string, version: SlurmVersion): { ok: true; items: GresItem[] } | { ok: false; why: string } {
  const items: GresItem[] = [];
  for (const tok of tokenize(value, ',')) {
    const r = readGresItem(`gpu:${tok.text}`, tok.start - 4, version);
    if (!r.ok) return { ok: false, why: r.why.replace('"gpu:', '"') };
    if (r.item) items.push({ ...r.item, start: tok.start, end: tok.start + tok.text.length });
  }
  return { ok: true, items };
}

/** `--gpus`, `--gpus-per-node`, `--gpus-per-socket`, `--gpus-per-task`. */
export const GPUS_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) =>
    validateAcrossVersions(value, ctx, (v, version) => {
      const r = readGpus(v, version);
      if (!r.ok) return [error(`Invalid --${ctx.option} value: ${r.why}. Use [type:]count, e.g. 2 or a100:2.`)];
      if (ctx.gresTypes && !ctx.gresTypes.includes('gpu')) {
        return [{ ...error("This cluster's GresTypes has no gpu, so sbatch refuses GPU requests."), siteDependent: true }];
      }
      return [];
    }),
  describe: (value, ctx) => {
    const r = readGpus(value, describeVersion(ctx));
    return r.ok ? describeItems(r.items, ctx.option) : undefined;
  },
  completions: () => ['1', '2', '4', '8'],
};

const GRES_FLAGS_OLD = ['disable-binding', 'enforce-binding'];
const GRES_FLAGS_NEW = ['disable-binding', 'enforce-binding', 'one-task-per-sharing', 'multiple-tasks-per-sharing'];

function validateGresFlagsFor(value: string, version: SlurmVersion): ValueProblem[] {
  if (!atLeast(version, '23.11')) {
    if (GRES_FLAGS_OLD.some((f) => eqNoCase(f, value))) return [];
    return [error(`Invalid --gres-flags specification: use disable-binding or enforce-binding${value.includes(',') ? ' (one flag only before Slurm 23.11)' : ''}.`)];
  }
  const flags = tokenize(value, ',').map((t) => t.text.toLowerCase());
  if (flags.length === 0) return [error('Invalid --gres-flags specification: no flag given.')];
  for (const f of flags) {
    if (f === 'allow-task-sharing') return [error('--gres-flags=allow-task-sharing is only for srun; sbatch refuses it.')];
    if (!GRES_FLAGS_NEW.includes(f)) return [error(`Invalid --gres-flags specification: ${JSON.stringify(f)}; use ${GRES_FLAGS_NEW.join(', ')}.`)];
  }
  if (flags.includes('disable-binding') && flags.includes('enforce-binding')) return [error('disable-binding and enforce-binding cannot be combined.')];
  if (flags.includes('one-task-per-sharing') && flags.includes('multiple-tasks-per-sharing')) return [error('one-task-per-sharing and multiple-tasks-per-sharing cannot be combined.')];
  if (flags.includes('one-task-per-sharing')) return [siteWarning('one-task-per-sharing is refused unless the site sets SelectTypeParameters=MULTIPLE_SHARING_GRES_PJ.')];
  return [];
}

const GRES_FLAG_WORDS: Record<string, string> = {
  'disable-binding': 'let tasks use GRES not bound to their CPUs',
  'enforce-binding': 'use only GRES bound to the allocated CPUs',
  'one-task-per-sharing': 'one task per shared GRES',
  'multiple-tasks-per-sharing': 'several tasks may share one shared GRES',
};

/** `--gres-flags`. */
export const GRES_FLAGS_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateAcrossVersions(value, ctx, validateGresFlagsFor),
  describe: (value) => {
    const words = tokenize(value, ',').map((t) => own(GRES_FLAG_WORDS, t.text.toLowerCase()));
    return words.length && words.every(Boolean) ? words.join('; ') : undefined;
  },
  completions: (ctx) => (ctx.version !== 'any' && !atLeast(ctx.version, '23.11') ? GRES_FLAGS_OLD : GRES_FLAGS_NEW),
};

const FORBIDDEN_PER_TASK = ['mem', 'energy', 'node', 'billing', 'fs', 'vmem', 'pages', 'bb'];

/** `--tres-per-task` (23.02+): `TRES=COUNT` list, e.g. `cpu=2,gres/gpu=1`. */
export const TRES_PER_TASK_GRAMMAR: ValueGrammar = {
  validate: (value) => {
    const problems: ValueProblem[] = [];
    for (const item of tokenize(value, ',')) {
      const lower = item.text.toLowerCase();
      const bad = FORBIDDEN_PER_TASK.find((f) => lower.startsWith(f));
      if (bad) return [error(`Invalid TRES for --tres-per-task: ${bad} cannot be requested per task.`, item.start, item.start + item.text.length)];
      if (!/^[a-z_]+(\/[^=:]+(:[^=:]+)?)?[=:]\d+$/i.test(item.text)) {
        problems.push(warning(`${JSON.stringify(item.text)} is not of the form TRES=COUNT (e.g. cpu=2 or gres/gpu=1).`, item.start, item.start + item.text.length));
      }
    }
    return problems;
  },
  describe: (value) => {
    const items = tokenize(value, ',').map((t) => t.text.replace(/[=:](\d+)$/, ' × $1'));
    return items.length ? `${items.join(', ')} per task` : undefined;
  },
  completions: () => ['cpu=', 'gres/gpu=', 'gres/gpu:'],
};

function validateLicensesFor(value: string, version: SlurmVersion): ValueProblem[] {
  const orForm = atLeast(version, '25.05') && value.includes('|');
  if (orForm && /[,;]/.test(value)) return [error('Licenses are joined either by , (all) or by | (any one), not both.')];
  const problems: ValueProblem[] = [];
  for (const item of tokenize(value, orForm ? '|' : ',;')) {
    if (/\s/.test(item.text)) return [error(`Invalid license specification ${JSON.stringify(item.text)}: no spaces allowed.`)];
    const sepRe = atLeast(version, '25.05') ? /[:=]/ : /:/;
    const m = sepRe.exec(item.text);
    if (m) {
      const count = item.text.slice(m.index + 1);
      if (!/^[+-]?\d+$/.test(count) || Number(count) < 0) return [error(`Invalid license count in ${JSON.stringify(item.text)}: use name:count with a whole number.`)];
    } else if (/[=|]/.test(item.text)) {
      problems.push(siteWarning(`Before Slurm ${item.text.includes('|') ? '25.05 | does not join licenses' : '25.05 = does not give a count'}: ${JSON.stringify(item.text)} is read as one license name.`, item.start, item.start + item.text.length));
    }
  }
  return problems;
}

/** `--licenses`/`-L`: `name[:count]` joined by `,` (all) or, from 25.05, `|` (any). */
export const LICENSES_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateAcrossVersions(value, ctx, validateLicensesFor),
  describe: (value) => {
    const orForm = value.includes('|');
    const words = tokenize(value, orForm ? '|' : ',;').map((t) => {
      const [name, count = '1'] = t.text.split(/[:=]/);
      return `${plural(Number(count) || 0, `${name} license`)}`;
    });
    return words.length ? joinWords(words, orForm ? 'or' : 'and') : undefined;
  },
};
