import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { splitLines, positionAt } from '../../slurm/lines';
import { forgetPairIndex } from './locate';
import { toPlainValue } from './toValue';
import { duplicateKeyFinding } from './duplicates';
import { parseOptions, type ReadOptions, type YamlReading } from './reading';

/** Below this size a full read is as fast as anything cleverer. */
const MIN_INCREMENTAL_CHARS = 20_000;

type Range3 = [number, number, number];

/** The changed span: old text [start, oldEnd) became new text [start, newEnd). */
interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

function diff(before: string, after: string): Change {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** Calls `visit` for every node under `root` (keys and values), iteratively. */
function eachNode(root: unknown, visit: (n: Node) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    if (!n || typeof n !== 'object') continue;
    visit(n as Node);
    if (isCollection(n)) for (const item of n.items) stack.push(item);
  }
}

interface Region {
  parent: YAMLMap | YAMLSeq;
  index: number;
  /** Old text offsets of the entry's lines: [start of its first line, start of the next entry's line). */
  start: number;
  end: number;
  /** The column its key (or `-`) starts at. */
  column: number;
  /** The collections from the document's root down to `parent`. */
  ancestors: Node[];
}

function lineStartOf(lines: { starts: number[] }, offset: number): number {
  return lines.starts[positionAt(lines.starts, offset).line];
}

/** Where an entry of a block collection starts (its key, or the `-` before a list item). */
function entryStart(reading: YamlReading, parent: YAMLMap | YAMLSeq, item: unknown): number | undefined {
  const node = isPair(item) ? (item.key as Node | null) : (item as Node | null);
  const at = node?.range?.[0];
  if (at === undefined) return undefined;
  if (isMap(parent)) return at;
  // A list item: its `-` sits on the same line before it.
  const line = lineStartOf(reading.lines, at);
  const dash = reading.text.lastIndexOf('-', at);
  return dash >= line ? dash : undefined;
}

/** The entries of block mappings and lists whose own lines hold the whole change, deepest first. */
function regionsFor(reading: YamlReading, doc: Document.Parsed, change: Change): Region[] {
  let node: unknown = doc.contents;
  const found: Region[] = [];
  const ancestors: Node[] = [];
  for (let depth = 0; depth < 100; depth++) {
    if (!(isMap(node) || isSeq(node)) || node.flow || !node.range) break;
    ancestors.push(node);
    const items = node.items as unknown[];
    let chosen: Region | undefined;
    for (let i = 0; i < items.length && !chosen; i++) {
      const start = entryStart(reading, node, items[i]);
      if (start === undefined) break;
      const lineStart = lineStartOf(reading.lines, start);
      if (!/^ *$/.test(reading.text.slice(lineStart, start))) break;
      const next = i + 1 < items.length ? entryStart(reading, node, items[i + 1]) : undefined;
      const end = next !== undefined ? lineStartOf(reading.lines, next) : lastLineEnd(reading, node.range[1]);
      if (change.start >= start && change.oldEnd < end) chosen = { parent: node, index: i, start: lineStart, end, column: start - lineStart, ancestors: [...ancestors] };
    }
    if (!chosen) break;
    found.unshift(chosen);
    const item = items[chosen.index];
    node = isPair(item) ? item.value : item;
  }
  return found;
}

/**
 * The entries that replace a region's entry, read from the changed text alone, or undefined when
 * the region cannot be re-read by itself: its lines leave the entry's column, it holds constructs
 * whose meaning depends on the rest (anchors, aliases, tags, block scalars, directives, tabs), an
 * enclosing collection ends inside it, or it does not parse cleanly into entries of the same kind.
 */
