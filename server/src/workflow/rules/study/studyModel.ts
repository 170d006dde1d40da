import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { Finding, Range, Severity } from '../../../core/types';
import { nodeRange, offsetRange } from '../../read/reading';
import type { WorkflowContext } from '../../types';
import { entriesOf, scalarItems, scalarText, topLevelEntries, type YamlEntry } from '../engines/yamlEntries';

/** One `depends` entry of a step: the name as written, the step it names (without `_*`), and its node. */
export interface DependsEntry {
  written: string;
  step: string;
  fanIn: boolean;
  node: Scalar;
}

/** One step of `study:`, in file order. */
export interface StudyStep {
  name: string;
  nameNode: Node;
  index: number;
  /** The `run:` entries (merge keys `<<` are skipped). */
  run: YamlEntry[];
  depends: DependsEntry[];
}

/** One global parameter: its name, `values` node and `label` node. */
export interface StudyParameter {
  name: string;
  keyNode: Node;
  values: Node | null;
  label: Node | null;
}

/** What the semantic checks read of a Maestro or Merlin study specification. */
export interface StudySpec {
  steps: StudyStep[];
  parameters: StudyParameter[];
  /** `env.variables` entries. */
  variables: YamlEntry[];
  /** `env.labels` entries. */
  labels: YamlEntry[];
  /** Names of `env.dependencies` (git and path dependencies are `$(NAME)` tokens too). */
  dependencyNames: string[];
  /** `merlin.samples.column_labels`. */
  columnLabels: string[];
  /** The top-level `batch:` block. */
  batch: YamlEntry[];
  /** `merlin.resources.workers` entries. */
  workers: YamlEntry[];
  merlin: boolean;
}

const child = (entries: YamlEntry[], key: string): YamlEntry | undefined => entries.find((e) => e.key === key);

/** The study of a Maestro/Merlin document, or undefined for other formats. Never throws. */
export function readStudy(ctx: WorkflowContext): StudySpec | undefined {
  if (ctx.format.id !== 'maestro' && ctx.format.id !== 'merlin') return undefined;
  const top = topLevelEntries(ctx.reading);
  const env = entriesOf(child(top, 'env')?.value);
  const steps: StudyStep[] = [];
  const studyNode = child(top, 'study')?.value ?? null;
  if (isSeq(studyNode)) {
    for (const item of studyNode.items) {
      const fields = entriesOf(item);
      const nameEntry = child(fields, 'name');
      const name = scalarText(nameEntry?.value ?? null);
      if (name === undefined || !nameEntry?.value) continue;
      const run = entriesOf(child(fields, 'run')?.value).filter((e) => e.key !== '<<');
      const dependsNode = child(run, 'depends')?.value ?? null;
      const depends = scalarItems(dependsNode).map(({ text, node }) => {
        const fanIn = text.includes('*');
        return { written: text, step: fanIn ? text.replace(/_\*|\*/g, '') : text, fanIn, node };
      });
      steps.push({ name, nameNode: nameEntry.value, index: steps.length, run, depends });
    }
  }
  const parameters = entriesOf(child(top, 'global.parameters')?.value).map((e) => {
    const fields = entriesOf(e.value);
    return { name: e.key, keyNode: e.keyNode, values: child(fields, 'values')?.value ?? null, label: child(fields, 'label')?.value ?? null };
  });
  const dependencyNames: string[] = [];
  for (const kind of entriesOf(child(env, 'dependencies')?.value)) {
    if (!isSeq(kind.value)) continue;
    for (const item of kind.value.items) {
      const name = scalarText(child(entriesOf(item), 'name')?.value ?? null);
      if (name !== undefined) dependencyNames.push(name);
    }
  }
  const merlinBlock = entriesOf(child(top, 'merlin')?.value);
  const samples = entriesOf(child(merlinBlock, 'samples')?.value);
  return {
    steps,
    parameters,
    variables: entriesOf(child(env, 'variables')?.value),
    labels: entriesOf(child(env, 'labels')?.value),
    dependencyNames,
    columnLabels: scalarItems(child(samples, 'column_labels')?.value ?? null).map((s) => s.text),
    batch: entriesOf(child(top, 'batch')?.value),
    workers: entriesOf(child(entriesOf(child(merlinBlock, 'resources')?.value), 'workers')?.value),
    merlin: ctx.format.id === 'merlin',
  };
}

/** A `$(NAME)` token found in a scalar: its name, the scalar, and its offsets in the scalar's text. */
export interface TokenUse {
  name: string;
  node: Scalar;
  start: number;
  end: number;
  /** The key path of the scalar (`study.run.cmd`, `env.variables.X`, ...), keys only. */
  path: string[];
}

const TOKEN = /\$\(([^()\s$]+)\)/g;

/** Every `$(NAME)` token in the scalar values of the document (keys are not read), in order. */
export function tokenUses(ctx: WorkflowContext): TokenUse[] {
  const out: TokenUse[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (isMap(node)) {
      for (const e of entriesOf(node)) walk(e.value, [...path, e.key]);
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, path);
    } else if (isScalar(node) && typeof node.value === 'string') {
      for (const m of node.value.matchAll(TOKEN)) out.push({ name: m[1], node, start: (m.index ?? 0) + 2, end: (m.index ?? 0) + 2 + m[1].length, path });
    }
  };
  for (const doc of ctx.reading.documents) if (doc.complete) walk(doc.document.contents, []);
  return out;
}

/**
 * The range of a token's name in the source: found in the scalar's raw text (plain, quoted or
 * block), by its place among the same tokens of the value; the whole scalar when not found.
 */
export function tokenRange(ctx: WorkflowContext, use: TokenUse): Range {
  const r = use.node.range;
  const whole = nodeRange(ctx.reading, use.node);
  if (!r) return whole;
  const token = `$(${use.name})`;
  const value = String(use.node.value);
  let nth = 0;
  for (let i = value.indexOf(token); i >= 0 && i < use.start - 2; i = value.indexOf(token, i + 1)) nth++;
  const raw = ctx.reading.text.slice(r[0], r[1]);
  let at = raw.indexOf(token);
  for (let k = 0; k < nth && at >= 0; k++) at = raw.indexOf(token, at + 1);
  if (at < 0) return whole;
  return offsetRange(ctx.reading, r[0] + at + 2, r[0] + at + 2 + use.name.length);
}

/** A finding of `code` at `range`, without fixes unless given. */
export function studyFinding(code: string, severity: Severity, range: Range, message: string, fixes: Finding['fixes'] = []): Finding {
  return { code, severity, range, message, fixes };
}

/** The range of a node in the document. */
export function rangeOf(ctx: WorkflowContext, node: Node): Range {
  return nodeRange(ctx.reading, node);
}
