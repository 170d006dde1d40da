import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { atLeast, describeVersion, eqNoCase, error, readCInteger, startsNoCase, tokenize, validateAcrossVersions, warning, own } from './util';

/**
 * Task placement and binding: `--distribution` (`verify_dist_type`), `--hint`
 * (`verify_hint`) and `--mem-bind` (`slurm_verify_mem_bind`). GPU binding
 * (`--gpu-bind`, `--tres-bind`) lives in gpuBinding.ts.
 */

// ---------------------------------------------------------------- distribution

const LEVEL_WORDS: Record<string, string> = {
  block: 'in blocks (fill one before the next)',
  cyclic: 'round-robin',
  fcyclic: 'fully round-robin (each CPU of a task on the next one)',
};
const LEVEL_NAMES = ['across nodes', 'across sockets', 'across cores'];

/** What a valid distribution asks for. */
export type DistributionReading =
  | { kind: 'plane'; size?: number }
  | { kind: 'arbitrary' }
  | { kind: 'levels'; levels: string[]; pack?: 'pack' | 'nopack' }
  | { kind: 'pack-only'; pack: 'pack' | 'nopack' };

/** Reads a distribution value; `why` says what sbatch objects to. */
export function readDistribution(value: string): { ok: true; reading: DistributionReading } | { ok: false; why: string } {
  if (startsNoCase(value, 'plane')) {
    const eq = value.indexOf('=');
    if (eq < 0) return { ok: true, reading: { kind: 'plane' } };
    const n = readCInteger(value, eq + 1);
    if (!n.hasDigits || n.end !== value.length || n.value <= 0 || n.value > 2147483647) {
      return { ok: false, why: 'plane=N needs a whole number N greater than 0 and nothing after it' };
    }
    return { ok: true, reading: { kind: 'plane', size: n.value } };
  }
  if (value === '' || value.startsWith(',')) return { ok: false, why: 'no distribution is given' };
  const comma = value.indexOf(',');
  const base = comma < 0 ? value : value.slice(0, comma);
  const flag = comma < 0 ? '' : value.slice(comma + 1);
  const tokens = tokenize(base, ':').map((t) => t.text);
  if (tokens.length > 3) return { ok: false, why: 'at most three levels (nodes:sockets:cores) may be given' };
  let socketLevel = '';
  const levels = tokens.map((t, i) => {
    if (t !== '*') {
      if (i === 1) socketLevel = t;
      return t.toLowerCase();
    }
    if (i === 0) return 'block';
    if (i === 1) {
      socketLevel = 'cyclic';
      return 'cyclic';
    }
    return socketLevel.toLowerCase();
  });
  const packWord = (text: string) => (eqNoCase(text, 'pack') ? 'pack' : eqNoCase(text, 'nopack') ? 'nopack' : undefined);
  let reading: DistributionReading;
  const joined = levels.join(':');
  if (joined === 'arbitrary' || joined === 'hostfile') reading = { kind: 'arbitrary' };
  else if (isValidLevels(levels)) reading = { kind: 'levels', levels };
  else {
    const pack = packWord(joined);
    if (!pack) return { ok: false, why: `${JSON.stringify(base)} is not a distribution: use block, cyclic, plane=N, arbitrary, or up to three of block/cyclic/fcyclic joined by :` };
    reading = { kind: 'pack-only', pack };
  }
  if (flag !== '') {
    const pack = packWord(flag);
    if (!pack) return { ok: false, why: `after the comma only pack or nopack may follow, not ${JSON.stringify(flag)}` };
    if (reading.kind === 'levels' || reading.kind === 'pack-only') reading.pack = pack;
  }
  return { ok: true, reading };
}

function isValidLevels(levels: string[]): boolean {
  if (levels.length === 0 || levels.length > 3) return false;
  if (!['block', 'cyclic'].includes(levels[0])) return false;
  return levels.slice(1).every((l) => ['block', 'cyclic', 'fcyclic'].includes(l));
}

