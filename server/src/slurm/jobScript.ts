import type { OptionCatalog } from './catalog';
import { readOptions, type GetoptProblem, type ParsedOption, type PlacedArg } from './getopt';
import { scanJobScript, type ScannedScript } from './scanner';

/** The options of one het-job component as getopt reads them. */
export interface ComponentOptions {
  index: number;
  options: ParsedOption[];
  problems: GetoptProblem[];
  unread: PlacedArg[];
}

/** A job script read the way sbatch reads it: structure, directives and options. */
export interface JobScript extends ScannedScript {
  catalog: OptionCatalog;
  components: ComponentOptions[];
  /** Every option of every component, in reading order. */
  options: ParsedOption[];
}

/**
 * Reads a job script: finds its directives, splits them into arguments and matches those
 * against the catalog's options, per het-job component. Pure and total: any text gives a result.
 */
export function parseJobScript(text: string, catalog: OptionCatalog): JobScript {
  const scanned = scanJobScript(text);
  const byComponent = new Map<number, PlacedArg[]>();
  for (const d of scanned.directives) {
    // NOTE: sbatch exits at the first fatal problem (an unmatched quote, a stray ':'); we keep
    // reading the words it would have read anyway, so one run reports every problem.
    const list = byComponent.get(d.component) ?? [];
    byComponent.set(d.component, list);
    for (const arg of d.split.args) list.push({ line: d.line, arg });
  }
  const components: ComponentOptions[] = [];
  for (const [index, args] of [...byComponent.entries()].sort((a, b) => a[0] - b[0])) {
    const read = readOptions(args, catalog);
    components.push({ index, ...read });
  }
  return { ...scanned, catalog, components, options: components.flatMap((c) => c.options) };
}
