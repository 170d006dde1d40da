import { isAlias, isMap, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { isMergeKey, keyText } from './toValue';

/** Where a value of the plain data sits in the YAML source. */
export interface LocatedNode {
  /** The node of the value (null for an empty value such as `key:`). */
  node: Node | null;
  /** The mapping entry whose value it is, when it is a mapping value. */
  pair?: Pair;
  /** The collection holding it. */
  parent?: Node;
  /**
   * The node to report at when the value was reached through an alias or a `<<` merge: the alias
   * (or the merge entry's key) in the document, rather than the shared anchored value.
   */
  reportAt?: Node;
  /** False when the path leads somewhere the source does not have (then `node` is the deepest reached). */
  found: boolean;
}

const indexCache = new WeakMap<YAMLMap, Map<string, Pair>>();

/** Drops the key index of a mapping whose entries were replaced (incremental reading). */
export function forgetPairIndex(map: YAMLMap): void {
  indexCache.delete(map);
}

/** The entry for `key` in a mapping (the last one when the key is repeated, as loaders keep). */
export function pairFor(map: YAMLMap, key: string): Pair | undefined {
  if (map.items.length <= 16) {
    for (let i = map.items.length - 1; i >= 0; i--) {
      const p = map.items[i] as Pair;
      if (keyText(p.key) === key) return p;
    }
    return undefined;
  }
  let index = indexCache.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) index.set(keyText((item as Pair).key), item as Pair);
    indexCache.set(map, index);
  }
  return index.get(key);
}

function deref(doc: Document.Parsed, node: unknown, located: LocatedNode): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 32; hops++) {
    located.reportAt ??= current;
    current = current.resolve(doc);
  }
  return current;
}

/** Looks for `key` in the mappings a `<<` entry merges in (YAML 1.1 loaders), first source first. */
function mergedPair(doc: Document.Parsed, map: YAMLMap, key: string, located: LocatedNode): Pair | undefined {
  for (const item of map.items) {
    const p = item as Pair;
    if (!isMergeKey(p.key)) continue;
    const sources = isSeq(p.value) ? p.value.items : [p.value];
    for (const s of sources) {
      const target = isAlias(s) ? s.resolve(doc) : s;
      if (isMap(target)) {
        const hit = pairFor(target, key);
        if (hit) {
          located.reportAt ??= p.key as Node;
          return hit;
        }
      }
    }
  }
  return undefined;
}

/** Splits an ajv instance path (`/steps/align/run`) into keys and indexes. */
export function pathSegments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Finds the node of the value at `segments` (mapping keys and list indexes) in a document,
 * following aliases and merge keys the way the plain value was built. Never throws.
 */
export function locate(doc: Document.Parsed, segments: readonly string[]): LocatedNode {
  const located: LocatedNode = { node: doc.contents as Node | null, found: true };
  let current: unknown = doc.contents;
  for (const seg of segments) {
    current = deref(doc, current, located);
    if (isMap(current)) {
      const pair = pairFor(current, seg) ?? mergedPair(doc, current, seg, located);
      if (!pair) return { ...located, found: false };
      located.parent = current;
      located.pair = pair;
      current = pair.value;
    } else if (isSeq(current)) {
      const item = current.items[Number(seg)];
      if (item === undefined) return { ...located, found: false };
      located.parent = current;
      located.pair = undefined;
      current = item;
    } else {
      return { ...located, found: false };
    }
    located.node = (current as Node | null) ?? null;
  }
  if (isAlias(current)) {
    located.reportAt ??= current;
    located.node = (deref(doc, current, located) as Node | null) ?? null;
  }
  return located;
}

/**
 * The path of keys and indexes from the document root to the deepest node whose source range holds
 * `offset`, with that node and, when the offset is on a mapping key, the entry. For hover.
 */
export function pathAt(doc: Document.Parsed, offset: number): { path: string[]; node: Node | null; pair?: Pair; onKey: boolean } {
  const path: string[] = [];
  let current: unknown = doc.contents;
  let pair: Pair | undefined;
  let onKey = false;
  for (let guard = 0; guard < 1000; guard++) {
    if (isMap(current)) {
      const hit = findItem(current.items as Pair[], offset, (p) => spanOf(p));
      if (!hit) break;
      path.push(keyText(hit.key));
      pair = hit;
      const key = hit.key as Node | null;
      if (key?.range && offset >= key.range[0] && offset <= key.range[1]) {
        onKey = true;
        return { path, node: key, pair, onKey };
      }
      current = hit.value;
    } else if (isSeq(current)) {
      const items = current.items as Node[];
      const index = items.findIndex((n) => n?.range && offset >= n.range[0] && offset <= n.range[1]);
      if (index < 0) break;
      path.push(String(index));
      pair = undefined;
      current = items[index];
    } else break;
  }
  return { path, node: (current as Node | null) ?? null, pair, onKey };
}

function spanOf(p: Pair): [number, number] | undefined {
  const k = (p.key as Node | null)?.range;
  const v = (p.value as Node | null)?.range;
  if (!k && !v) return undefined;
  return [k?.[0] ?? v![0], Math.max(k?.[1] ?? 0, v?.[1] ?? 0)];
}

/** Binary search over items in source order for the one whose span holds `offset`. */
function findItem<T>(items: T[], offset: number, span: (t: T) => [number, number] | undefined): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = span(items[mid]);
    if (!s) return items.find((t) => {
      const x = span(t);
      return x !== undefined && offset >= x[0] && offset <= x[1];
    });
    if (offset < s[0]) hi = mid - 1;
    else if (offset > s[1]) lo = mid + 1;
    else return items[mid];
  }
  return undefined;
}
