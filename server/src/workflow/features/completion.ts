import type { Pair } from 'yaml';
import { lineRange, type Completion, type Position } from '../../core/types';
import type { WorkflowAnalysis } from '../analyze';
import { pathAt } from '../read/locate';
import { keyText } from '../read/toValue';
import { yamlText } from '../schema/fixes';
import { expand, knownProperties, requiredKeys, schemasAt, typesOf } from '../schema/navigate';
import type { JsonSchema } from '../schema/pointers';
import { cwlSourceCompletions } from '../rules/cwl/completion';
import { studyDependsCompletions } from '../rules/study/completion';
import { keySlotAt } from './cursor';
import { documentAt, schemaMarkdown } from './hover';

/** One completion item of a workflow file. */
export type WorkflowCompletion = Completion<'key' | 'value' | 'snippet'>;

/** An `x-snippet` of a schema: a new entry (a step, a tool input) with tab stops. */
interface EntrySnippet {
  label: string;
  body: string;
  description?: string;
  /** In a list of entries, the key that holds the entry's name (CWL: `id`). */
  nameKey?: string;
  namePlaceholder?: string;
}

function snippetsOf(schemas: readonly JsonSchema[]): EntrySnippet[] {
  const out: EntrySnippet[] = [];
  for (const s of schemas) {
    const raw = s['x-snippet'];
    for (const x of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
      if (typeof x === 'string') out.push({ label: typeof s.title === 'string' ? s.title : 'new entry', body: x });
      else if (x && typeof x === 'object' && typeof (x as EntrySnippet).body === 'string') out.push(x as EntrySnippet);
    }
  }
  return out.filter((x, i) => out.findIndex((y) => y.label === x.label && y.body === x.body) === i);
}

