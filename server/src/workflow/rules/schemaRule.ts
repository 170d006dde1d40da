import type { Finding } from '../../core/types';
import { offsetRange } from '../read/reading';
import { explainErrors } from '../schema/explain';
import { issueFindings } from '../schema/mapping';
import type { WorkflowContext, WorkflowRule } from '../types';

/** Documents with more schema findings than this report the first ones and a note (a wrong schema, most likely). */
const MAX_FINDINGS_PER_DOCUMENT = 500;

function check(ctx: WorkflowContext): Finding[] {
  const out: Finding[] = [];
  if (ctx.schemaProblem) {
    out.push({ code: 'workflow/schema', severity: 'warning', range: offsetRange(ctx.reading, 0, 0), message: `This file is not checked against its schema: ${ctx.schemaProblem}`, fixes: [] });
  }
  const schema = ctx.schema;
  if (!schema) return out;
  for (const doc of ctx.reading.documents) {
    // An empty document (only comments, or nothing after `---`) has nothing to check.
    if (!doc.complete || doc.document.contents === null) continue;
    if (schema.validate(doc.value)) continue;
    const issues = explainErrors(schema.validate.errors ?? [], schema.registry);
    const found = issueFindings({ reading: ctx.reading, document: doc.document, index: schema.registry.index, severity: ctx.format.schemaSeverity, json: ctx.format.json, context: ctx.format.version ? ` in a ${ctx.format.label} document` : '' }, issues);
    if (found.length > MAX_FINDINGS_PER_DOCUMENT) {
      out.push(...found.slice(0, MAX_FINDINGS_PER_DOCUMENT));
      out.push({ code: 'workflow/schema', severity: 'info', range: found[MAX_FINDINGS_PER_DOCUMENT].range, message: `${found.length - MAX_FINDINGS_PER_DOCUMENT} more schema findings are not shown; is this file of the kind its schema describes (${schema.origin})?`, fixes: [] });
    } else out.push(...found);
  }
  return out;
}

/**
 * `workflow/schema`: every document of the file checked against the schema of its format (ours,
 * the pipeline's own, or the user's), each violation at its exact key or value.
 */
export const schemaRule: WorkflowRule = {
  meta: { id: 'workflow/schema', description: "A value or key the file's schema does not allow: unknown keys, missing required keys, wrong types, values outside the allowed ones", defaultSeverity: 'error', fixable: true, tip: 12 },
  check,
};
