import type { ErrorObject } from 'ajv';
import type { JsonSchema } from './pointers';
import type { SchemaRegistry } from './registry';

/**
 * One schema violation after `anyOf`/`oneOf` failures have been replaced by the errors of the
 * branch that came closest. `keyword` is ajv's, or `anyOf-type` when no branch even has the
 * right shape (the value is then reported once, with every shape that would do).
 */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  /** The subschema holding the failing keyword (ajv's `parentSchema`). */
  parentSchema?: JsonSchema;
  /** The keyword's value in that subschema. */
  schema?: unknown;
  /** The value that failed. */
  data?: unknown;
}

const MAX_BRANCH_DEPTH = 8;

/** Keywords that say the value itself is of the wrong kind (rather than something inside it). */
const SHAPE_KEYWORDS = new Set(['type', 'const', 'enum', 'pattern', 'format', 'anyOf-type']);

function depthOf(pointer: string): number {
  return pointer === '' ? 0 : pointer.split('/').length - 1;
}

/** True when `path` is `base` or a pointer below it. */
function within(path: string, base: string): boolean {
  return base === '' || path === base || path.startsWith(`${base}/`);
}

function fromAjv(e: ErrorObject): SchemaIssue {
  return { keyword: e.keyword, instancePath: e.instancePath, params: e.params as Record<string, unknown>, parentSchema: e.parentSchema as JsonSchema | undefined, schema: e.schema, data: e.data };
}

function prefixed(e: ErrorObject, prefix: string): ErrorObject {
  return prefix === '' ? e : { ...e, instancePath: prefix + e.instancePath };
}

/** How far a branch is from matching (lower is closer): wrong shape, wrong discriminator, errors, depth. */
function distance(issues: SchemaIssue[], base: string): number[] {
  const d = depthOf(base);
  const wrongShape = issues.some((x) => x.instancePath === base && SHAPE_KEYWORDS.has(x.keyword));
  const wrongKind = issues.some((x) => (x.keyword === 'const' || x.keyword === 'enum') && depthOf(x.instancePath) === d + 1);
  const deepest = issues.reduce((m, x) => Math.max(m, depthOf(x.instancePath)), 0);
  return [wrongShape ? 1 : 0, wrongKind ? 1 : 0, issues.length, -deepest];
}

function closer(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/** The types and values a failing branch wanted at the value itself, for the "no branch fits" message. */
function wantedShapes(issues: SchemaIssue[], base: string, types: Set<string>, values: unknown[], patterns: Set<string>): void {
  for (const x of issues) {
    if (x.instancePath !== base) continue;
    if (x.keyword === 'type') for (const t of String(x.params.type).split(',')) types.add(t);
    else if (x.keyword === 'const') values.push(x.params.allowedValue);
    else if (x.keyword === 'enum') values.push(...((x.params.allowedValues as unknown[]) ?? []));
    else if (x.keyword === 'pattern') patterns.add(String(x.params.pattern));
    else if (x.keyword === 'format') patterns.add(`a ${String(x.params.format)}`);
    else if (x.keyword === 'anyOf-type') {
      for (const t of (x.params.types as string[]) ?? []) types.add(t);
      values.push(...((x.params.values as unknown[]) ?? []));
      for (const p of (x.params.patterns as string[]) ?? []) patterns.add(p);
    }
  }
}

/**
 * Replaces ajv's flat error list (post-order: the errors of every `anyOf`/`oneOf` branch come just
 * before the combinator's own error) by the issues people need: for a failed `anyOf`/`oneOf`, each
 * branch is validated alone (compiled once through the registry) to count and separate its errors,
 * and only the closest branch's issues are kept, explained the same way, recursively. `if` errors
 * (their `then`/`else` errors stay) are dropped. Called once per validation that failed.
 */
export function explainErrors(errors: readonly ErrorObject[], registry: SchemaRegistry, level = 0): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  let i = errors.length - 1;
  while (i >= 0) {
    const e = errors[i];
    // The errors of a key under `propertyNames` are said by the propertyNames error itself.
    if (e.keyword === 'if' || (e as { propertyName?: string }).propertyName !== undefined) {
      i--;
      continue;
    }
    const combinator = (e.keyword === 'anyOf' || e.keyword === 'oneOf') && Array.isArray(e.schema) && e.parentSchema;
    if (!combinator || level >= MAX_BRANCH_DEPTH) {
      out.push(fromAjv(e));
      i--;
      continue;
    }
    const branches = e.schema as unknown[];
    const results: ErrorObject[][] = [];
    for (let b = 0; b < branches.length; b++) {
      const v = registry.branchValidator(e.parentSchema as JsonSchema, e.keyword, b);
      const ok = v ? v(e.data) : true;
      results.push(ok || !v ? [] : (v.errors ?? []).map((x) => prefixed(x, e.instancePath)));
    }
    const total = results.reduce((n, r) => n + r.length, 0);
    // NOTE: the branch errors ajv produced inline sit just before the combinator's error, and
    // validating each branch alone reproduces them, so `total` says how many to skip. Should a
    // count ever disagree, skip only errors under the same value, never beyond.
    let skip = 0;
    while (skip < total && i - 1 - skip >= 0 && within(errors[i - 1 - skip].instancePath, e.instancePath)) skip++;
    i -= 1 + skip;
    const passing = e.params && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas);
    if (passing) {
      out.push(fromAjv(e));
      continue;
    }
    const explained = results.map((r) => explainErrors(r, registry, level + 1));
    let best = -1;
    let bestDistance: number[] = [];
    for (let b = 0; b < explained.length; b++) {
      if (explained[b].length === 0) continue;
      const dist = distance(explained[b], e.instancePath);
      if (best < 0 || closer(dist, bestDistance)) {
        best = b;
        bestDistance = dist;
      }
    }
    if (best < 0) {
      out.push(fromAjv(e));
      continue;
    }
    if (bestDistance[0] === 1) {
      // Not one branch has the right shape: say once which shapes would do.
      const types = new Set<string>();
      const values: unknown[] = [];
      const patterns = new Set<string>();
      for (const x of explained) wantedShapes(x, e.instancePath, types, values, patterns);
      // A type the value has is not worth naming when only its values or patterns were wrong.
      if (values.length > 0 || patterns.size > 0) types.delete(typeof e.data === 'string' ? 'string' : '');
      out.push({ keyword: 'anyOf-type', instancePath: e.instancePath, params: { types: [...types], values: [...new Set(values)], patterns: [...patterns], branch: best }, parentSchema: e.parentSchema as JsonSchema, schema: e.schema, data: e.data });
      continue;
    }
    for (let k = explained[best].length - 1; k >= 0; k--) out.push({ ...explained[best][k], params: { ...explained[best][k].params, branch: best } });
  }
  return out.reverse();
}
