import { lineRange, type Finding, type Fix } from '../../core/types';
import type { ParsedOption } from '../../slurm/getopt';
import { parseArraySpec } from '../../slurm/values/array';
import { valueRange } from '../ranges';
import { swallowedOption } from '../slurm/shared';
import type { Rule } from '../types';

const ID = 'array/output-clobber';

/** Patterns that differ from one array task to the next: task index, job id, job id + step. */
const PER_TASK = new Set(['a', 'j', 'J']);

/** The `%` patterns of a file name (letter and offset), skipping `%%`. */
function patternsOf(value: string): { letter: string; start: number; end: number }[] {
  const found: { letter: string; start: number; end: number }[] = [];
  const re = /%(\d*)(.)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    if (m[0] === '%%') continue;
    found.push({ letter: m[2], start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Where to insert the task patterns and what: after the last `%A`, or `_%A_%a` before the extension. */
function insertion(value: string): { at: number; text: string } | undefined {
  const arrayIds = patternsOf(value).filter((p) => p.letter === 'A');
  if (arrayIds.length > 0) return { at: arrayIds[arrayIds.length - 1].end, text: '_%a' };
  const slash = value.lastIndexOf('/');
  const base = value.slice(slash + 1);
  if (base === '') return undefined;
  const dot = base.lastIndexOf('.');
  return { at: dot > 0 ? slash + 1 + dot : value.length, text: '_%A_%a' };
}

/** The quick fix for one option, when a place for the patterns can be found. */
function fixFor(o: ParsedOption, value: string): Fix | undefined {
  const ins = insertion(value);
  if (!ins || o.valueColumns.length !== value.length) return undefined;
  const column = ins.at < value.length ? o.valueColumns[ins.at] : o.valueColumns[value.length - 1] + 1;
  const fixed = value.slice(0, ins.at) + ins.text + value.slice(ins.at);
  // NOTE: not safe: the log's name changes, and whatever reads it by name (a later job, a
  // workflow engine, `tail -f`) has to follow; the user decides.
  return { title: `Give each task its own file (${fixed})`, edits: [{ range: lineRange(o.valueLine, column, column), newText: ins.text }], isPreferred: true, safe: false };
}

/** The last option of that name in a component (the one sbatch keeps). */
function lastOf(options: ParsedOption[], name: string): ParsedOption | undefined {
  const found = options.filter((o) => o.spec.name === name && o.value !== undefined && !swallowedOption(o));
  return found[found.length - 1];
}

/**
 * A job array whose --output or --error names the same file for every task (no %a, %j or %J),
 * so the tasks overwrite each other's log. No --output at all is fine: Slurm's default for arrays
 * is slurm-%A_%a.out. The counterpart of slurm/array-pattern-without-array.
 */
export const outputClobber: Rule = {
  meta: { id: ID, description: 'An array job whose --output or --error is the same file for every task', defaultSeverity: 'warning', fixable: true, tip: 6 },
  check({ script }) {
    const findings: Finding[] = [];
    for (const component of script.components) {
      const array = lastOf(component.options, 'array');
      const spec = array?.value === undefined ? undefined : parseArraySpec(array.value);
      if (!spec || spec.count <= 1) continue;
      const append = /^a/i.test(lastOf(component.options, 'open-mode')?.value ?? '');
      for (const name of ['output', 'error']) {
        const o = lastOf(component.options, name);
        const value = o?.value;
        if (o === undefined || value === undefined || value === '' || value.startsWith('/dev/')) continue;
        // A backslash turns every pattern off; slurm/invalid-value says so already.
        if (value.includes('\\') || patternsOf(value).some((p) => PER_TASK.has(p.letter))) continue;
        const what = `--${name}: all ${spec.count} tasks of this array write ${JSON.stringify(value)}`;
        const message = append
          ? `${what} (with --open-mode=append their lines interleave); add %a (with %A) for a file per task`
          : `${what}, each task truncating what the others wrote; add %a (with %A) for a file per task`;
        const fix = fixFor(o, value);
        findings.push({
          code: ID,
          severity: append ? 'hint' : 'warning',
          range: valueRange(o),
          message,
          fixes: fix ? [fix] : [],
          data: { option: name, tasks: spec.count },
        });
      }
    }
    return findings;
  },
};
