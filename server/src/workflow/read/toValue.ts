import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** Collections nested deeper than this are refused before any schema check (no workflow needs it). */
export const MAX_DEPTH = 100;
/** Values that aliases may add to a document by expansion before it counts as an alias bomb. */
export const MAX_ALIAS_EXPANSION = 100_000;

/** A key given twice in one mapping: `first` is shadowed by `second` (the loader keeps the last). */
export interface DuplicateKey {
  map: YAMLMap;
  key: string;
  first: Pair;
  second: Pair;
}

/** Why part of a document was not turned into a value. */
export interface ValueProblem {
  kind: 'depth' | 'alias-expansion' | 'alias-cycle' | 'unknown-alias';
  /** The node the problem is reported at. */
  node: Node;
  /** The alias name for alias problems. */
  alias?: string;
}

export interface PlainValue {
  /** The document as plain JSON-like data (the last of duplicate keys wins, as loaders do). */
  value: unknown;
  /** False when the depth or alias limits stopped the conversion: schema checks must skip it. */
  complete: boolean;
  duplicates: DuplicateKey[];
  problems: ValueProblem[];
  /** True when the document has an anchor or an alias (an edit anywhere may change values elsewhere). */
  usesAnchors: boolean;
}

/** The text a key stands for in the plain value (what a loader uses as the dictionary key). */
export function keyText(key: unknown): string {
  if (isScalar(key)) {
    const v = key.value;
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return key.source ?? v.toISOString();
    if (typeof v === 'symbol') return v.description ?? '';
    return String(v);
  }
  if (isAlias(key)) return `*${key.source}`;
  if (key === null || key === undefined) return '';
  // A collection used as a key: rare; a stable text is enough to compare it.
  return String(key);
}

/** Sets a property, also the one named `__proto__`, without touching the object's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A `<<` key (YAML 1.1 merge): the `yaml` package reads it as a symbol under the 1.1 schema. */
export function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || (key.type !== undefined && key.type !== 'PLAIN')) return false;
  const v = key.value;
  return v === '<<' || (typeof v === 'symbol' && v.description === '<<');
}

/**
 * Turns a parsed YAML document into plain data for schema validation, in one walk that also finds
 * duplicate keys, refuses nesting beyond MAX_DEPTH and alias expansion beyond MAX_ALIAS_EXPANSION
 * (an "alias bomb"), and applies `<<` merge keys when `merge` is set (YAML 1.1 loaders do).
 * Timestamps and binary scalars stay the text they were written as. Never throws.
 */
export function toPlainValue(doc: Document.Parsed, merge: boolean): PlainValue {
  const duplicates: DuplicateKey[] = [];
  const problems: ValueProblem[] = [];
  const anchored = new Map<Node, { value: unknown; size: number }>();
  const onStack = new Set<Node>();
  let produced = 0;
  let expanded = 0;
  let complete = true;
  let bombed = false;
  let usesAnchors = false;

  const stop = (problem: ValueProblem): null => {
    complete = false;
    problems.push(problem);
    return null;
  };

  const convert = (node: unknown, depth: number): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      usesAnchors = true;
      produced++;
      const source = node.resolve(doc);
      if (!source) return stop({ kind: 'unknown-alias', node, alias: node.source });
      if (onStack.has(source)) return stop({ kind: 'alias-cycle', node, alias: node.source });
      const known = anchored.get(source);
      if (!known) return convert(source, depth);
      // The expansion counts toward the size of every anchored value around it, so nested aliases compound.
      expanded += known.size;
      produced += known.size;
      if (expanded > MAX_ALIAS_EXPANSION) {
        if (!bombed) stop({ kind: 'alias-expansion', node, alias: node.source });
        bombed = true;
        return null;
      }
      return known.value;
    }
    if (bombed) return null;
    const start = produced;
    produced++;
    let value: unknown;
    if (isScalar(node)) {
      const v = node.value;
      value = v instanceof Date || v instanceof Uint8Array ? (node.source ?? String(v)) : typeof v === 'bigint' ? Number(v) : typeof v === 'symbol' ? (v.description ?? '') : v;
    } else if (depth >= MAX_DEPTH) {
      return stop({ kind: 'depth', node: node as Node });
    } else if (isMap(node)) {
      onStack.add(node);
      value = convertMap(node, depth + 1);
      onStack.delete(node);
    } else if (isSeq(node)) {
      onStack.add(node);
      const out: unknown[] = new Array(node.items.length);
      for (let i = 0; i < node.items.length; i++) out[i] = convert(node.items[i], depth + 1);
      onStack.delete(node);
      value = out;
    } else if (isPair(node)) {
      value = convert(node.value, depth);
    } else {
      value = null;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      usesAnchors = true;
      anchored.set(node as Node, { value, size: produced - start });
    }
    return value;
  };

  const convertMap = (map: YAMLMap, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, Pair>();
    let merged: unknown[] | undefined;
    for (const item of map.items) {
      const pair = item as Pair;
      if (merge && isMergeKey(pair.key)) {
        const v = convert(pair.value, depth);
        (merged ??= []).push(...(Array.isArray(v) ? v : [v]));
        continue;
      }
      const key = keyText(pair.key);
      const earlier = seen.get(key);
      if (earlier) duplicates.push({ map, key, first: earlier, second: pair });
      seen.set(key, pair);
      setOwn(out, key, convert(pair.value, depth));
    }
    // NOTE: as in PyYAML, keys written in the mapping win over merged ones, and an earlier merged
    // mapping wins over a later one.
    if (merged) {
      for (const source of merged) {
        if (!source || typeof source !== 'object' || Array.isArray(source)) continue;
        for (const [k, v] of Object.entries(source)) if (!Object.prototype.hasOwnProperty.call(out, k)) setOwn(out, k, v);
      }
    }
    return out;
  };

  let value: unknown = null;
  try {
    value = convert(doc.contents, 0);
  } catch {
    // Only a stack overflow could get here (MAX_DEPTH prevents it); the document is then not checked.
    complete = false;
  }
  return { value, complete, duplicates, problems, usesAnchors };
}