/** Puts a valid distribution into words. */
export function describeDistribution(r: DistributionReading): string {
  if (r.kind === 'plane') return r.size ? `tasks dealt to nodes in blocks of ${r.size}` : 'plane distribution, block size from SLURM_DIST_PLANESIZE';
  if (r.kind === 'arbitrary') return 'tasks placed in the order of the node list (arbitrary)';
  const pack = r.pack === 'pack' ? ', packing nodes as tightly as possible' : r.pack === 'nopack' ? ', spreading tasks evenly over nodes' : '';
  if (r.kind === 'pack-only') return `default distribution${pack}`;
  return r.levels.map((l, i) => `${LEVEL_NAMES[i]} ${LEVEL_WORDS[l]}`).join('; ') + pack;
}

/** `--distribution`/`-m`. */
export const DISTRIBUTION_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => {
    const r = readDistribution(value);
    if (!r.ok) return [error(`Invalid --${ctx.option} specification: ${r.why}.`)];
    if (r.reading.kind === 'plane' && r.reading.size === undefined) {
      return [error('plane needs a size, plane=N; without it sbatch takes the size from SLURM_DIST_PLANESIZE and refuses the job when that is not set.')];
    }
    return [];
  },
  describe: (value) => {
    const r = readDistribution(value);
    return r.ok ? describeDistribution(r.reading) : undefined;
  },
  completions: () => ['block', 'cyclic', 'plane=', 'arbitrary', 'block:block', 'block:cyclic', 'cyclic:cyclic', 'cyclic:block', 'block:fcyclic', 'cyclic:fcyclic', 'pack', 'nopack'],
};

// ------------------------------------------------------------------------ hint

const HINT_WORDS: Record<string, string> = {
  compute_bound: 'use every core of each socket',
  memory_bound: 'use one core in each socket',
  multithread: 'use the extra hardware threads of each core',
  nomultithread: 'one task thread per core (no hyper-threads)',
};

/** Splits a hint value: `,` not followed by a digit, and `;`, separate words. */
function hintWords(value: string): { text: string; start: number }[] {
  const words: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const ch = value[i];
    const sep = ch === undefined || ch === ';' || (ch === ',' && !/[0-9]/.test(value[i + 1] ?? ''));
    if (sep) {
      words.push({ text: value.slice(start, i), start });
      start = i + 1;
    }
  }
  return words;
}

/** `--hint` (checked by sbatch after all options are read). */
export const HINT_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => {
    const words = hintWords(value);
    for (const w of words) {
      if (eqNoCase(w.text, 'help')) return [error('--hint=help prints the list of hints and sbatch then stops without submitting.')];
      if (own(HINT_WORDS, w.text.toLowerCase()) === undefined) {
        return [error(`Unrecognized --${ctx.option} argument ${JSON.stringify(w.text)}: use compute_bound, memory_bound, multithread or nomultithread.`, w.start, w.start + w.text.length)];
      }
    }
    const lower = new Set(words.map((w) => w.text.toLowerCase()));
    if (lower.has('multithread') && lower.has('nomultithread')) return [warning('multithread and nomultithread contradict each other; the later one wins for binding.')];
    if (lower.has('compute_bound') && lower.has('memory_bound')) return [warning('compute_bound and memory_bound contradict each other; their settings are applied one after the other.')];
    return [];
  },
  describe: (value) => {
    const words = hintWords(value).map((w) => own(HINT_WORDS, w.text.toLowerCase()));
    return words.every((w) => w !== undefined) ? words.join('; ') : undefined;
  },
  completions: () => Object.keys(HINT_WORDS),
};

// -------------------------------------------------------------------- mem-bind

/** True when the text after a comma looks like a number (`_isvalue`). */
function looksLikeValue(text: string): boolean {
  if (/^[0-9]/.test(text)) return true;
  const m = /^[0-9a-fA-F]*/.exec(text);
  const next = text[m ? m[0].length : 0];
  return next === undefined || next === ',';
}

/** Checks a map/mask list with optional `*count` (`_expand_mult`). */
function checkBindList(list: string, hex: boolean): string | undefined {
  const items = tokenize(list, ',');
  if (items.length === 0) return 'the list is empty';
  for (const { text } of items) {
    let item = hex && text.startsWith('0x') ? text.slice(2) : text;
    const star = item.indexOf('*');
    if (star >= 0) {
      const count = item.slice(star + 1);
      if (!/^[0-9]+$/.test(count) || Number(count) <= 0) return `${JSON.stringify(text)}: the repeat count after * must be a whole number above 0`;
      item = item.slice(0, star);
    }
    const ok = hex ? /^[0-9a-fA-F]*$/.test(item) : /^[0-9]*$/.test(item);
    if (!ok) return `${JSON.stringify(text)} is not a ${hex ? 'hexadecimal mask' : 'decimal NUMA node number'}`;
  }
  return undefined;
}

