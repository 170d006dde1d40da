import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { readYaml } from '../../read/reading';
import type { WorkflowFileReader } from '../../types';
import { entriesOf, scalarText } from '../engines/yamlEntries';

/** An input or output parameter of a CWL process, by its short id. */
export interface CwlParam {
  id: string;
  /** The node that names it: the map key, or the `id:` value in list form. */
  idNode: Node;
  /** Its definition (a mapping), or the scalar type of the shorthand `name: Type`. */
  value: Node | null;
  /** True when the process can run without it: a default, or a type that allows null. */
  optional: boolean;
}

/** One reference (`source:` or `outputSource:` item) as written, with its scalar node. */
export interface CwlReference {
  text: string;
  node: Node;
}

/** One entry of a step's `in:`. */
export interface CwlStepInput {
  id: string;
  idNode: Node;
  sources: CwlReference[];
}

/** A workflow step: its id, its `run:`, its `in:` and `out:`. */
export interface CwlStep {
  id: string;
  idNode: Node;
  map: YAMLMap;
  /** The `run:` value node. */
  run: Node | null;
  inputs: CwlStepInput[];
  outs: { id: string; node: Node }[];
}

/** A CWL process read from YAML nodes (a Workflow, CommandLineTool, ExpressionTool, Operation). */
export interface CwlProcess {
  cls: string;
  /** The process's `id` (without `#`), for `$graph` entries. */
  id?: string;
  idNode?: Node;
  map: YAMLMap;
  inputs: CwlParam[];
  outputs: (CwlParam & { outputSources: CwlReference[] })[];
  steps: CwlStep[];
}

/** The last part of a CWL id (`#main/align/sam` → `sam`). */
export function shortId(id: string): string {
  const noHash = id.includes('#') ? id.slice(id.indexOf('#') + 1) : id;
  return noHash.slice(noHash.lastIndexOf('/') + 1);
}

function field(map: YAMLMap, key: string): Node | null | undefined {
  const e = entriesOf(map).find((x) => x.key === key);
  return e ? e.value : undefined;
}

function typeAllowsNull(type: Node | null | undefined): boolean {
  const text = scalarText(type ?? null);
  if (text !== undefined) return text.endsWith('?') || text === 'null' || text === 'Any?';
  if (isSeq(type)) return type.items.some((t) => scalarText(t as Node) === 'null');
  return false;
}

/**
 * The entries of a CWL `inputs`/`outputs`/`steps`/`in` field, written as a map (`name: {...}` or
 * `name: Type`) or as a list of mappings with `id:`; ids are shortened to their last part.
 */
function namedEntries(node: Node | null | undefined): { id: string; idNode: Node; value: Node | null }[] {
  const out: { id: string; idNode: Node; value: Node | null }[] = [];
  if (isMap(node)) {
    for (const e of entriesOf(node)) out.push({ id: shortId(e.key), idNode: e.keyNode, value: e.value });
  } else if (isSeq(node)) {
    for (const item of node.items as Node[]) {
      if (!isMap(item)) continue;
      const idNode = field(item, 'id');
      const id = scalarText(idNode ?? null);
      if (id !== undefined && idNode) out.push({ id: shortId(id), idNode, value: item });
    }
  }
  return out;
}

function references(node: Node | null | undefined): CwlReference[] {
  if (isScalar(node)) {
    const text = scalarText(node);
    return text === undefined ? [] : [{ text, node }];
  }
  if (isSeq(node)) return (node.items as Node[]).flatMap((n) => references(n));
  return [];
}

function param(e: { id: string; idNode: Node; value: Node | null }): CwlParam {
  const map = isMap(e.value) ? e.value : undefined;
  const optional = map ? field(map, 'default') !== undefined || typeAllowsNull(field(map, 'type')) : typeAllowsNull(e.value);
  return { id: e.id, idNode: e.idNode, value: e.value, optional };
}

