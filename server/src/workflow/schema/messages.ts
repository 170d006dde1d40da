import type { SchemaIssue } from './explain';
import { jsonTypeOf } from './navigate';

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

/** A JSON type as people say it: "a mapping", "a list", "text", "a whole number", ... */
export function typeWords(type: string): string {
  return TYPE_WORDS[type] ?? type;
}

/** Joins words as "a, b or c". */
export function orList(words: readonly string[]): string {
  const unique = [...new Set(words)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** A short quotation of a value for a message: `text`, 42, true, a mapping, a list. */
export function describeValue(v: unknown): string {
  const t = jsonTypeOf(v);
  if (t === 'string') {
    const s = v as string;
    if (s === '') return 'empty text';
    // Text that looks like a number or a boolean is shown with its quotes: it was written as text.
    if (/^(-?\d+(\.\d+)?|true|false|null|yes|no|on|off)$/i.test(s)) return `the text \`"${s}"\``;
    return `\`${s.length > 40 ? `${s.slice(0, 37)}...` : s}\``;
  }
  if (t === 'null') return 'empty';
  if (t === 'object' || t === 'array') return typeWords(t);
  return `\`${String(v)}\``;
}

/** A value written back as it appears in YAML, for lists of allowed values. */
export function literal(v: unknown): string {
  if (typeof v === 'string') return `\`${v}\``;
  return `\`${JSON.stringify(v)}\``;
}

function listOfValues(values: readonly unknown[], max = 8): string {
  const shown = values.slice(0, max).map(literal);
  return values.length > max ? `${shown.join(', ')}, ... (${values.length} in all)` : orList(shown);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A name for the mapping a schema describes: its `title`, or the value its `class` key must have
 * (CWL names requirements and processes that way).
 */
function schemaTitle(schema: Record<string, unknown> | undefined): string | undefined {
  if (!schema) return undefined;
  if (typeof schema.title === 'string') return schema.title;
  const cls = (schema.properties as Record<string, { const?: unknown }> | undefined)?.class?.const;
  return typeof cls === 'string' ? cls : undefined;
}

/** The last key of an instance path, to name what a message is about. */
function subject(issue: SchemaIssue): string {
  const segs = issue.instancePath.split('/');
  const last = segs[segs.length - 1] ?? '';
  if (last === '') return 'The document';
  if (/^\d+$/.test(last)) return `Entry ${Number(last) + 1}${segs.length > 2 ? ` of \`${segs[segs.length - 2]}\`` : ''}`;
  return `\`${last}\``;
}

/** A subject as it reads inside a sentence ("entry 2 of `steps`", "the document"). */
function inSentence(what: string): string {
  return what === 'The document' ? 'the document' : what.replace(/^Entry /, 'entry ');
}

/**
 * The message for one schema issue, in our words. An unknown key is placed by the schema's title
 * (or its `class`), `suggestion` is the key or value probably meant, and `context` (" in a CWL
 * v1.0 document") says why something otherwise fine is refused here.
 */
export function issueMessage(issue: SchemaIssue, suggestion?: string, context = ''): string {
  const p = issue.params;
  const what = subject(issue);
  const title = schemaTitle(issue.parentSchema);
  const data = issue.data;
  switch (issue.keyword) {
    case 'type':
      return `${what} should be ${orList(String(p.type).split(',').map(typeWords))}, not ${describeValue(data)}.`;
    case 'anyOf-type': {
      const shapes = ((p.types as string[]) ?? []).map(typeWords);
      const values = (p.values as unknown[]) ?? [];
      const patterns = ((p.patterns as string[]) ?? []).map((x) => (x.startsWith('a ') ? x : `text matching \`${x}\``));
      if (suggestion !== undefined) return `${describeValue(data)} is not an allowed value of ${inSentence(what)}: did you mean ${literal(suggestion)}?`;
      const parts = [...shapes, ...(values.length > 0 ? [listOfValues(values)] : []), ...patterns];
      return `${what} should be ${orList(parts)}, not ${describeValue(data)}.`;
    }
    case 'enum': {
      const values = (p.allowedValues as unknown[]) ?? [];
      return `${describeValue(data)} is not an allowed value of ${inSentence(what)}: use ${listOfValues(values)}${suggestion !== undefined ? ` (did you mean ${literal(suggestion)}?)` : ''}.`;
    }
    case 'const':
      return `${what} must be ${literal(p.allowedValue)} here, not ${describeValue(data)}.`;
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty ?? '');
      const place = title ? ` in ${title}` : what !== 'The document' ? ` under ${inSentence(what)}` : ' at the top level';
      return `Unknown key \`${key}\`${place}${suggestion ? `: did you mean \`${suggestion}\`?` : '.'}`;
    }
    case 'required':
      return `${what === 'The document' ? 'The document' : what} is missing the required key \`${String(p.missingProperty)}\`.`;
    case 'dependentRequired':
    case 'dependencies':
      return `\`${String(p.property)}\` needs \`${String(p.missingProperty)}\` beside it${p.depsCount && Number(p.depsCount) > 1 ? ` (and ${plural(Number(p.depsCount) - 1, 'other key')})` : ''}.`;
    case 'propertyNames': {
      const rule = issue.parentSchema?.propertyNames as { pattern?: unknown } | undefined;
      return `\`${String(p.propertyName)}\` is not an allowed key here${typeof rule?.pattern === 'string' ? ` (keys must match \`${rule.pattern}\`)` : ''}.`;
    }
    case 'false schema':
      return `${what} is not allowed here${context}.`;
    case 'pattern':
      return `${describeValue(data)} does not have the form ${what} needs (pattern \`${String(p.pattern)}\`).`;
    case 'format':
      return `${describeValue(data)} is not a valid ${String(p.format)}.`;
    case 'minLength':
      return Number(p.limit) === 1 ? `${what} must not be empty.` : `${what} must be at least ${plural(Number(p.limit), 'character')} long.`;
    case 'maxLength':
      return `${what} must be at most ${plural(Number(p.limit), 'character')} long.`;
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words = { minimum: 'at least', exclusiveMinimum: 'more than', maximum: 'at most', exclusiveMaximum: 'less than' }[issue.keyword];
      return `${what} must be ${words} ${String(p.limit)}, not ${describeValue(data)}.`;
    }
    case 'multipleOf':
      return `${what} must be a multiple of ${String(p.multipleOf)}.`;
    case 'minItems':
      return Number(p.limit) === 1 ? `${what} needs at least one entry.` : `${what} needs at least ${plural(Number(p.limit), 'entry', 'entries')}.`;
    case 'maxItems':
      return `${what} may have at most ${plural(Number(p.limit), 'entry', 'entries')}.`;
    case 'minProperties':
      return `${what} needs at least ${plural(Number(p.limit), 'key')}.`;
    case 'maxProperties':
      return `${what} may have at most ${plural(Number(p.limit), 'key')}.`;
    case 'uniqueItems':
      return `${what} lists the same value twice (entries ${Math.min(Number(p.i), Number(p.j)) + 1} and ${Math.max(Number(p.i), Number(p.j)) + 1}).`;
    case 'contains':
    case 'minContains':
      return `${what} has no entry of the kind it needs.`;
    case 'maxContains':
      return `${what} has too many entries of one kind.`;
    case 'not':
      if (data !== null && typeof data !== 'object') return `${describeValue(data)} is not allowed for ${inSentence(what)} here${context}.`;
      return `${what} has a form that is not allowed here${context}.`;
    case 'oneOf':
      return `${what} fits more than one of the allowed forms (${((p.passingSchemas as number[]) ?? []).map((n) => n + 1).join(' and ')}); it must fit exactly one.`;
    case 'anyOf':
      return `${what} fits none of the allowed forms.`;
    default:
      return `${what} breaks the schema's \`${issue.keyword}\` rule.`;
  }
}
