import type { Finding, Fix, Range } from '../../../core/types';
import { closestName } from '../../schema/fixes';
import type { WorkflowContext, WorkflowRule } from '../../types';
import { entriesOf, scalarItems, textRange } from '../engines/yamlEntries';
import { readStudy, rangeOf, studyFinding, type DependsEntry, type StudySpec, type StudyStep } from './studyModel';
import { parameterizedSteps } from './studyParameterized';

const CODE = 'workflow/study-steps';

function renameFix(ctx: WorkflowContext, d: DependsEntry, to: string): Fix[] {
  const range: Range = d.written.startsWith(d.step) ? textRange(ctx.reading, d.node, 0, d.step.length) : rangeOf(ctx, d.node);
  const newText = d.written.startsWith(d.step) ? to : d.written.replace(d.step, to);
  return [{ title: `Change to \`${to}\``, edits: [{ range, newText }], isPreferred: true, safe: false }];
}

/** The steps from `from` back to `to` along `depends` (known steps only), or undefined when `to` is not reached. */
function pathBack(byName: Map<string, StudyStep>, from: string, to: string): string[] | undefined {
  const seen = new Set<string>();
  const visit = (name: string): string[] | undefined => {
    if (name === to) return [name];
    if (seen.has(name)) return undefined;
    seen.add(name);
    for (const d of byName.get(name)?.depends ?? []) {
      if (d.step === name || !byName.has(d.step)) continue;
      const rest = visit(d.step);
      if (rest) return [name, ...rest];
    }
    return undefined;
  };
  return visit(from);
}

function dependsFindings(ctx: WorkflowContext, spec: StudySpec): Finding[] {
  const out: Finding[] = [];
  const names = spec.steps.map((s) => s.name);
  const byName = new Map(spec.steps.map((s) => [s.name, s]));
  const parameterized = parameterizedSteps(spec);
  for (const step of spec.steps) {
    for (const d of step.depends) {
      const range = rangeOf(ctx, d.node);
      const target = byName.get(d.step);
      if (!target) {
        const near = closestName(d.step, names);
        const hint = near ? ` Did you mean \`${near}\`?` : '';
        out.push(studyFinding(CODE, 'error', range, `Step \`${step.name}\` depends on \`${d.step}\`, but the study has no step of that name: the study is refused before it starts.${hint}`, near ? renameFix(ctx, d, near) : []));
        continue;
      }
      if (target === step) {
        out.push(studyFinding(CODE, 'warning', range, `Step \`${step.name}\` depends on itself: the engine drops this dependency (with an error in its log) and runs the step without it.`));
        continue;
      }
      if (target.index > step.index) {
        const cycle = pathBack(byName, target.name, step.name);
        if (cycle) {
          const shown = [step.name, ...cycle].map((n) => `\`${n}\``).join(' → ');
          out.push(studyFinding(CODE, 'error', range, `This dependency closes a cycle ${shown}: no step of the cycle could ever start, and the study is refused.`));
        } else {
          out.push(studyFinding(CODE, 'error', range, `Step \`${step.name}\` depends on \`${target.name}\`, which is defined further down: steps are added to the graph in file order, so the study is refused (the step named does not exist yet). Move \`${target.name}\` above \`${step.name}\`.`));
        }
        continue;
      }
      if (d.fanIn && !spec.merlin && !parameterized.has(target.name)) {
        out.push(studyFinding(CODE, 'hint', range, `\`${d.written}\` waits for every parameter combination of \`${target.name}\`, but that step uses no parameter and runs once: this is the same as \`${target.name}\`.`));
      }
    }
  }
  return out;
}

function workerFindings(ctx: WorkflowContext, spec: StudySpec): Finding[] {
  if (!spec.merlin || spec.workers.length === 0) return [];
  const out: Finding[] = [];
  const names = spec.steps.map((s) => s.name);
  const served = new Set<string>();
  let all = false;
  for (const worker of spec.workers) {
    const steps = scalarItems(entriesOf(worker.value).find((e) => e.key === 'steps')?.value ?? null);
    for (const s of steps) {
      if (s.text === 'all') {
        all = true;
        continue;
      }
      served.add(s.text);
      if (names.includes(s.text)) continue;
      const near = closestName(s.text, names);
      const fixes: Fix[] = near ? [{ title: `Change to \`${near}\``, edits: [{ range: rangeOf(ctx, s.node), newText: near }], isPreferred: true, safe: false }] : [];
      out.push(studyFinding(CODE, 'error', rangeOf(ctx, s.node), `Worker \`${worker.key}\` serves step \`${s.text}\`, but the study has no step of that name: Merlin refuses the spec.${near ? ` Did you mean \`${near}\`?` : ''}`, fixes));
    }
  }
  if (all) return out;
  const unserved = spec.steps.filter((s) => !served.has(s.name));
  // Merlin gives unserved steps to a `default_worker` of its own (no batch or node settings of yours).
  if (unserved.length > 0 && unserved.length < spec.steps.length) {
    for (const s of unserved) out.push(studyFinding(CODE, 'hint', rangeOf(ctx, s.nameNode), `No worker in \`merlin.resources.workers\` lists step \`${s.name}\`: Merlin adds a \`default_worker\` for it, without the batch or node settings of your workers.`));
  }
  return out;
}

/**
 * `workflow/study-steps`: the step graph of a Maestro or Merlin study: `depends` naming a step that
 * does not exist or is defined further down, dependency cycles, a step depending on itself, `_*`
 * fan-in on a step that runs once, and Merlin workers serving steps that do not exist (or steps
 * no worker lists).
 */
export const studySteps: WorkflowRule = {
  meta: { id: CODE, description: 'The step graph of a Maestro/Merlin study: depends on unknown or later steps, cycles, fan-in on a step that runs once, Merlin workers naming unknown steps', defaultSeverity: 'error', fixable: true, tip: 12 },
  check(ctx) {
    const spec = readStudy(ctx);
    if (!spec) return [];
    return [...dependsFindings(ctx, spec), ...workerFindings(ctx, spec)];
  },
};
