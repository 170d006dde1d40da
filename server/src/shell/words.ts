/**
 * From tree-sitter nodes to plain values: ranges in the project's line/UTF-16 convention, shell
 * words with their static values, and what a `for ... in` item or a C-style header means.
 * Pure; tree-sitter is only a type here.
 */
import type { SyntaxNode as Node } from './parser';
import type { Position, Range } from '../core/types';
import { positionAt, splitLines } from '../slurm/lines';
import type { ForItem, ShellWord } from './model';

/** Converts UTF-16 offsets of one text into positions (binary search over its line starts). */
export class OffsetMap {
  private readonly starts: number[];

  constructor(text: string) {
    this.starts = splitLines(text).starts;
  }

  /** The position of `offset` (0-based line, UTF-16 column). */
  position(offset: number): Position {
    return positionAt(this.starts, offset);
  }

  /** The range a node covers (tree-sitter's indices are UTF-16 offsets for string input). */
  range(node: Node): Range {
    return this.span(node.startIndex, node.endIndex);
  }

  /** The offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    return this.starts[this.position(offset).line];
  }

  span(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\']);

/** Removes backslash escapes from an unquoted word (`\ ` -> space, a backslash-newline vanishes). */
function unescapeUnquoted(text: string): string {
  return text.replace(/\\(\r\n|[\s\S])/g, (_, ch: string) => (ch === '\n' || ch === '\r\n' ? '' : ch));
}

/** The value of a double-quoted string's inner text (only `\$ \` \" \\` and backslash-newline are escapes). */
function unescapeDoubleQuoted(text: string): string {
  return text.replace(/\\(\r\n|[\s\S])/g, (all: string, ch: string) => (ch === '\n' || ch === '\r\n' ? '' : DOUBLE_QUOTE_ESCAPES.has(ch) ? ch : all));
}

/** The run-independent value of a word node, or undefined when it holds an expansion. */
export function staticValue(node: Node): string | undefined {
  switch (node.type) {
    case 'word':
    case 'number':
    case 'variable_name':
      return unescapeUnquoted(node.text);
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return undefined; // $'...' escapes are rare in job scripts; treat as dynamic rather than guess
    case 'string': {
      const inner = node.text.replace(/^\$?"/, '').replace(/"$/, '');
      for (const child of node.namedChildren) if (child.type !== 'string_content') return undefined;
      return unescapeDoubleQuoted(inner);
    }
    case 'concatenation': {
      let out = '';
      for (const child of node.children) {
        const v = staticValue(child);
        if (v === undefined) return undefined;
        out += v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** True when an unquoted part of the word holds `*`, `?` or `[`. */
function hasUnquotedGlob(node: Node): boolean {
  if (node.type === 'word') return /(^|[^\\])[*?[]/.test(node.text);
  if (node.type === 'concatenation') return node.children.some((c) => hasUnquotedGlob(c));
  return false;
}

/** A ShellWord for a node. */
export function shellWord(node: Node, map: OffsetMap): ShellWord {
  // An unquoted brace expansion (`job{1,2}.sh`, `{1..5}`) becomes several words: no single value.
  const text = node.text;
  const value = BRACE_EXPANSION.test(text) && !/['"]/.test(text) ? undefined : staticValue(node);
  return value !== undefined ? { text, value, glob: hasUnquotedGlob(node), range: map.range(node) } : { text, glob: hasUnquotedGlob(node), range: map.range(node) };
}

const BRACE_EXPANSION = /\{[^{}\s]*(,|\.\.)[^{}\s]*\}/;
const BRACE_RANGE = /^\{([+-]?\d+)\.\.([+-]?\d+)(?:\.\.([+-]?\d+))?\}$/;
const BRACE_LIST = /^([^{}]*)\{([^{}]*,[^{}]*)\}([^{}]*)$/;
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** True when the node is unquoted text only (word, number, brace expression or a mix of them). */
function isUnquoted(node: Node): boolean {
  if (node.type === 'word' || node.type === 'number' || node.type === 'brace_expression') return true;
  if (node.type === 'concatenation') return node.children.every((c) => isUnquoted(c));
  return false;
}

/** Finds a seq call in `$(seq ...)` / `` `seq ...` `` (the substitution must hold that one command only). */
function seqCall(node: Node): Node | undefined {
  if (node.type !== 'command_substitution') return undefined;
  const inner = node.namedChildren;
  if (inner.length !== 1 || inner[0].type !== 'command') return undefined;
  const name = inner[0].childForFieldName('name');
  return name && name.text === 'seq' ? inner[0] : undefined;
}

/** Says how a `for ... in` item expands. */
export function classifyForItem(node: Node, map: OffsetMap): ForItem {
  const word = shellWord(node, map);
  if (isUnquoted(node)) {
    const range = BRACE_RANGE.exec(node.text);
    if (range) {
      const step = range[3] === undefined ? 1 : Math.abs(Number(range[3])) || 1;
      return { kind: 'range', word, start: Number(range[1]), end: Number(range[2]), step, text: node.text };
    }
    const list = BRACE_LIST.exec(node.text);
    if (list && !/[*?[\\$'"]/.test(node.text)) return { kind: 'brace-list', word, values: list[2].split(',').map((v) => list[1] + v + list[3]) };
  }
  const seq = seqCall(node);
  if (seq) {
    const args = seq.childrenForFieldName('argument').map((a) => shellWord(a, map));
    const options: string[] = [];
    const numbers: string[] = [];
    for (const a of args) {
      const v = a.value ?? a.text;
      if (numbers.length === 0 && /^-[a-zA-Z]/.test(v)) options.push(v);
      else numbers.push(v);
    }
    const literal = numbers.every((n) => NUMBER.test(n)) && numbers.length >= 1 && numbers.length <= 3;
    const nums = literal ? numbers.map(Number) : [];
    const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums.length === 3 ? nums : [undefined, undefined, undefined];
    return { kind: 'seq', word, args, options, ...(first !== undefined ? { first, step, last } : {}) };
  }
  if (word.glob) return { kind: 'glob', word, pattern: node.text };
  if (word.value !== undefined) return { kind: 'literal', word, value: word.value };
  return { kind: 'expansion', word };
}

/**
 * The values a C-style loop's variable takes when the header is a plain count with literal
 * numbers (`i=1; i<=N; i++`, `i+=2`, `i=i+2`, `i--`, ...); undefined for anything else.
 */
export function countOf(variable: string, init: string, condition: string, update: string): { first: number; last: number; step: number } | undefined {
  const v = variable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const first = new RegExp(`^\\s*\\$?${v}\\s*=\\s*(-?\\d+)\\s*$`).exec(init);
  const cond = new RegExp(`^\\s*\\$?${v}\\s*(<=|<|>=|>|!=)\\s*(-?\\d+)\\s*$`).exec(condition);
  if (!first || !cond) return undefined;
  let step: number | undefined;
  const u = update.replace(/\s+/g, '');
  if (u === `${variable}++` || u === `++${variable}`) step = 1;
  else if (u === `${variable}--` || u === `--${variable}`) step = -1;
  else {
    const m = new RegExp(`^${v}(\\+=|-=)(\\d+)$`).exec(u) ?? new RegExp(`^${v}=\\$?${v}([+-])(\\d+)$`).exec(u);
    if (m) step = (m[1].startsWith('-') ? -1 : 1) * Number(m[2]);
  }
  if (!step) return undefined;
  const start = Number(first[1]);
  const bound = Number(cond[2]);
  const op = cond[1];
  if ((step > 0 && (op === '>' || op === '>=')) || (step < 0 && (op === '<' || op === '<='))) return undefined;
  let limit: number;
  if (op === '<') limit = bound - 1;
  else if (op === '>') limit = bound + 1;
  else if (op === '!=') limit = bound - Math.sign(step);
  else limit = bound;
  if ((step > 0 && limit < start) || (step < 0 && limit > start)) return undefined; // never runs
  if (op === '!=' && (bound - start) % step !== 0) return undefined; // never stops
  const last = start + Math.floor((limit - start) / step) * step;
  return { first: start, last, step };
}
