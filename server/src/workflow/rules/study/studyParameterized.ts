import type { StudySpec } from './studyModel';

const TOKEN = /\$\(([^()\s$]+)\)/g;

/** The `$(NAME)` names in a text. */
export function tokenNames(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1]);
}

/**
 * The steps that run once per parameter combination: those whose `cmd`/`restart` use a global
 * parameter (`$(P)`, `$(P.label)`, or an env label built from them), and those that depend
 * (without `_*`) on such a step, as the engine expands them.
 */
export function parameterizedSteps(spec: StudySpec): Set<string> {
  const params = new Set(spec.parameters.map((p) => p.name));
  const usesParam = (names: string[]): boolean => names.some((n) => params.has(n.replace(/\.label$/, '')));
  const labelUses = new Map(spec.labels.map((l) => [l.key, tokenNames(String((l.value as { value?: unknown } | null)?.value ?? ''))]));
  const out = new Set<string>();
  for (const step of spec.steps) {
    const names: string[] = [];
    for (const e of step.run) {
      if (e.key !== 'cmd' && e.key !== 'restart') continue;
      const value = (e.value as { value?: unknown } | null)?.value;
      if (typeof value === 'string') names.push(...tokenNames(value));
    }
    const expanded = names.flatMap((n) => [n, ...(labelUses.get(n) ?? [])]);
    const inherits = step.depends.some((d) => !d.fanIn && out.has(d.step));
    if (usesParam(expanded) || inherits) out.add(step.name);
  }
  return out;
}
