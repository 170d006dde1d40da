/** A JSON Schema object as plain data (`true`/`false` schemas are handled where they occur). */
export type JsonSchema = { [keyword: string]: unknown };

interface Location {
  /** The `$id` of the schema resource the object belongs to (nested `$id`s start new ones). */
  base: string;
  /** JSON pointer from that resource's root, e.g. `/properties/steps`. */
  pointer: string;
}

function escapeSegment(s: string): string {
  return encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function unescapeSegment(s: string): string {
  let decoded = s;
  try {
    decoded = decodeURIComponent(s);
  } catch {
    // keep as written
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

function resolveUrl(ref: string, base: string): string {
  if (ref.startsWith('#')) return base + ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

function isObject(v: unknown): v is JsonSchema {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Where each subschema object of the loaded schemas sits (resource `$id` + JSON pointer), so that
 * an ajv error's `parentSchema` can be turned back into a reference (to compile one `anyOf`
 * branch) and `$ref`s can be followed for hover and completion without ajv.
 */
export class SchemaIndex {
  private readonly where = new WeakMap<object, Location>();
  private readonly resources = new Map<string, JsonSchema>();

  /** Records every object inside `root`, registered under `id`. Iterative: any depth is fine. */
  add(id: string, root: JsonSchema): void {
    const stack: { value: unknown; base: string; pointer: string }[] = [{ value: root, base: id, pointer: '' }];
    this.resources.set(id, root);
    while (stack.length > 0) {
      const { value, base: outer, pointer: outerPointer } = stack.pop()!;
      if (value === null || typeof value !== 'object') continue;
      let base = outer;
      let pointer = outerPointer;
      if (!Array.isArray(value)) {
        const nested = (value as JsonSchema).$id;
        if (pointer !== '' && typeof nested === 'string' && !nested.startsWith('#')) {
          base = resolveUrl(nested, outer).replace(/#.*$/, '');
          pointer = '';
          this.resources.set(base, value as JsonSchema);
        }
        if (this.where.has(value)) continue;
        this.where.set(value, { base, pointer });
      }
      const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
      for (const [k, v] of entries) {
        // `enum`, `const`, `default` and `examples` hold data, not subschemas.
        if (!Array.isArray(value) && (k === 'enum' || k === 'const' || k === 'default' || k === 'examples')) continue;
        if (v !== null && typeof v === 'object') stack.push({ value: v, base, pointer: `${pointer}/${escapeSegment(k)}` });
      }
    }
  }

  /** `base#pointer` of a subschema plus further segments, for ajv.getSchema; undefined when unknown. */
  pointerTo(schema: object, segments: string[] = []): string | undefined {
    const loc = this.where.get(schema);
    if (!loc) return undefined;
    return `${loc.base}#${loc.pointer}${segments.map((s) => `/${escapeSegment(s)}`).join('')}`;
  }

  /**
   * Follows a `$ref` written in `from` (a subschema of a loaded schema): local pointers, other
   * loaded schemas by `$id`, with or without a pointer. Undefined when it leads nowhere we know.
   */
  resolveRef(ref: string, from: object): JsonSchema | boolean | undefined {
    const base = this.where.get(from)?.base ?? '';
    const absolute = resolveUrl(ref, base);
    const hash = absolute.indexOf('#');
    const doc = hash < 0 ? absolute : absolute.slice(0, hash);
    const fragment = hash < 0 ? '' : absolute.slice(hash + 1);
    let target: unknown = this.resources.get(doc);
    if (target === undefined) return undefined;
    if (fragment === '') return target as JsonSchema;
    if (!fragment.startsWith('/')) return undefined; // $anchor references are not followed
    for (const seg of fragment.slice(1).split('/')) {
      if (target === null || typeof target !== 'object') return undefined;
      target = (target as Record<string, unknown>)[unescapeSegment(seg)];
    }
    return isObject(target) || typeof target === 'boolean' ? target : undefined;
  }
}
