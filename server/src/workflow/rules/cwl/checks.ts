import type { Node } from 'yaml';
import type { Finding, Fix, Severity } from '../../../core/types';
import { nodeRange, type YamlReading } from '../../read/reading';
import { closestName, replaceScalarFix } from '../../schema/fixes';
import type { WorkflowContext } from '../../types';
import { scalarText } from '../engines/yamlEntries';
import { documentProcesses, resolveRun, type CwlProcess, type CwlReference, type CwlStep, type RunFileCache, type RunTarget } from './model';

export const RUN_TARGET = 'workflow/cwl-run-target';
export const REFERENCES = 'workflow/cwl-references';
export const UNUSED = 'workflow/cwl-unused';

/** A step with what its `run:` resolved to. */
interface ResolvedStep {
  step: CwlStep;
  target: RunTarget;
  /** The process run by the step, when it could be read. */
  tool?: CwlProcess;
}

/**
 * The part of a reference after the document and the workflow's own id: `#main/align/sam` and
 * `#align/sam` in workflow `main` are both `align/sam`. Always a suffix of `text`.
 */
function localReference(text: string, workflowId: string | undefined): string {
  let r = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
  if (workflowId && r.startsWith(`${workflowId}/`)) r = r.slice(workflowId.length + 1);
  return r;
}

/** A did-you-mean fix that replaces the last `local.length` characters of a scalar's text with `meant`. */
function suffixFix(reading: YamlReading, node: Node, text: string, local: string, meant: string, shown = meant): Fix | undefined {
  const replacement = text.slice(0, text.length - local.length) + meant;
  return replaceScalarFix(reading, node, replacement, `Change to \`${shown}\``);
}

function finding(code: string, severity: Severity, reading: YamlReading, node: Node, message: string, fix?: Fix): Finding {
  return { code, severity, range: nodeRange(reading, node), message, fixes: fix ? [fix] : [] };
}

/** True when the step's own text uses `inputs.NAME` (in `valueFrom`, `when`) or scatters over it. */
function usedInsideStep(ctx: WorkflowContext, step: CwlStep, name: string): boolean {
  const r = step.map.range;
  const text = r ? ctx.text.slice(r[0], r[1]) : '';
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`inputs\\s*(?:\\.\\s*${escaped}\\b|\\[\\s*["']${escaped}["']\\s*\\])`).test(text) || new RegExp(`scatter[^\\n]*\\b${escaped}\\b`).test(text);
}

function checkRunTargets(ctx: WorkflowContext, steps: readonly ResolvedStep[], graph: readonly CwlProcess[], out: Finding[]): void {
  for (const { step, target } of steps) {
    const node = step.run;
    if (!node) continue;
    const text = scalarText(node) ?? '';
    if (target.kind === 'file' && target.text === undefined) {
      out.push(finding(RUN_TARGET, 'error', ctx.reading, node, `Step \`${step.id}\` runs \`${target.path}\`: file not found (the path is relative to this document's folder). cwltool refuses the workflow.`));
    } else if (target.kind === 'graph' && !target.process) {
      const ids = graph.flatMap((p) => (p.id ? [p.id] : []));
      const meant = closestName(target.id, ids);
      const fix = meant ? suffixFix(ctx.reading, node, text, target.id, meant, `#${meant}`) : undefined;
      out.push(finding(RUN_TARGET, 'error', ctx.reading, node, `Step \`${step.id}\` runs \`#${target.id}\`, but no process of this \`$graph\` has that id${meant ? `: did you mean \`#${meant}\`?` : ids.length ? ` (there are ${ids.map((i) => `\`#${i}\``).join(', ')}).` : '.'}`, fix));
    }
  }
}

