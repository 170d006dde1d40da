import type { Finding, Fix } from '../../../core/types';
import { closestName } from '../../schema/fixes';
import type { WorkflowContext, WorkflowRule } from '../../types';
import { rangeOf, readStudy, studyFinding, tokenRange, tokenUses, type StudySpec } from './studyModel';

const CODE = 'workflow/study-references';

/** Names every study has: the spec's folder, the output folder, the step's own workspace, the launcher. */
const BUILTIN = ['SPECROOT', 'OUTPUT_PATH', 'WORKSPACE', 'LAUNCHER'];

function definedNames(spec: StudySpec): string[] {
  return [
    ...BUILTIN,
    ...spec.variables.map((v) => v.key),
    ...spec.labels.map((l) => l.key),
    ...spec.dependencyNames,
    ...spec.parameters.flatMap((p) => [p.name, `${p.name}.label`]),
    ...spec.steps.map((s) => `${s.name}.workspace`),
    ...spec.columnLabels,
  ];
}

/** True for a token in a command that reads like a shell command substitution (`$(hostname)`). */
function shellSubstitution(name: string, path: string[], near: string | undefined): boolean {
  const inCommand = path.includes('cmd') || path.includes('restart');
  return inCommand && near === undefined && !/[A-Z]/.test(name);
}

function undefinedFindings(ctx: WorkflowContext, spec: StudySpec): Finding[] {
  const defined = definedNames(spec);
  const known = new Set(defined);
  const out: Finding[] = [];
  for (const use of tokenUses(ctx)) {
    if (known.has(use.name) || (spec.merlin && use.name.startsWith('MERLIN_'))) continue;
    const near = closestName(use.name, defined);
    if (shellSubstitution(use.name, use.path, near)) continue;
    const range = tokenRange(ctx, use);
    const fixes: Fix[] = near ? [{ title: `Change to \`${near}\``, edits: [{ range, newText: near }], isPreferred: true, safe: false }] : [];
    const step = use.name.endsWith('.workspace') ? ' (no step has that name)' : '';
    const where = spec.merlin ? 'env.variables, env.labels, global.parameters, merlin.samples.column_labels' : 'env.variables, env.labels, env.dependencies, global.parameters';
    out.push(studyFinding(CODE, 'warning', range, `\`$(${use.name})\` is defined nowhere in the study${step}: it is left as written and reaches the shell as \`$(${use.name})\`, a command substitution. Names come from ${where} and the engine's own (\`$(SPECROOT)\`, \`$(OUTPUT_PATH)\`, \`$(WORKSPACE)\`, \`$(LAUNCHER)\`, \`$(<step>.workspace)\`).${near ? ` Did you mean \`${near}\`?` : ''}`, fixes));
  }
  return out;
}

function unusedFindings(ctx: WorkflowContext, spec: StudySpec): Finding[] {
  const used = new Set(tokenUses(ctx).map((u) => u.name));
  const out: Finding[] = [];
  for (const v of [...spec.variables, ...spec.labels]) {
    if (v.key === 'OUTPUT_PATH' || used.has(v.key)) continue;
    out.push(studyFinding(CODE, 'hint', rangeOf(ctx, v.keyNode), `\`${v.key}\` is defined but no \`$(${v.key})\` uses it.`));
  }
  for (const p of spec.parameters) {
    if (used.has(p.name) || used.has(`${p.name}.label`)) continue;
    out.push(studyFinding(CODE, 'hint', rangeOf(ctx, p.keyNode), `Parameter \`${p.name}\` is used by no step (no \`$(${p.name})\` or \`$(${p.name}.label)\`): no step is run once per its values.`));
  }
  return out;
}

/**
 * `workflow/study-references`: `$(NAME)` tokens of a Maestro/Merlin study that name nothing the
 * study defines (with did-you-mean), and variables, labels and parameters nothing uses.
 */
export const studyReferences: WorkflowRule = {
  meta: { id: CODE, description: 'A $(NAME) in a Maestro/Merlin study that names no variable, label, parameter, sample column or engine name; variables and parameters nothing uses', defaultSeverity: 'warning', fixable: true, tip: 12 },
  check(ctx) {
    const spec = readStudy(ctx);
    if (!spec) return [];
    return [...undefinedFindings(ctx, spec), ...unusedFindings(ctx, spec)];
  },
};
