import type { WorkflowRule } from '../types';

/** `workflow/yaml-syntax`: what the YAML reader could not read (errors), or read with doubts (warnings). */
export const yamlSyntax: WorkflowRule = {
  meta: { id: 'workflow/yaml-syntax', description: 'YAML the engine cannot read: bad indentation, tabs, unclosed quotes, a key without a value, unknown aliases', defaultSeverity: 'error', fixable: true, tip: 12 },
  check: (ctx) => ctx.reading.syntax,
};

/** `workflow/duplicate-key`: a key repeated in one mapping (an error where the engine refuses it: CWL). */
export const duplicateKey: WorkflowRule = {
  meta: { id: 'workflow/duplicate-key', description: 'A key given twice in one mapping: most loaders silently keep the last one, CWL refuses the file', defaultSeverity: 'warning', fixable: true, tip: 12 },
  check: (ctx) => ctx.reading.duplicates,
};

/** `workflow/too-complex`: nesting or alias expansion beyond the limits; the schema is then not checked. */
export const tooComplex: WorkflowRule = {
  meta: { id: 'workflow/too-complex', description: 'Nesting deeper than 100 levels or an alias bomb: refused before the schema is checked', defaultSeverity: 'error', fixable: false, tip: 12 },
  check: (ctx) => ctx.reading.tooComplex,
};