function checkWorkflow(ctx: WorkflowContext, wf: CwlProcess, graph: readonly CwlProcess[], cache: RunFileCache, out: Finding[]): void {
  const resolved: ResolvedStep[] = wf.steps.map((step) => {
    const target = resolveRun(step.run, graph, ctx.files, cache);
    return { step, target, tool: target.kind === 'unchecked' ? undefined : target.process };
  });
  checkRunTargets(ctx, resolved, graph, out);

  const inputIds = new Set(wf.inputs.map((i) => i.id));
  const byStep = new Map(resolved.map((s) => [s.step.id, s]));
  const candidates = [...inputIds, ...resolved.flatMap((s) => s.step.outs.map((o) => `${s.step.id}/${o.id}`))];
  const usedInputs = new Set<string>();
  const usedSteps = new Set<string>();

  const checkReference = (ref: CwlReference, where: string): void => {
    const local = localReference(ref.text, wf.id);
    if (inputIds.has(local)) {
      usedInputs.add(local);
      return;
    }
    const slash = local.indexOf('/');
    const stepId = slash >= 0 ? local.slice(0, slash) : undefined;
    const outId = slash >= 0 ? local.slice(slash + 1) : '';
    const s = stepId !== undefined ? byStep.get(stepId) : undefined;
    if (s) usedSteps.add(s.step.id);
    if (s && s.step.outs.some((o) => o.id === outId)) return;
    // When the process has the output and only `out:` lacks it, the reference is right: no guess.
    const toolHas = s?.tool?.outputs.some((o) => o.id === outId) === true;
    const meant = toolHas ? undefined : closestName(local, candidates);
    const fix = meant ? suffixFix(ctx.reading, ref.node, ref.text, local, meant) : undefined;
    const hint = meant ? ` Did you mean \`${meant}\`?` : '';
    let message: string;
    if (s) {
      message = toolHas
        ? `${where} \`${ref.text}\`: step \`${s.step.id}\` does not list \`${outId}\` in its \`out:\`, so nothing can read it.${hint}`
        : `${where} \`${ref.text}\`: step \`${s.step.id}\` has no output \`${outId}\` (its \`out:\` lists ${s.step.outs.map((o) => `\`${o.id}\``).join(', ') || 'nothing'}).${hint}`;
    } else if (stepId !== undefined) {
      message = `${where} \`${ref.text}\`: the workflow has no step \`${stepId}\`.${hint}`;
    } else {
      message = `${where} \`${ref.text}\`: the workflow has no input \`${local}\` (a step's output is written \`step/output\`).${hint}`;
    }
    out.push(finding(REFERENCES, 'error', ctx.reading, ref.node, `${message} cwltool refuses the workflow.`, fix));
  };

  for (const s of resolved) {
    for (const input of s.step.inputs) for (const ref of input.sources) checkReference(ref, `Step \`${s.step.id}\` reads`);
    const tool = s.tool;
    if (!tool) continue;
    const toolInputs = tool.inputs.map((i) => i.id);
    for (const input of s.step.inputs) {
      if (toolInputs.includes(input.id) || usedInsideStep(ctx, s.step, input.id)) continue;
      const meant = closestName(input.id, toolInputs);
      const text = scalarText(input.idNode) ?? input.id;
      const fix = meant ? suffixFix(ctx.reading, input.idNode, text, input.id, meant) : undefined;
      out.push(finding(REFERENCES, 'warning', ctx.reading, input.idNode, `The process run by step \`${s.step.id}\` has no input \`${input.id}\`${meant ? `: did you mean \`${meant}\`?` : '.'} The value is passed to nothing.`, fix));
    }
    const connected = new Set(s.step.inputs.map((i) => i.id));
    const missing = tool.inputs.filter((i) => !i.optional && !connected.has(i.id)).map((i) => `\`${i.id}\``);
    if (missing.length > 0) {
      out.push(finding(REFERENCES, 'warning', ctx.reading, s.step.idNode, `Step \`${s.step.id}\` gives no value to the required input${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of the process it runs (no default, not optional): the step fails when it starts.`));
    }
    const toolOutputs = tool.outputs.map((o) => o.id);
    for (const o of s.step.outs) {
      if (toolOutputs.includes(o.id)) continue;
      const meant = closestName(o.id, toolOutputs);
      const text = scalarText(o.node) ?? o.id;
      const fix = meant ? suffixFix(ctx.reading, o.node, text, o.id, meant) : undefined;
      out.push(finding(REFERENCES, 'error', ctx.reading, o.node, `Step \`${s.step.id}\` lists \`${o.id}\` in \`out:\`, but the process it runs has no such output${meant ? `: did you mean \`${meant}\`?` : ` (it has ${toolOutputs.map((t) => `\`${t}\``).join(', ') || 'none'}).`} cwltool refuses the workflow.`, fix));
    }
  }

  for (const o of wf.outputs) {
    if (o.outputSources.length === 0) {
      out.push(finding(REFERENCES, 'error', ctx.reading, o.idNode, `Workflow output \`${o.id}\` has no \`outputSource\`: say which step output (\`step/output\`) or workflow input it returns.`));
      continue;
    }
    for (const ref of o.outputSources) checkReference(ref, `Workflow output \`${o.id}\` returns`);
  }

  for (const i of wf.inputs) {
    if (!usedInputs.has(i.id)) out.push(finding(UNUSED, 'hint', ctx.reading, i.idNode, `Workflow input \`${i.id}\` is read by no step and returned by no output.`));
  }
  for (const s of resolved) {
    if (s.step.outs.length > 0 && !usedSteps.has(s.step.id)) {
      out.push(finding(UNUSED, 'hint', ctx.reading, s.step.idNode, `No step and no workflow output reads the outputs of step \`${s.step.id}\` (${s.step.outs.map((o) => `\`${o.id}\``).join(', ')}): the step's results are left in the run's working folders.`));
    }
  }
}

const cache = new WeakMap<YamlReading, Finding[]>();

/**
 * Every CWL reference finding of a document (all three rules), computed once per reading: run
 * targets, `source`/`outputSource`, step `in`/`out` against the process run, unused inputs and steps.
 */
export function cwlReferenceFindings(ctx: WorkflowContext): Finding[] {
  if (ctx.format.id !== 'cwl') return [];
  const known = cache.get(ctx.reading);
  if (known) return known;
  const out: Finding[] = [];
  const files: RunFileCache = new Map();
  for (const doc of ctx.reading.documents) {
    if (!doc.complete) continue;
    const { processes } = documentProcesses(doc.document.contents);
    for (const p of processes) if (p.cls === 'Workflow') checkWorkflow(ctx, p, processes, files, out);
  }
  cache.set(ctx.reading, out);
  return out;
}