const MEM_BIND_SIMPLE: Record<string, string> = {
  p: 'prefer', prefer: 'prefer', q: 'quiet', quiet: 'quiet', v: 'verbose', verbose: 'verbose', no: 'none', none: 'none', rank: 'rank', local: 'local',
};

type MemBindToken = { ok: true; word: string; list?: string } | { ok: false; why: string };

function readMemBindToken(tok: string, version: SlurmVersion): MemBindToken {
  const lower = tok.toLowerCase();
  if (lower === 'help') return { ok: false, why: '--mem-bind=help prints the list and sbatch then stops without submitting' };
  const simple = own(MEM_BIND_SIMPLE, lower);
  if (simple) return { ok: true, word: simple };
  if (lower === 'sort' || lower === 'nosort') {
    if (atLeast(version, '25.11')) return { ok: false, why: `${tok} was removed in Slurm 25.11` };
    return { ok: true, word: lower };
  }
  const isMap = startsNoCase(tok, 'map_mem') || startsNoCase(tok, 'mapmem');
  const isMask = !isMap && (startsNoCase(tok, 'mask_mem') || startsNoCase(tok, 'maskmem'));
  if (isMap || isMask) {
    const fields = tok.split(/[:=]/);
    const list = fields[1];
    if (!list) return { ok: false, why: `${isMap ? 'map_mem' : 'mask_mem'} needs a list, e.g. ${isMap ? 'map_mem:0,1' : 'mask_mem:0x1,0x2'}` };
    const bad = checkBindList(list, isMask);
    if (bad) return { ok: false, why: bad };
    return { ok: true, word: isMap ? 'map_mem' : 'mask_mem', list };
  }
  return { ok: false, why: `unrecognized --mem-bind argument ${JSON.stringify(tok)}` };
}

function memBindTokens(value: string): { text: string; start: number }[] {
  const tokens: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const ch = value[i];
    if (ch === undefined || ch === ';' || (ch === ',' && !looksLikeValue(value.slice(i + 1)))) {
      tokens.push({ text: value.slice(start, i), start });
      start = i + 1;
    }
  }
  return tokens;
}

function validateMemBindFor(value: string, version: SlurmVersion): ValueProblem[] {
  for (const t of memBindTokens(value)) {
    const r = readMemBindToken(t.text, version);
    if (!r.ok) return [error(`Invalid --mem-bind value: ${r.why}.`, t.start, t.start + t.text.length)];
  }
  return [];
}

const MEM_BIND_WORDS: Record<string, string> = {
  none: 'no memory binding',
  rank: 'bind memory by task rank',
  local: "bind memory to the task's local NUMA node",
  map_mem: 'bind each task to the NUMA node listed for it',
  mask_mem: 'bind each task to the NUMA nodes in its mask',
  prefer: 'prefer, rather than enforce, the binding',
  verbose: 'report the binding',
  quiet: 'do not report the binding',
  sort: 'sort free memory pages first',
  nosort: 'do not sort memory pages',
};

/** `--mem-bind`. */
export const MEM_BIND_GRAMMAR: ValueGrammar = {
  validate: (value: string, ctx: ValueContext) => validateAcrossVersions(value, ctx, validateMemBindFor),
  describe: (value: string, ctx: ValueContext) => {
    const words: string[] = [];
    for (const t of memBindTokens(value)) {
      const r = readMemBindToken(t.text, describeVersion(ctx));
      if (!r.ok) return undefined;
      words.push(r.list ? `${MEM_BIND_WORDS[r.word]} (${r.list})` : MEM_BIND_WORDS[r.word]);
    }
    return words.join('; ');
  },
  completions: () => ['local', 'rank', 'none', 'map_mem:', 'mask_mem:', 'verbose,local', 'prefer'],
};
