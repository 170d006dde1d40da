import { SLURM_VERSIONS, compareVersions, type SlurmVersion, type TargetVersion } from '../versions';
import { ACCOUNTING_OPTIONS } from './accounting';
import { BEHAVIOUR_OPTIONS } from './behaviour';
import { BINDING_OPTIONS } from './binding';
import { CONSUMABLE_OPTIONS } from './consumables';
import { CONTAINER_OPTIONS } from './container';
import { ENVIRONMENT_OPTIONS } from './environment';
import { GPU_OPTIONS } from './gpus';
import { IO_OPTIONS } from './io';
import { LIFECYCLE_OPTIONS } from './lifecycle';
import { MEMORY_OPTIONS } from './memory';
import { PLACEMENT_OPTIONS } from './placement';
import { SCHEDULING_OPTIONS } from './scheduling';
import { TASK_AND_CPU_OPTIONS } from './tasks-cpus';
import { TIME_OPTIONS } from './time';
import type { ArgKind, OptionSpec } from './types';

export type { ArgKind, OptionCategory, OptionSpec } from './types';

/** Every long option of sbatch from 22.05 through master, sorted by name. */
export const OPTIONS: readonly OptionSpec[] = Object.freeze(
  [
    ...TASK_AND_CPU_OPTIONS,
    ...MEMORY_OPTIONS,
    ...CONSUMABLE_OPTIONS,
    ...GPU_OPTIONS,
    ...TIME_OPTIONS,
    ...IO_OPTIONS,
    ...ENVIRONMENT_OPTIONS,
    ...SCHEDULING_OPTIONS,
    ...LIFECYCLE_OPTIONS,
    ...PLACEMENT_OPTIONS,
    ...BINDING_OPTIONS,
    ...ACCOUNTING_OPTIONS,
    ...CONTAINER_OPTIONS,
    ...BEHAVIOUR_OPTIONS,
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
);

const BY_NAME: ReadonlyMap<string, OptionSpec> = new Map(OPTIONS.map((o) => [o.name, o]));

const BY_SHORT: ReadonlyMap<string, OptionSpec> = new Map(
  OPTIONS.filter((o): o is OptionSpec & { short: string } => o.short !== undefined).map((o) => [o.short, o]),
);

/**
 * True when sbatch of the given series has the option. `any` is true for every option in the table.
 * Called by the reader and by validation to decide whether a name is known for the target.
 */
export function isOptionInVersion(spec: OptionSpec, target: TargetVersion): boolean {
  if (target === 'any') return true;
  if (spec.since !== undefined && compareVersions(target, spec.since) < 0) return false;
  if (spec.until !== undefined && compareVersions(target, spec.until) > 0) return false;
  return !(spec.missingIn ?? []).includes(target);
}

const BY_VERSION: ReadonlyMap<TargetVersion, readonly OptionSpec[]> = new Map<TargetVersion, readonly OptionSpec[]>([
  ['any', OPTIONS],
  ...SLURM_VERSIONS.map((v): [SlurmVersion, readonly OptionSpec[]] => [
    v,
    Object.freeze(OPTIONS.filter((o) => isOptionInVersion(o, v))),
  ]),
]);

/** The option with this long name (no dashes, exact spelling), or undefined. */
export function optionByName(name: string): OptionSpec | undefined {
  return BY_NAME.get(name);
}

/** The option with this short letter (e.g. `t` for `--time`), or undefined. */
export function optionByShort(letter: string): OptionSpec | undefined {
  return BY_SHORT.get(letter);
}

/**
 * The options sbatch of the given series knows, sorted by name; for `any`, the union of all
 * series (the whole table). Returns a shared frozen array: do not modify it.
 */
export function optionsInVersion(target: TargetVersion): readonly OptionSpec[] {
  return BY_VERSION.get(target) ?? OPTIONS;
}

/**
 * How getopt treats the option's argument in the given series (`spec.arg` when the kind never
 * changed). For `any` it returns the single kind when all series agree, otherwise `optional`,
 * the kind that accepts both a bare `--opt` and `--opt=value`.
 */
export function argKindIn(spec: OptionSpec, target: TargetVersion): ArgKind {
  const changes = spec.argChanges;
  if (changes === undefined || changes.length === 0) return spec.arg;
  if (target === 'any') {
    return changes.every((c) => c.arg === changes[0].arg) ? changes[0].arg : 'optional';
  }
  let kind: ArgKind = changes[0].arg;
  for (const change of changes) {
    if (compareVersions(target, change.since) >= 0) kind = change.arg;
  }
  return kind;
}
