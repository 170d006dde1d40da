import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { positionAt } from '../../slurm/lines';
import { keyText } from '../read/toValue';

/** Where a key is being typed: the path of the mapping (existing or not yet written) it goes into. */
export interface KeySlot {
  /** Keys and indexes from the document root to the mapping. */
  path: string[];
  /** The mapping when it exists already (its keys are not offered again). */
  map?: YAMLMap;
  /** True when the key starts a new entry of a list (`- |`). */
  newListItem: boolean;
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

/** The last of `items` that starts before `limit` (binary search; items are in source order). */
function lastBefore<T>(items: readonly T[], limit: number, start: (t: T) => number | undefined): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = start(items[mid]);
    if (s === undefined) return items.findIndex((t, i) => i >= lo && (start(t) ?? Infinity) < limit);
    if (s < limit) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || (isScalar(v) && (v.value === null || v.value === '') && !v.source);
}

/**
 * Finds the mapping a key typed at column `column` of the line starting at `lineStart` belongs to,
 * by indentation against the document's block structure: a mapping whose keys start at that
 * column, a new entry of a list whose `-` stands two columns left of it (`dashed`), or the empty
 * value of a key above it (`steps:` followed by an indented line). Entries on the cursor's own line
 * are ignored (they are what is being typed). Undefined when nothing fits (flow style, a scalar).
 */
export function keySlotAt(doc: Document.Parsed, starts: readonly number[], lineStart: number, column: number, dashed: boolean): KeySlot | undefined {
  const col = (offset: number | undefined) => (offset === undefined ? -1 : positionAt(starts, offset).character);
  let node: unknown = doc.contents;
  const path: string[] = [];
  let best: KeySlot | undefined;
  if (isEmptyValue(node) && column === 0) return { path: [], newListItem: false };
  for (let guard = 0; guard < 200; guard++) {
    if (isAlias(node)) return best;
    if (isMap(node) && !node.flow) {
      const items = node.items as Pair[];
      const keyColumn = col(startOf(items[0]?.key) ?? startOf(node));
      if (!dashed && column === keyColumn) best = { path: [...path], map: node, newListItem: false };
      if (column <= keyColumn) return best;
      const i = lastBefore(items, lineStart, (p) => startOf(p.key) ?? startOf(p.value));
      if (i < 0) return best;
      const pair = items[i];
      if (isEmptyValue(pair.value)) return dashed ? { path: [...path, keyText(pair.key), '0'], newListItem: true } : { path: [...path, keyText(pair.key)], newListItem: false };
      if (!isCollection(pair.value) || (pair.value as { flow?: boolean }).flow) return best;
      path.push(keyText(pair.key));
      node = pair.value;
    } else if (isSeq(node) && !node.flow) {
      const dashColumn = col(startOf(node));
      const items = node.items as Node[];
      if (dashed && column === dashColumn + 2) return { path: [...path, String(items.length)], newListItem: true };
      if (column <= dashColumn) return best;
      const i = lastBefore(items, lineStart, startOf);
      if (i < 0) return best;
      const item = items[i];
      if (isEmptyValue(item) && !dashed) return { path: [...path, String(i)], newListItem: false };
      if (!isMap(item) || item.flow) return best;
      path.push(String(i));
      node = item;
    } else return best;
  }
  return best;
}
