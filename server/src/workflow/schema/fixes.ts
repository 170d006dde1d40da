import { isMap, isScalar, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Fix, TextEdit } from '../../core/types';
import { positionAt } from '../../slurm/lines';
import { editDistance } from '../../slurm/scanner';
import { offsetRange, type YamlReading } from '../read/reading';
import { firstOf, typesOf } from './navigate';
import type { JsonSchema } from './pointers';

/**
 * The candidate most likely meant by a misspelt name: same letters in another case or with `_`
 * for `-`, else the nearest by edit distance (at most a third of the name's length, 1 to 3).
 * Undefined when nothing is close, or two candidates are equally close. Used for unknown keys and
 * enum values.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  // NOTE: version numbers (`v2.0`) are never "corrected" to the nearest known version.
  if (/^v?\d/.test(name)) return undefined;
  const fold = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const folded = fold(name);
  const same = candidates.find((c) => fold(c) === folded && c !== name);
  if (same) return same;
  // An abbreviation of exactly one candidate (`str` for `string`, `int` for `integer`).
  const longer = name.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(name.toLowerCase()) && c !== name) : [];
  if (longer.length === 1) return longer[0];
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const c of candidates) {
    if (c === name || Math.abs(c.length - name.length) > limit) continue;
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance) tied = true;
  }
  // NOTE: two candidates equally near (`v1.3` for v1.0/v1.1/v1.2) is no suggestion at all.
  return bestDistance <= limit && !tied ? best : undefined;
}

const PLAIN_SAFE = /^[A-Za-z_./][A-Za-z0-9_ ./-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

/** A value written as YAML (or JSON) text: plain words stay plain, anything else is quoted JSON-style. */
export function yamlText(v: unknown, json: boolean): string {
  if (typeof v === 'string') return !json && PLAIN_SAFE.test(v) && !RESERVED.test(v) && !v.endsWith(' ') ? v : JSON.stringify(v);
  if (v === undefined) return json ? 'null' : '';
  return JSON.stringify(v) ?? 'null';
}

/** A value to write for a key that must be added: the schema's default, an example, an allowed value, or an empty value of its type. */
export function placeholderFor(schemas: readonly JsonSchema[], json: boolean): string {
  const known = firstOf(schemas, 'default') ?? (firstOf(schemas, 'examples') as unknown[] | undefined)?.[0] ?? (firstOf(schemas, 'enum') as unknown[] | undefined)?.[0] ?? firstOf(schemas, 'const');
  if (known !== undefined) return yamlText(known, json);
  const type = schemas.map(typesOf).find((t) => t !== undefined)?.[0];
  const empty: Record<string, string> = { string: '""', object: '{}', array: '[]', integer: '0', number: '0', boolean: 'false' };
  return (type && empty[type]) ?? (json ? 'null' : '');
}

/** Replaces a key or a scalar value with another text, keeping its quotes. */
export function replaceScalarFix(reading: YamlReading, node: Node, replacement: string, title: string): Fix | undefined {
  if (!node.range || !isScalar(node)) return undefined;
  const type = (node as Scalar).type;
  const text = type === 'QUOTE_DOUBLE' ? JSON.stringify(replacement) : type === 'QUOTE_SINGLE' ? `'${replacement.replace(/'/g, "''")}'` : yamlText(replacement, false);
  return { title, edits: [{ range: offsetRange(reading, node.range[0], node.range[1]), newText: text }], isPreferred: true, safe: false };
}

function pairEnd(p: Pair): number {
  return Math.max((p.key as Node | null)?.range?.[1] ?? 0, (p.value as Node | null)?.range?.[1] ?? 0);
}

/**
 * The edit that adds `key: value` to a mapping: a new line after its last entry at its keys'
 * indentation (block style), or `, key: value` after the last entry (flow style and JSON).
 */
export function addKeyEdit(reading: YamlReading, map: YAMLMap, key: string, value: string, json: boolean): TextEdit | undefined {
  if (!isMap(map) || !map.range) return undefined;
  const starts = reading.lines.starts;
  const keyText = json ? JSON.stringify(key) : yamlText(key, false);
  const entry = value === '' ? `${keyText}:` : `${keyText}: ${value}`;
  const items = map.items as Pair[];
  const last = items[items.length - 1];
  if (map.flow) {
    if (!last) {
      const at = positionAt(starts, Math.max(map.range[0], map.range[1] - 1));
      return { range: { start: at, end: at }, newText: entry };
    }
    const end = pairEnd(last);
    const lastKey = (last.key as Node | null)?.range?.[0] ?? end;
    const sameLine = positionAt(starts, lastKey).line === positionAt(starts, map.range[0]).line;
    const at = positionAt(starts, end);
    const indent = ' '.repeat(positionAt(starts, lastKey).character);
    return { range: { start: at, end: at }, newText: sameLine ? `, ${entry}` : `,\n${indent}${entry}` };
  }
  if (!last) return undefined;
  const firstKey = (items[0].key as Node | null)?.range?.[0] ?? map.range[0];
  const indent = ' '.repeat(positionAt(starts, firstKey).character);
  const end = pairEnd(last);
  const endPos = positionAt(starts, end);
  const line = endPos.character === 0 && end > firstKey ? endPos.line : endPos.line + 1;
  if (line >= starts.length) {
    const at = positionAt(starts, reading.text.length);
    return { range: { start: at, end: at }, newText: `\n${indent}${entry}` };
  }
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}${entry}\n` };
}
