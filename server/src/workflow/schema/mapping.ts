import { isAlias, isCollection, isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { Finding, Fix, Range, Severity } from '../../core/types';
import { positionAt } from '../../slurm/lines';
import { locate, pairFor, pathSegments, type LocatedNode } from '../read/locate';
import { offsetRange, type YamlReading } from '../read/reading';
import type { SchemaIssue } from './explain';
import { addKeyEdit, closestName, placeholderFor, replaceScalarFix } from './fixes';
import { issueMessage, literal } from './messages';
import { expand, knownProperties } from './navigate';
import type { SchemaIndex } from './pointers';

/** What the mapper needs besides the issues: the reading, which document, and how to speak. */
export interface MappingContext {
  reading: YamlReading;
  document: Document.Parsed;
  index: SchemaIndex;
  severity: Severity;
  json: boolean;
  /** Said after "not allowed here" (a version gate, e.g. " in a CWL v1.0 document"). */
  context?: string;
}

/** The first line of a node's source (a whole mapping would cover many lines). */
function firstLineRange(ctx: MappingContext, node: Node): Range {
  const [start, end] = node.range ?? [0, 0];
  const from = positionAt(ctx.reading.lines.starts, start);
  const lineText = ctx.reading.lines.lines[from.line] ?? '';
  const lineEnd = ctx.reading.lines.starts[from.line] + lineText.replace(/\s+(#.*)?$/, '').length;
  return offsetRange(ctx.reading, start, Math.max(start, Math.min(end, lineEnd)));
}

/** Where a value is reported: a scalar itself; a mapping or list at its key (or its first line). */
function valueRange(ctx: MappingContext, at: LocatedNode): Range {
  const node = at.reportAt ?? at.node;
  if (node && !isCollection(node) && node.range) return offsetRange(ctx.reading, node.range[0], node.range[1]);
  const key = at.pair?.key as Node | null | undefined;
  if (key?.range && !at.reportAt) return offsetRange(ctx.reading, key.range[0], key.range[1]);
  if (node?.range) return firstLineRange(ctx, node);
  return offsetRange(ctx.reading, 0, 0);
}

function mapAt(ctx: MappingContext, at: LocatedNode): YAMLMap | undefined {
  let node: unknown = at.node;
  for (let i = 0; isAlias(node) && i < 32; i++) node = node.resolve(ctx.document);
  return isMap(node) ? node : undefined;
}

/** The range of a key of the mapping at `at`, or the mapping's place when the key is not written there. */
function keyRange(ctx: MappingContext, at: LocatedNode, key: string): { range: Range; node?: Node } {
  const map = mapAt(ctx, at);
  const pair = map && !at.reportAt ? pairFor(map, key) : undefined;
  const keyNode = pair?.key as Node | undefined;
  if (keyNode?.range) return { range: offsetRange(ctx.reading, keyNode.range[0], keyNode.range[1]), node: keyNode };
  return { range: valueRange(ctx, at) };
}

/** Where a missing key is reported: the key of the mapping that lacks it, else the mapping's first line. */
function requiredRange(ctx: MappingContext, at: LocatedNode): Range {
  const key = at.pair?.key as Node | null | undefined;
  if (key?.range && !at.reportAt) return offsetRange(ctx.reading, key.range[0], key.range[1]);
  const map = mapAt(ctx, at);
  const first = map?.items[0]?.key as Node | undefined;
  if (first?.range && !at.reportAt) return offsetRange(ctx.reading, first.range[0], first.range[1]);
  return valueRange(ctx, at);
}

/**
 * When an unquoted value was read as something else than it looks (YAML 1.1 reads `01:30:00` as
 * the number 5400 and `on` as true), a note that says so and that quotes keep it as text.
 */
function readAsNote(issue: SchemaIssue, at: LocatedNode): string {
  if (!['type', 'anyOf-type', 'enum', 'const', 'pattern'].includes(issue.keyword)) return '';
  const node = at.node;
  if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.source !== 'string' || typeof node.value === 'string' || node.value === null) return '';
  if (String(node.value) === node.source) return '';
  return ` (\`${node.source}\` without quotes is read as ${typeof node.value === 'boolean' ? node.value : `the number ${String(node.value)}`}; write \`"${node.source}"\` for text)`;
}

function findingFor(ctx: MappingContext, issue: SchemaIssue): Finding {
  const at = locate(ctx.document, pathSegments(issue.instancePath));
  const p = issue.params;
  const fixes: Fix[] = [];
  let range: Range;
  let suggestion: string | undefined;
  const parents = issue.parentSchema ? expand(ctx.index, issue.parentSchema, issue.data) : [];
  switch (issue.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties':
    case 'propertyNames': {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty ?? p.propertyName ?? '');
      const where = keyRange(ctx, at, key);
      range = where.range;
      const present = new Set(Object.keys((issue.data as Record<string, unknown>) ?? {}));
      const allowed = [...knownProperties(ctx.index, parents).keys()].filter((k) => !present.has(k));
      suggestion = closestName(key, allowed);
      const fix = suggestion && where.node ? replaceScalarFix(ctx.reading, where.node, suggestion, `Change to \`${suggestion}\``) : undefined;
      if (fix) fixes.push(fix);
      break;
    }
    case 'required': {
      range = requiredRange(ctx, at);
      const missing = String(p.missingProperty);
      const map = mapAt(ctx, at);
      const value = placeholderFor(knownProperties(ctx.index, parents).get(missing) ?? [], ctx.json);
      const edit = map && !at.reportAt ? addKeyEdit(ctx.reading, map, missing, value, ctx.json) : undefined;
      if (edit) fixes.push({ title: `Add \`${missing}\``, edits: [edit], isPreferred: true, safe: false });
      break;
    }
    case 'dependentRequired':
    case 'dependencies':
      range = keyRange(ctx, at, String(p.property)).range;
      break;
    case 'enum':
    case 'anyOf-type': {
      range = valueRange(ctx, at);
      const values = (((issue.keyword === 'enum' ? p.allowedValues : p.values) as unknown[]) ?? []).filter((v): v is string => typeof v === 'string');
      if (typeof issue.data === 'string') suggestion = closestName(issue.data, values);
      const fix = suggestion !== undefined && at.node && !at.reportAt ? replaceScalarFix(ctx.reading, at.node, suggestion, `Change to ${literal(suggestion)}`) : undefined;
      if (fix) fixes.push(fix);
      break;
    }
    case 'false schema':
      range = at.pair?.key && !at.reportAt ? offsetRange(ctx.reading, (at.pair.key as Node).range?.[0] ?? 0, (at.pair.key as Node).range?.[1] ?? 0) : valueRange(ctx, at);
      break;
    default:
      range = valueRange(ctx, at);
  }
  const note = readAsNote(issue, at);
  const said = issueMessage(issue, suggestion, ctx.context);
  const message = note ? `${said.replace(/\.$/, '')}${note}.` : said;
  return {
    code: 'workflow/schema',
    severity: ctx.severity,
    range,
    message: at.reportAt ? `${message} (through the alias or merge here)` : message,
    fixes,
    data: { keyword: issue.keyword, path: issue.instancePath, ...(suggestion !== undefined ? { suggestion } : {}) },
  };
}

/**
 * Turns explained schema issues of one document into `workflow/schema` findings at the exact node
 * (a key for unknown and missing keys, the value for type, enum, pattern and the like), with
 * did-you-mean and add-the-key fixes, dropping repeats of the same message at the same place.
 */
export function issueFindings(ctx: MappingContext, issues: readonly SchemaIssue[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    let f: Finding;
    try {
      f = findingFor(ctx, issue);
    } catch (err) {
      f = { code: 'workflow/schema', severity: 'info', range: offsetRange(ctx.reading, 0, 0), message: `Internal error while reporting a schema issue at ${issue.instancePath || 'the top'}: ${String(err)}`, fixes: [] };
    }
    const key = `${f.range.start.line}:${f.range.start.character}:${f.range.end.line}:${f.range.end.character}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
