import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { atLeast, describeVersion, eqNoCase, error, info, joinWords, tokenize, warning } from './util';

/**
 * The job's environment: `--export` (ALL, NONE, NIL from 23.02, or a comma list of
 * NAME and NAME=value, quotes respected, ALL allowed inside) and `--propagate`
 * (resource limits to carry over: ALL, NONE or a list of CPU, FSIZE, DATA, STACK,
 * CORE, RSS, NPROC, NOFILE, MEMLOCK, AS, each optionally prefixed RLIMIT_).
 */

/** One `--export` list entry. */
export interface ExportEntry {
  name: string;
  /** The value after `=`, when one is given. */
  value?: string;
  /** True for the ALL keyword inside a list. */
  all?: boolean;
  start: number;
  end: number;
}

/** Splits on commas outside single or double quotes (`find_quote_token`). */
export function splitQuoted(text: string): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  let single = false;
  let double = false;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === "'" && !double) single = !single;
    else if (ch === '"' && !single) double = !double;
    else if (ch === undefined || (ch === ',' && !single && !double)) {
      if (i > start) parts.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  return parts;
}

/** What an `--export` value asks for. */
export type ExportReading = { mode: 'all' } | { mode: 'none' } | { mode: 'nil' } | { mode: 'list'; entries: ExportEntry[] };

/** Reads an `--export` value the way the given series does. */
export function readExport(value: string, version: SlurmVersion): ExportReading {
  if (eqNoCase(value, 'ALL')) return { mode: 'all' };
  if (eqNoCase(value, 'NONE')) return { mode: 'none' };
  if (eqNoCase(value, 'NIL') && atLeast(version, '23.02')) return { mode: 'nil' };
  const entries = splitQuoted(value).map((p): ExportEntry => {
    const end = p.start + p.text.length;
    if (eqNoCase(p.text, 'ALL')) return { name: 'ALL', all: true, start: p.start, end };
    const eq = p.text.indexOf('=');
    if (eq < 0) return { name: p.text, start: p.start, end };
    return { name: p.text.slice(0, eq), value: p.text.slice(eq + 1), start: p.start, end };
  });
  return { mode: 'list', entries };
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

function validateExportFor(value: string, version: SlurmVersion): ValueProblem[] {
  const r = readExport(value, version);
  if (r.mode !== 'list') return [];
  const problems: ValueProblem[] = [];
  if (eqNoCase(value, 'NIL')) {
    problems.push(warning('NIL is a keyword only from Slurm 23.02; here it names a variable, so the job gets only SLURM_* variables plus your login environment.'));
    return problems;
  }
  for (const e of r.entries) {
    if (e.all) continue;
    if (eqNoCase(e.name, 'NONE') && e.value === undefined) {
      problems.push(info('NONE inside a list is read as a variable name; a list already exports only the variables it names (plus SLURM_*).', e.start, e.end));
      continue;
    }
    if (!NAME_RE.test(e.name)) {
      problems.push(warning(`${JSON.stringify(e.name)} is not a valid shell variable name; the job's shell will not see it.`, e.start, e.start + e.name.length));
    }
  }
  return problems;
}

/** Puts an `--export` reading into words. */
export function describeExport(r: ExportReading): string {
  if (r.mode === 'all') return 'pass your whole submission environment to the job';
  if (r.mode === 'none') return 'pass no submission variables (only SLURM_*); the job builds a fresh login environment';
  if (r.mode === 'nil') return 'pass no submission variables (only SLURM_*) and do not load a login environment';
  const all = r.entries.some((e) => e.all);
  const names = r.entries.filter((e) => !e.all).map((e) => (e.value !== undefined ? `${e.name} (set to ${e.value})` : e.name));
  if (all) return names.length ? `pass your whole environment, plus ${joinWords(names)}` : 'pass your whole environment';
  return names.length ? `pass only ${joinWords(names)} (plus SLURM_*), with a fresh login environment` : 'pass only SLURM_* variables';
}

/** `--export`. */
export const EXPORT_GRAMMAR: ValueGrammar = {
  validate: (value: string, ctx: ValueContext) => (ctx.version === 'any' ? validateExportFor(value, 'master') : validateExportFor(value, ctx.version)),
  describe: (value: string, ctx: ValueContext) => describeExport(readExport(value, describeVersion(ctx))),
  completions: (ctx: ValueContext) => (ctx.version !== 'any' && !atLeast(ctx.version, '23.02') ? ['ALL', 'NONE'] : ['ALL', 'NONE', 'NIL']),
};

const RLIMITS = ['CPU', 'FSIZE', 'DATA', 'STACK', 'CORE', 'RSS', 'NPROC', 'NOFILE', 'MEMLOCK', 'AS'];

/** `--propagate[=list]` (names are case-sensitive). */
export const PROPAGATE_GRAMMAR: ValueGrammar = {
  validate: (value) => {
    if (value === 'ALL' || value === 'NONE') return [];
    const tokens = tokenize(value, ', \t\n');
    for (const t of tokens) {
      const name = t.text.startsWith('RLIMIT_') ? t.text.slice(7) : t.text;
      if (!RLIMITS.includes(name)) {
        const hint = RLIMITS.includes(name.toUpperCase()) || ['ALL', 'NONE'].includes(name.toUpperCase()) ? ' (names are upper case)' : '';
        return [error(`--propagate=${value} is not valid: ${JSON.stringify(t.text)} is not a resource limit name${hint}.`, t.start, t.start + t.text.length)];
      }
    }
    if (tokens.length === 0) return [warning('An empty list carries no limits over, the same as NONE.')];
    return [];
  },
  describe: (value) => {
    if (value === 'ALL') return 'carry all your resource limits (ulimit) over to the job';
    if (value === 'NONE') return 'carry none of your resource limits over to the job';
    const names = tokenize(value, ', \t\n').map((t) => t.text.replace(/^RLIMIT_/, ''));
    if (!names.every((n) => RLIMITS.includes(n))) return undefined;
    return names.length ? `carry only the ${joinWords(names)} limits over to the job` : 'carry none of your resource limits over to the job';
  },
  completions: () => ['ALL', 'NONE', ...RLIMITS],
};
