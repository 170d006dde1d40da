import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import type { Range } from '../../../core/types';
import { nodeRange, offsetRange, type YamlReading } from '../../read/reading';

/** One `key: value` entry of a YAML mapping, with the key's text and the nodes to report at. */
export interface YamlEntry {
  key: string;
  keyNode: Node;
  value: Node | null;
  pair: Pair;
}

/** The entries of a mapping node whose keys are scalars (other keys are skipped); empty for anything else. */
export function entriesOf(node: unknown): YamlEntry[] {
  if (!isMap(node)) return [];
  const out: YamlEntry[] = [];
  for (const pair of node.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || key.value === null || typeof key.value === 'object') continue;
    out.push({ key: String(key.value), keyNode: key, value: (pair.value as Node | null) ?? null, pair });
  }
  return out;
}

/** The top-level entries of every complete document of the reading (a file may hold several). */
export function topLevelEntries(reading: YamlReading): YamlEntry[] {
  return reading.documents.filter((d) => d.complete).flatMap((d) => entriesOf(d.document.contents));
}

/** The scalar items of a sequence node, with their text (numbers and booleans as written). */
export function scalarItems(node: Node | null): { text: string; node: Scalar }[] {
  if (!isSeq(node)) return [];
  const out: { text: string; node: Scalar }[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || item.value === null || typeof item.value === 'object') continue;
    out.push({ text: String(item.value), node: item });
  }
  return out;
}

/** The text of a scalar value (numbers and booleans as their source text), or undefined for other nodes. */
export function scalarText(node: Node | null): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return node.source ?? String(node.value);
}

/** True when a scalar was written in quotes (its text is then a string, whatever it looks like). */
export function isQuoted(node: Node | null): boolean {
  return isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
}

/**
 * The range of characters [start, end) of a scalar's text, when the text appears in the source as
 * it is (plain, or quoted without escapes); else the whole node.
 */
export function textRange(reading: YamlReading, node: Node, start: number, end: number): Range {
  const r = node.range;
  if (!r || !isScalar(node)) return nodeRange(reading, node);
  const raw = reading.text.slice(r[0], r[1]);
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const inner = quoted ? raw.slice(1, -1) : raw;
  const text = String(node.value);
  if (inner !== text) return nodeRange(reading, node);
  const base = r[0] + (quoted ? 1 : 0);
  return offsetRange(reading, base + start, base + Math.max(start, end));
}
