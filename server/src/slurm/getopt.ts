import type { DirectiveArg } from './directiveArgs';
import type { ArgKind, OptionSpec } from './options/types';
import type { OptionCatalog } from './catalog';

/** Where an argument came from: its line and the argument itself. */
export interface PlacedArg {
  line: number;
  arg: DirectiveArg;
}

/** One option as getopt_long hands it to sbatch. */
export interface ParsedOption {
  spec: OptionSpec;
  /** The name as written, with dashes: `--ti`, `-t`, `--time`. */
  written: string;
  form: 'long' | 'abbreviated' | 'short';
  line: number;
  /** Columns of the name as written (for `-tabc`, just `-t`). */
  nameStart: number;
  nameEnd: number;
  /** The value getopt gives sbatch, after quote removal; undefined when none. */
  value?: string;
  /** Line and columns of each value character (empty for an empty value). */
  valueLine: number;
  valueColumns: number[];
  /** Column where an empty value would be (just past `=`). */
  valueAnchor: number;
  /** True when the value came from the next argument (`--time 10`, maybe on a later line). */
  valueFromNextArg: boolean;
  /** Index of this option among the component's options, in reading order. */
  index: number;
}

export type GetoptProblemKind =
  | 'unknown' // getopt: unrecognized option
  | 'ambiguous' // getopt: option is ambiguous
  | 'missing-value' // getopt: option requires an argument
  | 'unexpected-value' // getopt: option doesn't allow an argument
  | 'not-an-option'; // sbatch: Invalid directive found in batch script

export interface GetoptProblem {
  kind: GetoptProblemKind;
  line: number;
  start: number;
  end: number;
  /** The offending text as written (an option name, or a stray word). */
  written: string;
  /** For `ambiguous`: the long names it could mean. For `missing-value`/`unexpected-value`: the option. */
  candidates?: string[];
  spec?: OptionSpec;
}

export interface GetoptResult {
  options: ParsedOption[];
  problems: GetoptProblem[];
  /** Arguments sbatch never looks at because reading stopped at a stray word. */
  unread: PlacedArg[];
}

/**
 * Long options that share one getopt target, so an abbreviation matching both is not ambiguous
 * (glibc only calls a prefix ambiguous when the candidates differ in has_arg, flag or val).
 */
const SAME_TARGET: Record<string, string> = { 'tasks-per-node': 'ntasks-per-node' };

/**
 * The option a long name sets: its own name, or the name it shares a getopt target with
 * (`tasks-per-node` sets `ntasks-per-node`). Used wherever two spellings must count as one.
 */
export function getoptTarget(name: string): string {
  return SAME_TARGET[name] ?? name;
}

function target(spec: OptionSpec): string {
  return getoptTarget(spec.name);
}

/** Finds the long option glibc's getopt_long would pick for a (maybe abbreviated) name. */
function matchLong(
  name: string,
  catalog: OptionCatalog,
): { spec?: OptionSpec; exact: boolean; ambiguous?: OptionSpec[] } {
  const exact = catalog.byName(name);
  if (exact) return { spec: exact, exact: true };
  if (name === '') return { exact: false };
  const found = catalog.withPrefix(name);
  if (found.length === 0) return { exact: false };
  const first = found[0];
  const argOf = (s: OptionSpec) => catalog.argKind(s);
  const clash = found.some((s) => target(s) !== target(first) || argOf(s) !== argOf(first));
  if (clash) return { exact: false, ambiguous: found };
  return { spec: first, exact: false };
}

function valueOf(arg: DirectiveArg, from: number): { value: string; columns: number[]; anchor: number } {
  const anchor = from < arg.columns.length ? arg.columns[from] : arg.end;
  return { value: arg.text.slice(from), columns: arg.columns.slice(from), anchor };
}

/**
 * Reads one het-job component's arguments the way sbatch's getopt_long call does (option
 * string starts with `+`: reading stops at the first word that is not an option). Unlike
 * sbatch, which exits at the first problem, this reports every problem and keeps going.
 */