function indentBody(body: string, indent: string): string {
  return body.split('\n').map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n');
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** What to insert after a key, by the type its value must have: a nested block, a list, or a value. */
function keyInsert(key: string, schemas: readonly JsonSchema[], indent: string, json: boolean): string {
  const name = json ? `"${escapeSnippet(key)}"` : escapeSnippet(key);
  if (json) return `${name}: $0`;
  const types = new Set(schemas.flatMap((s) => typesOf(s) ?? []));
  const allowed = schemas.flatMap((s) => ('const' in s ? [s.const] : Array.isArray(s.enum) ? s.enum : []));
  if (allowed.length > 0 && allowed.length <= 30 && allowed.every((v) => typeof v === 'string' && !/[,|]/.test(v))) return `${name}: \${1|${allowed.map((v) => escapeSnippet(String(v))).join(',')}|}`;
  if (types.size === 1 && types.has('object')) return `${name}:\n${indent}  $0`;
  if (types.size === 1 && types.has('array')) return `${name}:\n${indent}  - $0`;
  return `${name}: $0`;
}

function keyCompletions(analysis: WorkflowAnalysis, pos: Position, lineText: string, column: number, dashed: boolean): WorkflowCompletion[] {
  const schema = analysis.schema!;
  const reading = analysis.reading;
  const lineStart = reading.lines.starts[pos.line];
  const doc = documentAt(reading, lineStart + column);
  // A file with nothing in it yet (or only comments) is an empty document at the top level.
  const slot = doc ? keySlotAt(doc.document, reading.lines.starts, lineStart, column, dashed) : column === 0 && !dashed ? { path: [], newListItem: false } : undefined;
  if (!slot) return [];
  const index = schema.registry.index;
  const schemas = schemasAt(index, schema.root, slot.path, doc?.value);
  if (schemas.length === 0) return [];
  const wordEnd = column + (/^[^\s:]*/.exec(lineText.slice(column))?.[0].length ?? 0);
  const range = lineRange(pos.line, column, Math.max(pos.character, wordEnd));
  const typedOnThisLine = (p: Pair) => {
    const start = (p.key as { range?: number[] } | null)?.range?.[0] ?? -1;
    return start >= lineStart && start <= lineStart + lineText.length;
  };
  const present = new Set((slot.map?.items as Pair[] | undefined)?.filter((p) => !typedOnThisLine(p)).map((p) => keyText(p.key)) ?? []);
  const required = requiredKeys(schemas);
  const indent = ' '.repeat(column);
  const out: WorkflowCompletion[] = [];
  for (const [key, sub] of knownProperties(index, schemas)) {
    if (present.has(key) || sub.length === 0 || sub.some((s) => s.deprecated === true && !required.has(key))) continue;
    out.push({
      label: key,
      kind: 'key',
      detail: required.has(key) ? 'required' : undefined,
      documentation: schemaMarkdown(key, sub),
      insertText: keyInsert(key, sub, indent, analysis.format.json),
      isSnippet: true,
      range,
      sortText: `${required.has(key) ? 0 : 1}-${key}`,
    });
  }
  // New entries of a map of named things (CWL steps, inputs) or of a list, from the schema's snippets.
  const entrySchemas = slot.newListItem ? schemas : schemas.flatMap((s) => expand(index, s.additionalProperties, undefined));
  for (const snip of snippetsOf(entrySchemas)) {
    const name = `\${1:${escapeSnippet(snip.namePlaceholder ?? 'name')}}`;
    const insertText = slot.newListItem
      ? snip.nameKey
        ? `${snip.nameKey}: ${name}\n${indent}${indentBody(snip.body, indent)}`
        : indentBody(snip.body, indent)
      : `${name}:\n${indent}  ${indentBody(snip.body, `${indent}  `)}`;
    out.push({ label: snip.label, kind: 'snippet', detail: snip.description ?? 'new entry', insertText, isSnippet: true, range, sortText: `2-${snip.label}`, filterText: lineText.slice(column, pos.character) || snip.label });
  }
  return out;
}

function valueCompletions(analysis: WorkflowAnalysis, pos: Position, keyColumn: number, valueStart: number, lineText: string): WorkflowCompletion[] {
  const schema = analysis.schema!;
  const reading = analysis.reading;
  const offset = reading.lines.starts[pos.line] + keyColumn;
  const doc = documentAt(reading, offset);
  if (!doc || !doc.complete) return [];
  const at = pathAt(doc.document, offset);
  if (!at.onKey || at.path.length === 0) return [];
  const schemas = schemasAt(schema.registry.index, schema.root, at.path, doc.value);
  const range = lineRange(pos.line, valueStart, Math.max(pos.character, valueStart + (/^[^\s#]*/.exec(lineText.slice(valueStart))?.[0].length ?? 0)));
  const seen = new Set<string>();
  const out: WorkflowCompletion[] = [];
  const add = (v: unknown, rank: number, detail: string) => {
    const text = yamlText(v, analysis.format.json);
    if (text === '' || seen.has(text)) return;
    seen.add(text);
    out.push({ label: text, kind: 'value', detail, insertText: text, isSnippet: false, range, sortText: `${rank}-${String(out.length).padStart(3, '0')}` });
  };
  for (const s of schemas) {
    if ('const' in s) add(s.const, 0, 'allowed value');
    if (Array.isArray(s.enum)) for (const v of s.enum) add(v, 0, 'allowed value');
  }
  if (schemas.some((s) => typesOf(s)?.includes('boolean'))) for (const v of [true, false]) add(v, 0, 'boolean');
  for (const s of schemas) if (s.default !== undefined) add(s.default, 1, 'default');
  for (const s of schemas) for (const v of Array.isArray(s.examples) ? s.examples : []) if (v === null || typeof v !== 'object') add(v, 2, 'example');
  return out;
}

/**
 * Completion at a position of a workflow file with a schema: keys of the mapping at the cursor
 * (required first, those already written left out, each with its documentation), new entries from
 * the schema's `x-snippet`s, and after `key: ` the allowed values, booleans, default and examples.
 * Block-style YAML only; returns an empty list where nothing applies.
 */
export function workflowCompletionsAt(analysis: WorkflowAnalysis, pos: Position): WorkflowCompletion[] {
  if (analysis.format.json) return [];
  // Step names in a study's `depends` need no schema.
  const steps = studyDependsCompletions(analysis, pos);
  if (steps.length > 0) return steps;
  if (!analysis.schema) return [];
  const lineText = analysis.reading.lines.lines[pos.line];
  if (lineText === undefined) return [];
  const before = lineText.slice(0, Math.min(pos.character, lineText.length));
  if (/(^|\s)#/.test(before)) return [];
  const value = /^(\s*(?:-\s+)*)(["']?)[^"'#:\s][^"'#:]*\2\s*:\s+(\S*)$/.exec(before);
  if (value) return [...cwlSourceCompletions(analysis, pos, before.length - value[3].length), ...valueCompletions(analysis, pos, value[1].length, before.length - value[3].length, lineText)];
  const key = /^(\s*)((?:-\s+)*)([^\s:#"'{}[\],]*)$/.exec(before);
  if (!key) return [];
  return keyCompletions(analysis, pos, lineText, key[1].length + key[2].length, key[2].length > 0);
}
