import { isCollection } from 'yaml';
import type { Position, Range } from '../../core/types';
import type { WorkflowAnalysis } from '../analyze';
import { pathAt } from '../read/locate';
import { nodeRange, type YamlDocumentReading, type YamlReading } from '../read/reading';
import { literal, orList, typeWords } from '../schema/messages';
import { firstOf, schemasAt, typesOf } from '../schema/navigate';
import type { JsonSchema } from '../schema/pointers';

export interface WorkflowHover {
  markdown: string;
  range: Range;
}

/** The offset of a position in the read text (clamped to it). */
export function offsetOf(reading: YamlReading, pos: Position): number {
  const start = reading.lines.starts[Math.min(pos.line, reading.lines.starts.length - 1)] ?? 0;
  const line = reading.lines.lines[Math.min(pos.line, reading.lines.lines.length - 1)] ?? '';
  return start + Math.min(pos.character, line.length);
}

/** The document of a multi-document file that holds an offset (the last one starting before it). */
export function documentAt(reading: YamlReading, offset: number): YamlDocumentReading | undefined {
  let found: YamlDocumentReading | undefined;
  for (const d of reading.documents) {
    if ((d.document.range?.[0] ?? 0) <= offset) found = d;
    else break;
  }
  return found;
}

function values(list: unknown): unknown[] {
  return Array.isArray(list) ? list : [];
}

/**
 * The documentation of a key as markdown, from its schemas: type, description, allowed values,
 * default, an example and the engine's docs link (`x-docs-url`). Shared by hover and completion.
 */
export function schemaMarkdown(name: string | undefined, schemas: readonly JsonSchema[]): string {
  const types = [...new Set(schemas.flatMap((s) => typesOf(s) ?? []))];
  const allowed = [...new Set(schemas.flatMap((s) => ('const' in s ? [s.const] : values(s.enum))))];
  const description = firstOf(schemas, 'markdownDescription') ?? firstOf(schemas, 'description');
  const def = firstOf(schemas, 'default');
  const example = values(firstOf(schemas, 'examples'))[0];
  const docs = firstOf(schemas, 'x-docs-url');
  const deprecated = firstOf(schemas, 'deprecated') === true;
  const head = [name !== undefined ? `**\`${name}\`**` : '', types.length > 0 ? orList(types.map(typeWords)) : ''].filter((s) => s !== '').join(' · ');
  const parts = [head];
  if (deprecated) parts.push('*Deprecated.*');
  if (typeof description === 'string') parts.push(description);
  // nf-schema's longer explanation of a pipeline parameter, shown by `--help <param>`.
  const help = firstOf(schemas, 'help_text');
  if (typeof help === 'string' && help !== description) parts.push(help);
  if (allowed.length > 0) parts.push(`Allowed: ${allowed.slice(0, 24).map(literal).join(', ')}${allowed.length > 24 ? ', ...' : ''}`);
  if (def !== undefined) parts.push(`Default: ${literal(def)}`);
  if (example !== undefined && example !== def) parts.push(`Example: ${literal(example)}`);
  if (typeof docs === 'string' && /^https?:\/\//.test(docs)) parts.push(`[Documentation](${docs})`);
  return parts.filter((s) => s !== '').join('\n\n');
}

/**
 * Hover for a position in a workflow file: the schema's documentation of the key under the cursor
 * (or of the key whose value is under it; of the list's entries for a list item). Undefined where
 * the file has no schema or the schema says nothing. Cheap: the analysis is cached per version.
 */
export function workflowHoverAt(analysis: WorkflowAnalysis, pos: Position): WorkflowHover | undefined {
  const schema = analysis.schema;
  if (!schema) return undefined;
  const offset = offsetOf(analysis.reading, pos);
  const doc = documentAt(analysis.reading, offset);
  if (!doc || !doc.complete) return undefined;
  const at = pathAt(doc.document, offset);
  // Between the entries of a mapping or list there is nothing to explain.
  if (at.path.length === 0 || (!at.onKey && isCollection(at.node))) return undefined;
  const schemas = schemasAt(schema.registry.index, schema.root, at.path, doc.value);
  if (schemas.length === 0) return undefined;
  const last = at.path[at.path.length - 1];
  const name = /^\d+$/.test(last) ? (at.path.length > 1 ? `${at.path[at.path.length - 2]}[${last}]` : undefined) : last;
  const markdown = schemaMarkdown(name, schemas);
  if (markdown === '' || markdown === `**\`${name}\`**`) return undefined;
  return { markdown, range: nodeRange(analysis.reading, at.node) };
}