export function readOptions(args: PlacedArg[], catalog: OptionCatalog): GetoptResult {
  const result: GetoptResult = { options: [], problems: [], unread: [] };
  let i = 0;
  const add = (o: Omit<ParsedOption, 'index'>) => result.options.push({ ...o, index: result.options.length });
  while (i < args.length) {
    const { line, arg } = args[i];
    const text = arg.text;
    if (text === '--') {
      // getopt stops after `--`; sbatch then calls the next word (if any) an invalid directive.
      i++;
      if (i < args.length) {
        const next = args[i];
        result.problems.push({ kind: 'not-an-option', line: next.line, start: next.arg.start, end: next.arg.end, written: next.arg.text });
        result.unread.push(...args.slice(i + 1));
      }
      return result;
    }
    if (!text.startsWith('-') || text === '-') {
      result.problems.push({ kind: 'not-an-option', line, start: arg.start, end: arg.end, written: text });
      result.unread.push(...args.slice(i + 1));
      return result;
    }
    i++;
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = eq < 0 ? text.slice(2) : text.slice(2, eq);
      const nameEnd = eq < 0 ? arg.end : arg.columns[eq];
      const written = `--${name}`;
      const m = matchLong(name, catalog);
      if (!m.spec) {
        result.problems.push({
          kind: m.ambiguous ? 'ambiguous' : 'unknown',
          line, start: arg.start, end: nameEnd, written,
          candidates: m.ambiguous?.map((s) => s.name),
        });
        continue;
      }
      const spec = m.spec;
      const kind: ArgKind = catalog.argKind(spec);
      const base = { spec, written, form: m.exact ? ('long' as const) : ('abbreviated' as const), line, nameStart: arg.start, nameEnd };
      if (eq >= 0) {
        if (kind === 'none') {
          result.problems.push({ kind: 'unexpected-value', line, start: arg.start, end: arg.end, written, spec });
          continue;
        }
        const v = valueOf(arg, eq + 1);
        add({ ...base, value: v.value, valueLine: line, valueColumns: v.columns, valueAnchor: v.anchor, valueFromNextArg: false });
      } else if (kind === 'required') {
        if (i >= args.length) {
          result.problems.push({ kind: 'missing-value', line, start: arg.start, end: arg.end, written, spec });
          continue;
        }
        const next = args[i++];
        add({ ...base, value: next.arg.text, valueLine: next.line, valueColumns: next.arg.columns, valueAnchor: next.arg.start, valueFromNextArg: true });
      } else {
        add({ ...base, valueLine: line, valueColumns: [], valueAnchor: arg.end, valueFromNextArg: false });
      }
      continue;
    }
    // A cluster of short options: -vN2, -c4, -t 10
    for (let k = 1; k < text.length; k++) {
      const letter = text[k];
      const col = arg.columns[k];
      const written = `-${letter}`;
      const spec = catalog.byShort(letter);
      if (!spec) {
        result.problems.push({ kind: 'unknown', line, start: k === 1 ? arg.start : col, end: col + 1, written });
        continue;
      }
      const kind = catalog.argKind(spec);
      const base = { spec, written, form: 'short' as const, line, nameStart: k === 1 ? arg.start : col, nameEnd: col + 1 };
      if (kind === 'none') {
        add({ ...base, valueLine: line, valueColumns: [], valueAnchor: col + 1, valueFromNextArg: false });
        continue;
      }
      if (k + 1 < text.length) {
        const v = valueOf(arg, k + 1);
        add({ ...base, value: v.value, valueLine: line, valueColumns: v.columns, valueAnchor: v.anchor, valueFromNextArg: false });
      } else if (kind === 'required') {
        if (i >= args.length) {
          result.problems.push({ kind: 'missing-value', line, start: base.nameStart, end: base.nameEnd, written, spec });
        } else {
          const next = args[i++];
          add({ ...base, value: next.arg.text, valueLine: next.line, valueColumns: next.arg.columns, valueAnchor: next.arg.start, valueFromNextArg: true });
        }
      } else {
        add({ ...base, valueLine: line, valueColumns: [], valueAnchor: col + 1, valueFromNextArg: false });
      }
      break;
    }
  }
  return result;
}
