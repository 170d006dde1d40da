import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { atLeast, eqNoCase, error, readCInteger, tokenize, validateAcrossVersions, warning, own } from './util';

/**
 * Options that are switches or take a small keyword: `--exclusive[=...]`,
 * `--no-kill[=...]`, `--kill-on-invalid-dep`, `--requeue[=expedite]`,
 * `--get-user-env[=...]`, `--oom-kill-step[=0|1]`, `--open-mode`, `--power`.
 * An empty value (`--opt=`) is read as written, which sbatch mostly refuses.
 */

/** Options that take no value: nothing to check here (getopt reports stray values). */
export const FLAG_GRAMMAR: ValueGrammar = { validate: () => [] };

const EXCLUSIVE_WORDS: Record<string, string> = {
  exclusive: 'whole nodes: no other job shares them',
  oversubscribe: 'allow sharing the nodes with other jobs',
  user: 'share nodes only with your own jobs',
  mcs: 'share nodes only with jobs of the same MCS label',
  topo: 'share the topology segment with no other job',
  allocation: 'whole nodes for the allocation, without making every srun step exclusive',
};

/** The `--exclusive` keywords the given series accepts. */
export function exclusiveWords(version: SlurmVersion): string[] {
  const words = ['exclusive', 'oversubscribe', 'user', 'mcs'];
  if (atLeast(version, '24.05')) words.push('topo');
  if (atLeast(version, '26.05')) words.push('allocation');
  return words;
}

/** `--exclusive[=exclusive|oversubscribe|user|mcs|topo|allocation]`. */
export const EXCLUSIVE_GRAMMAR: ValueGrammar = {
  validate: (value: string, ctx: ValueContext) =>
    validateAcrossVersions(value, ctx, (v, version) => {
      const words = exclusiveWords(version);
      if (words.some((w) => eqNoCase(w, v))) return [];
      return [error(`Invalid --exclusive specification ${JSON.stringify(v)}: use ${words.join(', ')}, or no value.`)];
    }),
  describe: (value) => own(EXCLUSIVE_WORDS, value.toLowerCase()),
  completions: (ctx) => exclusiveWords(ctx.version === 'any' ? 'master' : ctx.version),
};

/** `--no-kill[=set|off|no]`. */
export const NO_KILL_GRAMMAR: ValueGrammar = {
  validate: (value) => {
    if (['set', 'off', 'no'].some((w) => eqNoCase(w, value))) return [];
    return [error(`Invalid --no-kill specification ${JSON.stringify(value)}: use set, off or no (or no value).`)];
  },
  describe: (value) => (eqNoCase(value, 'set') ? 'keep the job running if one of its nodes fails' : ['off', 'no'].some((w) => eqNoCase(w, value)) ? 'kill the job if one of its nodes fails (the default)' : undefined),
  completions: () => ['set', 'off'],
};

/** `--kill-on-invalid-dep=yes|no`. */
export const YES_NO_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => (eqNoCase(value, 'yes') || eqNoCase(value, 'no') ? [] : [error(`Invalid --${ctx.option} specification ${JSON.stringify(value)}: use yes or no.`)]),
  describe: (value, ctx) => {
    if (ctx.option !== 'kill-on-invalid-dep') return undefined;
    if (eqNoCase(value, 'yes')) return 'cancel the job if its dependency can never be met';
    if (eqNoCase(value, 'no')) return 'leave the job pending if its dependency can never be met';
    return undefined;
  },
  completions: () => ['yes', 'no'],
};

function validateRequeueFor(value: string, version: SlurmVersion): ValueProblem[] {
  // NOTE: before 25.11 --requeue takes no value; getopt reports one that is given.
  if (!atLeast(version, '25.11')) return [];
  if (value === '' || eqNoCase(value, 'expedite')) return [];
  if (!atLeast(version, '26.05')) return [warning(`sbatch ignores ${JSON.stringify(value)}: only expedite means something.`)];
  return [error(`Invalid --requeue specification ${JSON.stringify(value)}: use expedite or no value.`)];
}

