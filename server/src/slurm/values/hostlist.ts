import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { atLeast, error, plural, validateAcrossVersions } from './util';

/**
 * Node lists (`--nodelist`, `--exclude`; Slurm's hostlist syntax such as
 * `node[01-04,07],gpu1`) and feature expressions (`--constraint`, `--prefer`,
 * `--cluster-constraint`; checked by the controller's `_feature_string2list`).
 * Node and feature names are the site's, so only the syntax is judged here.
 */

const MAX_RANGE = 64 * 1024;

/** Splits on blanks and commas outside brackets (`_next_tok`). */
function hostTokens(value: string): { text: string; start: number }[] {
  const tokens: { text: string; start: number }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i <= value.length; i++) {
    const ch = value[i];
    const sep = ch === undefined || ((ch === ',' || ch === ' ' || ch === '\t') && depth === 0);
    if (ch === '[') depth++;
    if (ch === ']' && depth > 0) depth--;
    if (sep) {
      if (start >= 0) tokens.push({ text: value.slice(start, i), start });
      start = -1;
    } else if (start < 0) start = i;
  }
  return tokens;
}

/** Counts the numbers in a bracket range list like `01-04,07`; a string explains a refusal. */
function rangeListCount(list: string): number | string {
  let total = 0;
  for (const part of list.split(',')) {
    if (part.includes('x')) return `${JSON.stringify(part)}: x is not allowed in a range`;
    const dash = part.indexOf('-');
    const lowText = dash < 0 ? part : part.slice(0, dash);
    const lowMatch = /^\s*\+?(\d+)/.exec(lowText);
    if (!lowMatch) return `${JSON.stringify(part)} is not a number or range`;
    if (dash < 0) {
      if (lowMatch[0].length !== lowText.length) return `${JSON.stringify(part)} is not a number`;
      total += 1;
      continue;
    }
    const highText = part.slice(dash + 1);
    if (highText.startsWith('-')) return `${JSON.stringify(part)}: negative numbers are not allowed`;
    if (highText === '') {
      total += 1;
      continue;
    }
    if (!/^\s*\+?\d+$/.test(highText)) return `${JSON.stringify(part)} is not a range`;
    const lo = Number(lowMatch[1]);
    const hi = Number(highText.trim());
    if (lo > hi) return `${JSON.stringify(part)} runs backwards`;
    if (hi - lo + 1 > MAX_RANGE) return `${JSON.stringify(part)} names more than ${MAX_RANGE} hosts`;
    total += hi - lo + 1;
  }
  return total;
}

/** Reads a host list; returns the number of hosts it names, or why it is refused. */
export function readHostlist(value: string): { ok: true; count: number; file: boolean } | { ok: false; why: string; start: number; end: number } {
  if (value.includes('/')) return { ok: true, count: 0, file: true };
  let count = 0;
  for (const tok of hostTokens(value)) {
    let multiplier = 1;
    let rest = tok.text;
    for (;;) {
      const open = rest.lastIndexOf('[');
      if (open < 0) break;
      const close = rest.indexOf(']', open);
      if (close < 0) break;
      if (close !== rest.length - 1 && rest === tok.text) {
        return { ok: false, why: `${JSON.stringify(tok.text)}: nothing may follow the closing ]`, start: tok.start, end: tok.start + tok.text.length };
      }
      const n = rangeListCount(rest.slice(open + 1, close));
      if (typeof n === 'string') return { ok: false, why: n, start: tok.start, end: tok.start + tok.text.length };
      multiplier *= n;
      rest = rest.slice(0, open);
    }
    count += multiplier;
  }
  return { ok: true, count, file: false };
}

/** `--nodelist`, `--exclude`. */
export const HOSTLIST_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => {
    const r = readHostlist(value);
    if (!r.ok) return [error(`Invalid node list for --${ctx.option}: ${r.why}.`, r.start, r.end)];
    return [];
  },
  describe: (value, ctx) => {
    const r = readHostlist(value);
    if (!r.ok) return undefined;
    if (r.file) return `the nodes listed in the file ${value}`;
    const what = ctx.option === 'exclude' ? 'never use' : 'include';
    return `${what} ${plural(r.count, 'node')}`;
  },
};

