import type { ValueGrammar, ValueProblem } from './grammar';
import { error, joinWords, readCInteger, tokenize, warning } from './util';

/**
 * Accounting sampling: `--acctg-freq` (`validate_acctg_freq` with
 * `acct_gather_parse_freq`) and `--profile` (`acct_gather_profile_from_string`).
 * Both read loosely: Slurm looks for `energy=` and friends anywhere in an item and
 * for the profile words anywhere in the text.
 */

const FREQ_KINDS = ['task', 'energy', 'network', 'filesystem'] as const;
type FreqKind = (typeof FREQ_KINDS)[number];

/** Reads the number at `from` like Slurm's `_get_int`; -1 when there is none. */
function getInt(text: string, from: number): number {
  const n = readCInteger(text, from);
  return n.hasDigits ? n.value : -1;
}

/** The intervals one `--acctg-freq` item sets; empty when the item is refused. */
function readFreqItem(item: string): Partial<Record<FreqKind, number>> {
  const found: Partial<Record<FreqKind, number>> = {};
  const lower = item.toLowerCase();
  for (const kind of FREQ_KINDS) {
    let value = -1;
    if (kind === 'task') {
      value = getInt(item, 0);
      const at = lower.indexOf('task=');
      if (value === -1 && at >= 0) value = getInt(item, at + 5);
    } else {
      const at = lower.indexOf(`${kind}=`);
      if (at >= 0) value = getInt(item, at + kind.length + 1);
    }
    if (value !== -1) found[kind] = value;
  }
  return found;
}

function validateAcctgFreq(value: string): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (const item of tokenize(value, ',')) {
    const found = readFreqItem(item.text);
    const kinds = Object.keys(found);
    if (kinds.length === 0) {
      return [error(`Invalid --acctg-freq item ${JSON.stringify(item.text)}: use SECONDS or task=, energy=, network=, filesystem= with seconds.`, item.start, item.start + item.text.length)];
    }
    if (!/^\s*[+-]?\d+$/.test(item.text) && !/^(task|energy|network|filesystem)=\s*[+-]?\d+$/i.test(item.text)) {
      problems.push(warning(`Slurm reads ${JSON.stringify(item.text)} loosely (as ${kinds.map((k) => `${k}=${found[k as FreqKind]}`).join(', ')}); write it exactly.`, item.start, item.start + item.text.length));
    }
  }
  return problems;
}

function describeAcctgFreq(value: string): string | undefined {
  const merged: Partial<Record<FreqKind, number>> = {};
  for (const item of tokenize(value, ',')) {
    const found = readFreqItem(item.text);
    if (Object.keys(found).length === 0) return undefined;
    Object.assign(merged, found);
  }
  const words = FREQ_KINDS.filter((k) => merged[k] !== undefined).map((k) => {
    const s = merged[k] ?? 0;
    return s === 0 ? `no ${k} sampling` : `${k} sampling every ${s} s`;
  });
  return words.length ? joinWords(words) : undefined;
}

/** `--acctg-freq`. */
export const ACCTG_FREQ_GRAMMAR: ValueGrammar = {
  validate: validateAcctgFreq,
  describe: describeAcctgFreq,
  completions: () => ['30', 'task=30', 'energy=60', 'network=60', 'filesystem=60', 'task=0'],
};

const PROFILE_SERIES = ['energy', 'task', 'lustre', 'network'] as const;

/** What `--profile` selects: none, all, or some series; undefined when refused. */
export function readProfile(value: string): { none: true } | { all: true } | { series: string[] } | undefined {
  const lower = value.toLowerCase();
  if (lower.includes('none')) return { none: true };
  if (lower.includes('all')) return { all: true };
  const series = PROFILE_SERIES.filter((s) => lower.includes(s));
  return series.length ? { series } : undefined;
}

/** `--profile`. */
export const PROFILE_GRAMMAR: ValueGrammar = {
  validate: (value) => {
    const r = readProfile(value);
    if (!r) return [error(`Invalid --profile value ${JSON.stringify(value)}: use none, all, or a comma list of energy, task, lustre, network.`)];
    const unknown = tokenize(value, ',').filter((t) => !['none', 'all', ...PROFILE_SERIES].includes(t.text.toLowerCase()));
    if (unknown.length) {
      const u = unknown[0];
      const note = 'none' in r ? ' (and none anywhere turns profiling off)' : '';
      return [warning(`${JSON.stringify(u.text)} is not a profile series; Slurm only looks for the known words inside the text${note}.`, u.start, u.start + u.text.length)];
    }
    if ('none' in r && lower(value) !== 'none') return [warning('none anywhere in the value turns profiling off; the other words are ignored.')];
    if ('all' in r && lower(value) !== 'all') return [warning('all anywhere in the value selects every series; the other words add nothing.')];
    return [];
  },
  describe: (value) => {
    const r = readProfile(value);
    if (!r) return undefined;
    if ('none' in r) return 'no profiling';
    if ('all' in r) return 'profile energy, task, Lustre and network data';
    return `profile ${joinWords(r.series)} data`;
  },
  completions: () => ['none', 'all', 'task', 'energy', 'lustre', 'network', 'task,energy'],
};

function lower(text: string): string {
  return text.toLowerCase();
}
