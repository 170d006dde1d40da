import type { JsonSchema, SchemaIndex } from './pointers';

/** The JSON type of a plain value, as JSON Schema names it (`integer` for whole numbers). */
export function jsonTypeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}

function isSchema(v: unknown): v is JsonSchema {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The types a schema allows by its `type` keyword, or undefined when it does not say. */
export function typesOf(s: JsonSchema): string[] | undefined {
  const t = s.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return undefined;
}

function typeFits(s: JsonSchema, data: unknown): boolean {
  const types = typesOf(s);
  if (!types) return true;
  const t = jsonTypeOf(data);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

function allowedValues(s: JsonSchema): unknown[] | undefined {
  if ('const' in s) return [s.const];
  return Array.isArray(s.enum) ? s.enum : undefined;
}

/**
 * Whether a branch of an `anyOf`/`oneOf` could describe `data` (possibly still being typed): its
 * type fits, and properties it pins with `const`/`enum` (CWL's `class`) have those values. With
 * `strict`, keys the branch does not know also rule it out when it allows no others.
 */
function plausible(index: SchemaIndex, branch: unknown, data: unknown, strict: boolean): boolean {
  for (const s of expand(index, branch, undefined)) {
    if (data === undefined) continue;
    if (!typeFits(s, data)) return false;
    if (jsonTypeOf(data) !== 'object') continue;
    const props = isSchema(s.properties) ? s.properties : {};
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      const p = props[k];
      if (isSchema(p)) {
        const allowed = allowedValues(p);
        if (allowed && !allowed.some((a) => a === v)) return false;
      } else if (strict && s.additionalProperties === false && !isSchema(s.patternProperties)) return false;
    }
  }
  return true;
}

/**
 * The subschemas that together describe a value: `$ref`s followed, `allOf` members and the
 * `then`/`else` of `if` included, and of `anyOf`/`oneOf` the branches that could describe `data`
 * (all of them when none can). Boolean schemas are dropped. Never loops on recursive schemas.
 */
export function expand(index: SchemaIndex, schema: unknown, data: unknown, out: JsonSchema[] = [], seen: Set<object> = new Set()): JsonSchema[] {
  if (!isSchema(schema) || seen.has(schema) || seen.size > 200) return out;
  seen.add(schema);
  out.push(schema);
  if (typeof schema.$ref === 'string') expand(index, index.resolveRef(schema.$ref, schema), data, out, seen);
  if (typeof schema.$dynamicRef === 'string') expand(index, index.resolveRef(schema.$dynamicRef.replace(/^#(?!\/).*/, '#'), schema), data, out, seen);
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) expand(index, member, data, out, seen);
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    let chosen = branches.filter((b) => plausible(index, b, data, true));
    if (chosen.length === 0) chosen = branches.filter((b) => plausible(index, b, data, false));
    if (chosen.length === 0) chosen = branches;
    for (const b of chosen) expand(index, b, data, out, seen);
  }
  if (isSchema(schema.if)) {
    const holds = ifHolds(index, schema.if, data);
    if (holds !== false) expand(index, schema.then, data, out, seen);
    if (holds !== true) expand(index, schema.else, data, out, seen);
  }
  return out;
}

/**
 * Whether the `if` of a conditional holds for `data`, judged by what discriminators are made of
 * (`type`, `required`, `const`/`enum` of properties, `not`); undefined when it cannot be told
 * (no data yet, or keywords this check does not evaluate).
 */
export function ifHolds(index: SchemaIndex, condition: unknown, data: unknown, depth = 0): boolean | undefined {
  if (typeof condition === 'boolean') return condition;
  if (!isSchema(condition) || data === undefined || depth > 4) return undefined;
  let unknown = false;
  for (const [keyword, value] of Object.entries(condition)) {
    switch (keyword) {
      case 'type':
        if (!typeFits(condition, data)) return false;
        break;
      case 'required':
        if (Array.isArray(value) && (jsonTypeOf(data) !== 'object' || value.some((k) => typeof k === 'string' && !(k in (data as object))))) return false;
        break;
      case 'const':
      case 'enum':
        if (!(allowedValues(condition) ?? []).some((a) => a === data)) return false;
        break;
      case 'properties':
        if (jsonTypeOf(data) !== 'object' || !isSchema(value)) break;
        for (const [k, sub] of Object.entries(value)) {
          if (!(k in (data as object))) continue;
          const r = ifHolds(index, sub, (data as Record<string, unknown>)[k], depth + 1);
          if (r === false) return false;
          if (r === undefined) unknown = true;
        }
        break;
      case 'not': {
        const r = ifHolds(index, value, data, depth + 1);
        if (r === true) return false;
        if (r === undefined) unknown = true;
        break;
      }
      case '$ref': {
        const r = ifHolds(index, index.resolveRef(String(value), condition), data, depth + 1);
        if (r === false) return false;
        if (r === undefined) unknown = true;
        break;
      }
      case 'description':
      case '$comment':
      case 'title':
        break;
      default:
        unknown = true;
    }
  }
  return unknown ? undefined : true;
}

function patternMatches(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(key);
  } catch {
    return false;
  }
}

/** The schemas of one child (a mapping key or a list index) of a value described by `schemas`. */
export function childSchemas(index: SchemaIndex, schemas: readonly JsonSchema[], segment: string, childData: unknown): JsonSchema[] {
  const out: JsonSchema[] = [];
  const seen = new Set<object>();
  const isIndex = /^\d+$/.test(segment);
  for (const s of schemas) {
    const found: unknown[] = [];
    const props = isSchema(s.properties) ? s.properties : undefined;
    if (props && segment in props) found.push(props[segment]);
    if (isSchema(s.patternProperties)) for (const [p, sub] of Object.entries(s.patternProperties)) if (patternMatches(p, segment)) found.push(sub);
    if (found.length === 0 && isSchema(s.additionalProperties)) found.push(s.additionalProperties);
    if (found.length === 0 && isSchema(s.unevaluatedProperties)) found.push(s.unevaluatedProperties);
    if (isIndex) {
      const i = Number(segment);
      if (Array.isArray(s.prefixItems) && i < s.prefixItems.length) found.push(s.prefixItems[i]);
      else if (Array.isArray(s.items)) found.push(s.items[i] ?? s.additionalItems);
      else if (s.items !== undefined) found.push(s.items);
    }
    for (const f of found) expand(index, f, childData, out, seen);
  }
  return out;
}

function childData(data: unknown, segment: string): unknown {
  if (data === null || typeof data !== 'object') return undefined;
  return (data as Record<string, unknown>)[segment];
}

/** The schemas describing the value at `path` (keys and indexes) under `root`, given the document's data. */
export function schemasAt(index: SchemaIndex, root: unknown, path: readonly string[], data: unknown): JsonSchema[] {
  let schemas = expand(index, root, data);
  let current = data;
  for (const seg of path) {
    current = childData(current, seg);
    schemas = childSchemas(index, schemas, seg, current);
    if (schemas.length === 0) break;
  }
  return schemas;
}

/** Every key the schemas name in `properties`, with the schemas of each. */
export function knownProperties(index: SchemaIndex, schemas: readonly JsonSchema[]): Map<string, JsonSchema[]> {
  const out = new Map<string, JsonSchema[]>();
  for (const s of schemas) {
    if (!isSchema(s.properties)) continue;
    for (const [k, sub] of Object.entries(s.properties)) {
      const list = out.get(k) ?? [];
      expand(index, sub, undefined, list, new Set(list));
      out.set(k, list);
    }
  }
  return out;
}

/** The keys the schemas require. */
export function requiredKeys(schemas: readonly JsonSchema[]): Set<string> {
  const out = new Set<string>();
  for (const s of schemas) if (Array.isArray(s.required)) for (const k of s.required) if (typeof k === 'string') out.add(k);
  return out;
}

/** The first value of `keyword` any of the schemas gives (description, default, title, ...). */
export function firstOf(schemas: readonly JsonSchema[], keyword: string): unknown {
  for (const s of schemas) if (s[keyword] !== undefined) return s[keyword];
  return undefined;
}