type FeatureParse = { ok: true; features: string[]; usesOr: boolean } | { ok: false; why: string; at: number };

/** Reads a feature expression the way the given series' controller does. */
export function readConstraint(value: string, version: SlurmVersion): FeatureParse {
  const newer = atLeast(version, '23.02');
  const strictTokens = atLeast(version, '23.11');
  const s = value.replace(/,/g, '&');
  const features: string[] = [];
  let feature: string | undefined;
  let featureStart = -1;
  let bracket = 0;
  let bracketSets = 0;
  let paren = 0;
  let asteriskOutside = false;
  let usesOr = false;
  let justClosed = false;
  const fail = (why: string, at: number): FeatureParse => ({ ok: false, why, at });
  const push = (end: number) => {
    if (feature === undefined) feature = s.slice(featureStart, end);
    features.push(feature);
  };
  for (let i = 0; i <= s.length; i++) {
    const ch = s[i];
    if (ch === '*') {
      const m = /^[+-]?\d+/.exec(s.slice(i + 1));
      const count = m ? Number(m[0]) : 0;
      if (featureStart < 0 || count <= 0 || paren !== 0) return fail("'*' must follow a feature (or brackets) and be followed by a positive count", i);
      if (!bracket) asteriskOutside = true;
      if (feature === undefined) feature = s.slice(featureStart, i);
      i += m ? m[0].length : 0;
      justClosed = false;
      continue;
    }
    if (ch === '&' || ch === '|') {
      if (featureStart < 0) return fail(`'${ch === '&' && value[i] === ',' ? ',' : ch}' needs a feature before it`, i);
      push(i);
      if (ch === '|') usesOr = true;
      feature = undefined;
      featureStart = -1;
      justClosed = false;
      continue;
    }
    if (ch === '[') {
      if (featureStart >= 0 || bracket || (newer && paren)) return fail('unexpected [', i);
      bracket++;
      if (++bracketSets > 1) return fail('only one set of brackets is allowed', i);
      continue;
    }
    if (ch === ']') {
      if (featureStart < 0 || bracket === 0 || (newer && paren)) return fail('unbalanced ]', i);
      bracket--;
      if (feature === undefined) feature = s.slice(featureStart, i);
      justClosed = true;
      continue;
    }
    if (ch === '(') {
      if (featureStart >= 0 || paren) return fail('unexpected ( (parentheses cannot nest or follow a feature)', i);
      paren++;
      continue;
    }
    if (ch === ')') {
      if (featureStart < 0 || paren === 0) return fail('unbalanced )', i);
      paren--;
      if (feature === undefined) feature = s.slice(featureStart, i);
      justClosed = true;
      continue;
    }
    if (ch === undefined) {
      if (featureStart >= 0) push(i);
      break;
    }
    if (featureStart < 0) featureStart = i;
    else if (strictTokens && justClosed) return fail(`unexpected ${JSON.stringify(ch)} after ) or ]`, i);
    justClosed = false;
  }
  if (bracket !== 0) return fail('unbalanced brackets', value.length - 1);
  if (paren !== 0) return fail('unbalanced parentheses', value.length - 1);
  if (newer && asteriskOutside && features.length > 1) return fail("'*' outside brackets needs a single feature", value.indexOf('*'));
  return { ok: true, features, usesOr };
}

/** `--constraint`, `--prefer`, `--cluster-constraint`. */
export const CONSTRAINT_GRAMMAR: ValueGrammar = {
  validate: (value: string, ctx: ValueContext) =>
    validateAcrossVersions(value, ctx, (v, version): ValueProblem[] => {
      const r = readConstraint(v, version);
      if (r.ok) return [];
      const at = Math.max(0, Math.min(r.at, v.length - 1));
      return [error(`Invalid feature specification: ${r.why}.`, at, at + 1)];
    }),
  describe: (value) => {
    const r = readConstraint(value, 'master');
    if (!r.ok || r.features.length === 0) return undefined;
    const names = r.features.map((f) => f.replace(/^[[(]+|[\])]+$/g, ''));
    return `nodes with the feature${names.length > 1 ? 's' : ''} ${names.join(r.usesOr ? ' or ' : ' and ')}${value.includes('[') ? ' (one choice for all nodes)' : ''}`;
  },
};
