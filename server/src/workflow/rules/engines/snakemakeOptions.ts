import * as path from 'path';
import profileSchema from '../../../../../schemas/snakemake-profile.schema.json';
import type { Finding } from '../../../core/types';
import { nodeRange } from '../../read/reading';
import { closestName, replaceScalarFix } from '../../schema/fixes';
import type { WorkflowContext, WorkflowRule } from '../../types';
import { topLevelEntries } from './yamlEntries';

interface OptionSchema {
  'x-removed'?: string;
  'x-since'?: string;
}

const OPTIONS = profileSchema.properties as Record<string, OptionSchema>;
const OPTION_NAMES = Object.keys(OPTIONS);
const PLUGIN_PREFIXES: readonly string[] = profileSchema['x-plugin-prefixes'];
/** The key spelling Snakemake reads (the schema's `propertyNames`); other spellings are the schema rule's. */
const WELL_FORMED = new RegExp(profileSchema.propertyNames.pattern);

/** The Snakemake major version a profile file is for, by its name (`config.v8+.yaml`), if it says. */
function profileMajor(file: string): number | undefined {
  const m = /^config\.v(\d+)\+\.ya?ml$/.exec(path.basename(file));
  return m ? Number(m[1]) : undefined;
}

function check(ctx: WorkflowContext): Finding[] {
  if (ctx.format.id !== 'snakemake-profile') return [];
  const out: Finding[] = [];
  const major = profileMajor(ctx.path);
  for (const entry of topLevelEntries(ctx.reading)) {
    const name = entry.key.replace(/^--/, '');
    if (!WELL_FORMED.test(entry.key)) continue;
    const known = OPTIONS[name];
    const range = nodeRange(ctx.reading, entry.keyNode);
    if (known) {
      const removed = known['x-removed'];
      if (major !== undefined && removed !== undefined && major >= Number.parseFloat(removed)) {
        out.push({ code: 'workflow/snakemake-unknown-option', severity: 'warning', range, message: `Snakemake ${removed} removed the option \`--${name}\`; this profile is for Snakemake ${major} and later (its file name says so), which stops with "unrecognized arguments".`, fixes: [] });
      }
      continue;
    }
    if (PLUGIN_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    const meant = closestName(name, OPTION_NAMES);
    const fix = meant ? replaceScalarFix(ctx.reading, entry.keyNode, entry.key.startsWith('--') ? `--${meant}` : meant, `Change to \`${meant}\``) : undefined;
    out.push({
      code: 'workflow/snakemake-unknown-option',
      severity: 'warning',
      range,
      message: `\`${name}\` is not an option of Snakemake or of its SLURM and cluster-generic executor plugins${meant ? `: did you mean \`${meant}\`?` : ''} Snakemake stops with "unrecognized arguments" on an option it does not know.`,
      fixes: fix ? [fix] : [],
    });
  }
  return out;
}

/**
 * `workflow/snakemake-unknown-option`: a profile key that is no option of Snakemake (7 to 9) or of
 * the SLURM and cluster-generic executor plugins, with the nearest option as a fix; options of
 * plugins we do not model (by prefix) are left alone. In a `config.v8+.yaml` profile, options
 * Snakemake 8 removed are reported too.
 */
export const snakemakeUnknownOption: WorkflowRule = {
  meta: { id: 'workflow/snakemake-unknown-option', description: 'A Snakemake profile key that is not a Snakemake option (or one the profile\'s Snakemake version removed): Snakemake stops before running anything', defaultSeverity: 'warning', fixable: true, tip: 12 },
  check,
};
