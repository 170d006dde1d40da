import { isMap, isScalar, type Node } from 'yaml';
import profileSchema from '../../../../../schemas/snakemake-profile.schema.json';
import type { Finding, Fix, Range } from '../../../core/types';
import { optionCatalog } from '../../../slurm/catalog';
import { grammarFor } from '../../../slurm/values/registry';
import { nodeRange } from '../../read/reading';
import type { WorkflowContext, WorkflowRule } from '../../types';
import { slurmExtraProblems } from './slurmExtra';
import { isTimespan, looksLikeExpression, NUMBER, unquoteOnce } from './snakemakeValues';
import { entriesOf, isQuoted, scalarItems, scalarText, textRange, topLevelEntries } from './yamlEntries';
import { pyyamlBase60 } from '../../read/pyyamlNumbers';

const CODE = 'workflow/snakemake-resources';

/** Resource name to the sbatch option its value is passed to verbatim (`*`: several options), from our schema. */
const KNOWN_RESOURCES = profileSchema.$defs.resources.properties as Record<string, { 'x-slurm-option'?: string }>;
const SLURM_OPTION: Record<string, string> = Object.fromEntries(
  Object.entries(KNOWN_RESOURCES)
    .filter(([, s]) => s['x-slurm-option'] !== undefined)
    .map(([name, s]) => [name, s['x-slurm-option'] as string]),
);

/** A resource as written: its name, its value's text, and where to report each. */
interface ResourceSetting {
  name: string;
  value: string;
  /** True when the value is text in the file (quoted, or not a number): Snakemake evaluates it. */
  text: boolean;
  nameRange: Range;
  /** The range of value characters [start, end) of `value`. */
  valueRange(start: number, end: number): Range;
  /** The rule it is set for (`set-resources`), for messages. */
  rule?: string;
  /** A plain number written with `:` (`2:00:00`), which YAML 1.1 reads in base 60. */
  sexagesimal?: { written: string; read: number };
}

const IDENTIFIER = /^[A-Za-z_]\w*$/;

/** Resources given as a mapping (`name: value`). */
function fromMapping(ctx: WorkflowContext, node: unknown, rule?: string): ResourceSetting[] {
  return entriesOf(node).flatMap((e) => {
    const value = scalarText(e.value);
    if (value === undefined || !e.value) return [];
    const valueNode = e.value;
    const text = isQuoted(valueNode) || (isScalar(valueNode) && typeof valueNode.value === 'string');
    const read = isScalar(valueNode) ? valueNode.value : undefined;
    // PyYAML (Snakemake's loader) reads `2:00:00` as a number but `02:00:00` as text.
    const base60 = !text && typeof read === 'number' && value.includes(':') ? pyyamlBase60(value) : undefined;
    const sexagesimal = base60 !== undefined ? { written: value, read: base60 } : undefined;
    return [{ name: e.key, value: text ? String(read) : value, text, nameRange: nodeRange(ctx.reading, e.keyNode), valueRange: (s: number, t: number) => textRange(ctx.reading, valueNode, s, t), rule, sexagesimal }];
  });
}

/** Resources given as command-line strings: `NAME=VALUE` (default-resources) or `RULE:NAME=VALUE` (set-resources). */
function fromStrings(ctx: WorkflowContext, node: Node | null, withRule: boolean): ResourceSetting[] {
  const out: ResourceSetting[] = [];
  for (const item of scalarItems(node)) {
    const colon = withRule ? item.text.indexOf(':') : -1;
    const eq = item.text.indexOf('=', colon + 1);
    if (eq < 0 || (withRule && colon < 0)) continue;
    const name = item.text.slice(colon + 1, eq);
    const valueStart = eq + 1;
    out.push({
      name,
      value: item.text.slice(valueStart),
      text: true,
      nameRange: textRange(ctx.reading, item.node, colon + 1, eq),
      valueRange: (s, t) => textRange(ctx.reading, item.node, valueStart + s, valueStart + t),
      rule: withRule ? item.text.slice(0, colon) : undefined,
    });
  }
  return out;
}

function settingsOf(ctx: WorkflowContext): ResourceSetting[] {
  const out: ResourceSetting[] = [];
  for (const entry of topLevelEntries(ctx.reading)) {
    const key = entry.key.replace(/^--/, '');
    if (key === 'default-resources') out.push(...(isMap(entry.value) ? fromMapping(ctx, entry.value) : fromStrings(ctx, entry.value, false)));
    if (key === 'set-resources') {
      if (isMap(entry.value)) for (const rule of entriesOf(entry.value)) out.push(...fromMapping(ctx, rule.value, rule.key));
      else out.push(...fromStrings(ctx, entry.value, true));
    }
  }
  return out;
}

function finding(range: Range, message: string, fixes: Fix[] = []): Finding {
  return { code: CODE, severity: 'warning', range, message, fixes };
}

/** The fix renaming `cpus-per-task` to the resource Snakemake knows, `cpus_per_task`, when the range is exactly the name. */
function underscoreFix(r: ResourceSetting): Fix[] {
  const meant = r.name.replace(/-/g, '_');
  const { start, end } = r.nameRange;
  if (!(meant in KNOWN_RESOURCES) || start.line !== end.line || end.character - start.character !== r.name.length) return [];
  return [{ title: `Change to \`${meant}\``, edits: [{ range: r.nameRange, newText: meant }], isPreferred: true, safe: false }];
}

/** Sizes Snakemake takes under one name: giving two spellings of one stops it (a resource duplication error). */
const SIZE_SPELLINGS = [['mem', 'mem_mb', 'mem_mib'], ['disk', 'disk_mb', 'disk_mib']];