function step(e: { id: string; idNode: Node; value: Node | null }): CwlStep | undefined {
  if (!isMap(e.value)) return undefined;
  const map = e.value;
  const inputs = namedEntries(field(map, 'in')).map((i): CwlStepInput => {
    // `name: source` (one or a list), or `name: {source: ..., default: ..., valueFrom: ...}`.
    const sources = isMap(i.value) ? references(field(i.value, 'source')) : references(i.value);
    return { id: i.id, idNode: i.idNode, sources };
  });
  const outNode = field(map, 'out');
  const outs: { id: string; node: Node }[] = [];
  if (isSeq(outNode)) {
    for (const item of outNode.items as Node[]) {
      const idNode = isMap(item) ? field(item, 'id') : item;
      const text = scalarText(idNode ?? null);
      if (text !== undefined && idNode) outs.push({ id: shortId(text), node: idNode });
    }
  }
  return { id: e.id, idNode: e.idNode, map, run: field(map, 'run') ?? null, inputs, outs };
}

/** Reads a process from its mapping node; undefined when the node is no mapping with a `class`. */
export function processOf(node: unknown): CwlProcess | undefined {
  if (!isMap(node)) return undefined;
  const cls = scalarText(field(node, 'class') ?? null);
  if (cls === undefined) return undefined;
  const idNode = field(node, 'id') ?? undefined;
  const idText = scalarText(idNode ?? null);
  return {
    cls,
    id: idText?.replace(/^#/, ''),
    idNode: idNode ?? undefined,
    map: node,
    inputs: namedEntries(field(node, 'inputs')).map(param),
    outputs: namedEntries(field(node, 'outputs')).map((e) => ({ ...param(e), outputSources: isMap(e.value) ? references(field(e.value, 'outputSource')) : [] })),
    steps: cls === 'Workflow' ? namedEntries(field(node, 'steps')).flatMap((e) => step(e) ?? []) : [],
  };
}

/** The processes of a document: those of its `$graph`, or the document itself. */
export function documentProcesses(root: unknown): { processes: CwlProcess[]; graph: boolean } {
  if (!isMap(root)) return { processes: [], graph: false };
  const graph = field(root, '$graph');
  if (graph !== undefined) return { processes: isSeq(graph) ? (graph.items as Node[]).flatMap((n) => processOf(n) ?? []) : [], graph: true };
  const p = processOf(root);
  return { processes: p ? [p] : [], graph: false };
}

/** What a step's `run:` names: an inline process, a `$graph` entry, a file (read or not), or something not checked. */
export type RunTarget =
  | { kind: 'inline'; process?: CwlProcess }
  | { kind: 'graph'; id: string; process?: CwlProcess }
  | { kind: 'file'; path: string; text?: string; process?: CwlProcess }
  | { kind: 'unchecked' };

/** Cache of files read for `run:` targets, per analysis. */
export type RunFileCache = Map<string, { text?: string; process?: CwlProcess }>;

/**
 * Resolves a step's `run:`: an inline process, a `#id` of the same `$graph`, or a relative path
 * read through the injected reader (with the engine's YAML reader; a packed file gives its
 * `#main` or the named fragment). URLs and expressions are not checked.
 */
export function resolveRun(run: Node | null, graph: readonly CwlProcess[], files: WorkflowFileReader, cache: RunFileCache): RunTarget {
  if (isMap(run)) return { kind: 'inline', process: processOf(run) };
  const text = scalarText(run);
  if (text === undefined || text === '' || /^[a-z][a-z0-9+.-]*:/i.test(text) || text.includes('$(') || text.includes('${')) return { kind: 'unchecked' };
  if (text.startsWith('#')) {
    const id = text.slice(1);
    return { kind: 'graph', id, process: graph.find((p) => p.id === id) };
  }
  const hash = text.indexOf('#');
  const path = hash >= 0 ? text.slice(0, hash) : text;
  const fragment = hash >= 0 ? text.slice(hash + 1) : undefined;
  const key = `${path}#${fragment ?? ''}`;
  let read = cache.get(key);
  if (!read) {
    const fileText = files(path);
    read = { text: fileText };
    if (fileText !== undefined && fileText.length < 2_000_000) {
      const reading = readYaml(fileText, { yamlVersion: '1.2', json: false, duplicateKeySeverity: 'error' });
      const doc = reading.documents[0];
      if (doc?.complete && reading.syntax.every((f) => f.severity !== 'error')) {
        const { processes, graph: packed } = documentProcesses(doc.document.contents);
        read.process = packed ? processes.find((p) => p.id === (fragment ?? 'main')) : processes[0];
      }
    }
    cache.set(key, read);
  }
  return { kind: 'file', path, text: read.text, process: read.process };
}