/** `--requeue[=expedite]` (the value exists from 25.11). */
export const REQUEUE_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateAcrossVersions(value, ctx, validateRequeueFor),
  describe: (value) => (eqNoCase(value, 'expedite') ? 'requeue the job when it fails, with expedited requeue' : 'allow the job to be requeued'),
  completions: () => ['expedite'],
};

function validateGetUserEnvFor(value: string, version: SlurmVersion): ValueProblem[] {
  // NOTE: from 25.05 --get-user-env takes no value; getopt reports one that is given.
  if (atLeast(version, '25.05')) return [];
  const n = readCInteger(value);
  const rest = n.hasDigits ? value.slice(n.end) : value;
  if (rest === '') return [];
  if (/^[sSlL]/.test(rest)) return rest.length > 1 ? [warning(`sbatch ignores ${JSON.stringify(rest.slice(1))} after the mode letter.`)] : [];
  return [error(`Invalid --get-user-env specification ${JSON.stringify(value)}: use a timeout in seconds, optionally followed by S or L.`)];
}

/** `--get-user-env[=TIMEOUT[S|L]]` (a plain switch from 25.05). */
export const GET_USER_ENV_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateAcrossVersions(value, ctx, validateGetUserEnvFor),
  describe: (value) => {
    const n = readCInteger(value);
    const letter = value.charAt(n.hasDigits ? n.end : 0).toLowerCase();
    const mode = letter === 's' ? ' (read without a login shell)' : letter === 'l' ? ' (read through a full login shell)' : '';
    return n.hasDigits ? `load your login environment, waiting up to ${n.value} s for it${mode}` : `load your login environment${mode}`;
  },
  completions: () => ['10', '60L', '60S'],
};

/** `--oom-kill-step[=0|1]` (24.11+). */
export const OOM_KILL_STEP_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => {
    const n = readCInteger(value);
    const whole = n.end === value.length;
    if (whole && !n.overflow && n.value >= 0 && n.value <= 1) return [];
    return [error(`Invalid --${ctx.option} specification ${JSON.stringify(value)}: use 0 or 1 (or no value).`)];
  },
  describe: (value) => {
    const n = readCInteger(value);
    if (n.end !== value.length) return undefined;
    return n.value === 1 ? 'kill the whole step when one task runs out of memory' : n.value === 0 ? 'kill only the task that runs out of memory' : undefined;
  },
  completions: () => ['0', '1'],
};

/** `--open-mode`: only the first letter counts (a = append, t = truncate). */
export const OPEN_MODE_GRAMMAR: ValueGrammar = {
  validate: (value) => {
    const first = value.charAt(0).toLowerCase();
    if (first !== 'a' && first !== 't') return [error(`Invalid --open-mode specification ${JSON.stringify(value)}: use append or truncate.`)];
    const word = first === 'a' ? 'append' : 'truncate';
    if (!eqNoCase(value, word)) return [warning(`sbatch reads only the first letter: ${JSON.stringify(value)} means ${word}.`)];
    return [];
  },
  describe: (value) => {
    const first = value.charAt(0).toLowerCase();
    if (first === 'a') return 'append to existing output and error files';
    if (first === 't') return 'overwrite existing output and error files';
    return undefined;
  },
  completions: () => ['append', 'truncate'],
};

/** `--power` (22.05–23.11): a comma list in which only `level` means something. */
export const POWER_GRAMMAR: ValueGrammar = {
  validate: (value) => {
    const unknown = tokenize(value, ',').filter((t) => !eqNoCase(t.text, 'level'));
    return unknown.map((t) => warning(`sbatch ignores the unknown power option ${JSON.stringify(t.text)}.`, t.start, t.start + t.text.length));
  },
  describe: (value) => (tokenize(value, ',').some((t) => eqNoCase(t.text, 'level')) ? 'run every node at the same power cap (level)' : 'no power flags'),
  completions: () => ['level'],
};