/** A finding for each later spelling of a size already given in the same place (`mem_mb` and `mem`). */
function duplicateSizes(settings: readonly ResourceSetting[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, ResourceSetting[]>();
  for (const r of settings) groups.set(r.rule ?? '', [...(groups.get(r.rule ?? '') ?? []), r]);
  for (const [rule, list] of groups) {
    for (const spellings of SIZE_SPELLINGS) {
      const given = list.filter((r) => spellings.includes(r.name));
      for (const later of given.slice(1)) {
        out.push(finding(later.nameRange, `\`${later.name}\` and \`${given[0].name}\` are one resource for Snakemake, which stops when both are given${rule ? ` (rule \`${rule}\`)` : ''}; keep one.`));
      }
    }
  }
  return out;
}

/** What is wrong with one resource setting, as findings. */
function checkSetting(ctx: WorkflowContext, r: ResourceSetting): Finding[] {
  const where = r.rule ? ` (rule \`${r.rule}\`)` : '';
  if (!IDENTIFIER.test(r.name)) return [finding(r.nameRange, `\`${r.name}\` is not a resource name Snakemake accepts: a name is letters, digits and \`_\`, not starting with a digit${where}.`, underscoreFix(r))];
  if (r.name === '_cores') return [finding(r.nameRange, 'Snakemake defines `_cores` itself and refuses it as a resource name.')];
  const whole = r.valueRange(0, r.value.length);
  if (r.sexagesimal) {
    const { written, read } = r.sexagesimal;
    return [finding(whole, `YAML 1.1, which Snakemake's profile reader follows, reads \`${written}\` as the number ${read} (base 60)${r.name === 'runtime' ? `, i.e. ${read} minutes` : ''}; quote it (\`"${written}"\`) to pass it on as written${where}.`)];
  }
  if (!r.text) return [];
  const value = unquoteOnce(r.value.trim());
  if (r.name !== 'slurm_extra' && /\b(attempt|input|threads|wildcards)\b|\(/.test(value)) return [];
  if (/_(mb|mib)$/.test(r.name) || r.name === 'nodes' || r.name === 'cpus_per_task' || r.name === 'tasks') {
    if (NUMBER.test(value) || looksLikeExpression(value)) return [];
    const unit = /_mib$/.test(r.name) ? 'mebibytes' : /_mb$/.test(r.name) ? 'megabytes' : 'a count';
    const hint = /_mb$/.test(r.name) && /^\d+(\.\d+)?\s*[KMGTP]i?B?$/i.test(value) ? ` To give a unit, use \`${r.name.replace(/_mb$/, '')}: ${value}\` instead.` : '';
    return [finding(whole, `\`${r.name}\` must be a number (${unit}); Snakemake keeps \`${value}\` as text and stops with a resource type error${where}.${hint}`)];
  }
  if (r.name === 'runtime') {
    if (NUMBER.test(value) || isTimespan(value) || looksLikeExpression(value)) return [];
    const problems = grammarFor('time').validate(value, { option: 'time', version: ctx.settings.version, maxArraySize: ctx.settings.maxArraySize });
    if (!problems.some((p) => p.severity === 'error')) return [];
    return [finding(whole, `\`runtime: ${value}\` is neither minutes, a span such as \`2h\` or \`90m\`, nor a Slurm time: the plugin passes it to \`sbatch -t\`, which refuses it${where}.`)];
  }
  const option = SLURM_OPTION[r.name];
  if (option === '*') {
    return slurmExtraProblems(value, ctx.settings).map((p) => {
      const offset = r.value.indexOf(value);
      return finding(offset >= 0 ? r.valueRange(offset + p.start, offset + p.end) : whole, `In \`slurm_extra\`${where}: ${p.message}.`);
    });
  }
  if (option === undefined) return [];
  const spec = optionCatalog(ctx.settings.version, ctx.settings.siteOptions).byName(option);
  if (!spec) return [];
  const problems = grammarFor(spec.value).validate(value, { option, version: ctx.settings.version, maxArraySize: ctx.settings.maxArraySize, maxArraySizeKnown: ctx.settings.maxArraySizeKnown, gresTypes: ctx.settings.gresTypes });
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => finding(whole, `\`${r.name}: ${value}\` becomes \`sbatch --${option}=${value}\`, which sbatch refuses: ${p.message}${where}`));
}

function check(ctx: WorkflowContext): Finding[] {
  if (ctx.format.id !== 'snakemake-profile') return [];
  const settings = settingsOf(ctx);
  return [...settings.flatMap((r) => checkSetting(ctx, r)), ...duplicateSizes(settings)];
}

/**
 * `workflow/snakemake-resources`: resources in a Snakemake profile's `default-resources` and
 * `set-resources` that Snakemake or sbatch will refuse: names that are not identifiers, sizes in
 * megabytes that are not numbers, two spellings of one size (`mem` and `mem_mb`), runtimes that are neither minutes, a span nor a Slurm time, values
 * of resources the SLURM plugin passes to an sbatch option that the option's grammar refuses, and
 * `slurm_extra` options sbatch does not know or the plugin sets itself.
 */
export const snakemakeResources: WorkflowRule = {
  meta: { id: CODE, description: 'A resource in a Snakemake profile that Snakemake or sbatch refuses: a bad name, a size or runtime it cannot read, a Slurm value sbatch refuses, slurm_extra options the SLURM plugin forbids', defaultSeverity: 'warning', fixable: true, tip: 12 },
  check,
};