function reread(region: Region, doc: Document.Parsed, text: string, delta: number, options: ReadOptions): unknown[] | undefined {
  for (const a of [...region.ancestors, doc]) {
    const r = a.range as Range3 | null | undefined;
    if (!r || r[1] <= region.end || r[2] <= region.end) return undefined;
  }
  const piece = text.slice(region.start, region.end + delta);
  const pieceLines = piece.split(/\r?\n|\r/);
  if (!new RegExp(`^ {${region.column}}[^ \\t#]`).test(pieceLines[0])) return undefined;
  if (/[&*!|>%]|^---|^\.\.\.|\t/m.test(piece.replace(/"(?:[^"\\\n]|\\.)*"|'[^'\n]*'/g, '""'))) return undefined;
  // A comment closing the entry may belong to what encloses it (its range reaches over comments).
  const lastContent = [...pieceLines].reverse().find((line) => line.trim() !== '');
  if (lastContent === undefined || lastContent.trimStart().startsWith('#')) return undefined;
  // So may an empty value at its end (`key:`, `- `): in the whole text it reaches to the next token.
  if (/:\s*(#.*)?$|^\s*-\s*(#.*)?$/.test(lastContent)) return undefined;
  for (const line of pieceLines.slice(1)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (/^ */.exec(line)![0].length < region.column) return undefined;
  }
  const docs = parseAllDocuments(piece, parseOptions(options));
  if (!Array.isArray(docs) || docs.length !== 1 || docs[0].errors.length > 0 || docs[0].warnings.length > 0) return undefined;
  const fresh = docs[0].contents;
  if (!(isMap(fresh) || isSeq(fresh)) || fresh.flow || isMap(fresh) !== isMap(region.parent) || fresh.items.length === 0) return undefined;
  let unsafe = false;
  // An empty key (`: value`) is placed by what comes before it, which the piece does not have; a
  // mapping or list as a key reads differently in context.
  const emptyKey = (k: unknown) => k === null || k === undefined || (isScalar(k) && (k.source === '' || k.value === null) && k.range !== undefined && k.range !== null && k.range[0] === k.range[1]);
  eachNode(fresh, (n) => {
    if (isMap(n) && n.items.some((p) => emptyKey((p as { key: unknown }).key) || isCollection((p as { key: unknown }).key))) unsafe = true;
    if (isAlias(n) || (n as { anchor?: string }).anchor || (n as { tag?: string }).tag || (isScalar(n) && n.type !== undefined && n.type.startsWith('BLOCK'))) unsafe = true;
  });
  if (unsafe) return undefined;
  eachNode(fresh, (n) => {
    const r = n.range as Range3 | null | undefined;
    if (r) for (let k = 0; k < 3; k++) r[k] += region.start;
  });
  return fresh.items;
}

/** The offset after the line break that ends the line holding `offset - 1` (or the text's end). */
function lastLineEnd(reading: YamlReading, offset: number): number {
  const line = positionAt(reading.lines.starts, Math.max(0, offset - 1)).line;
  return reading.lines.starts[line + 1] ?? reading.text.length;
}

/**
 * Re-reads only the entry of a block mapping or list that a change falls in, when the previous
 * reading of the same file allows it: one document, no syntax problems, no anchors or aliases, and
 * the re-read entry parses cleanly at the same column. The previous reading's document is updated
 * in place (and must no longer be used). Returns undefined whenever any condition fails; the caller
 * then reads the whole text. The result equals a full read (the tests hold them against each other).
 */
export function readYamlIncrementally(previous: YamlReading, text: string, options: ReadOptions): YamlReading | undefined {
  if (text.length < MIN_INCREMENTAL_CHARS || options.json || previous.documents.length !== 1) return undefined;
  const old = previous.options;
  if (!old || old.yamlVersion !== options.yamlVersion || old.json !== options.json || old.duplicateKeySeverity !== options.duplicateKeySeverity) return undefined;
  const docReading = previous.documents[0];
  if (previous.syntax.length > 0 || previous.tooComplex.length > 0 || !docReading.complete || docReading.usesAnchors) return undefined;
  const change = diff(previous.text, text);
  const doc = docReading.document;
  const delta = text.length - previous.text.length;
  let region: Region | undefined;
  let items: unknown[] | undefined;
  for (const candidate of regionsFor(previous, doc, change).slice(0, 4)) {
    items = reread(candidate, doc, text, delta, options);
    if (items) {
      region = candidate;
      break;
    }
  }
  if (!region || !items) return undefined;
  // Move the rest of the old document by the change, then put the new entries in place.
  const oldEnd = region.end;
  eachNode(doc.contents, (n) => {
    const r = n.range as Range3 | null | undefined;
    if (!r) return;
    for (let k = 0; k < 3; k++) if (r[k] >= oldEnd) r[k] += delta;
  });
  for (let k = 0; k < 3; k++) if (doc.range[k] >= oldEnd) doc.range[k] += delta;
  (region.parent.items as unknown[]).splice(region.index, 1, ...items);
  if (isMap(region.parent)) forgetPairIndex(region.parent);
  const plain = toPlainValue(doc, !options.json && options.yamlVersion === '1.1');
  // NOTE: the old document is already changed; a caller that gets undefined reads the text afresh.
  if (plain.problems.length > 0 || !plain.complete) return undefined;
  const reading: YamlReading = { text, lines: splitLines(text), documents: [], syntax: [], duplicates: [], tooComplex: [], options };
  for (const d of plain.duplicates) reading.duplicates.push(duplicateKeyFinding(reading, d, options.duplicateKeySeverity, options.refusedBy));
  reading.documents.push({ document: doc, value: plain.value, complete: true, usesAnchors: plain.usesAnchors });
  return reading;
}
