import type { JobScript } from '../slurm/jobScript';
import { translateForeignDirectives, type ForeignTranslation, type TranslatedOption } from '../slurm/xlate';
import type { AnalysisSettings } from './types';

/** One translation per read script and settings, shared by every rule that needs it. */
const memo = new WeakMap<JobScript, { settings: AnalysisSettings; translation: ForeignTranslation }>();

/**
 * sbatch's translation of the script's #PBS / #BSUB lines, computed once per analysis. sbatch
 * translates while reading the first component, before the #SBATCH lines of the others, so only
 * an --ignore-pbs of the first component stops it.
 */
export function foreignTranslation(script: JobScript, settings: AnalysisSettings): ForeignTranslation {
  const hit = memo.get(script);
  if (hit && hit.settings === settings) return hit.translation;
  const first = script.components.find((c) => c.index === 0);
  const ignorePbs = first !== undefined && first.options.some((o) => o.spec.name === 'ignore-pbs');
  const translation = translateForeignDirectives(script, ignorePbs, {
    sbatchOptions: script.options, version: settings.version, maxArraySize: settings.maxArraySize, maxArraySizeKnown: settings.maxArraySizeKnown,
  });
  memo.set(script, { settings, translation });
  return translation;
}

/**
 * The sbatch options that the script's #PBS or #BSUB lines become (sbatch applies them after the
 * #SBATCH lines), for rules that must see every option the job gets. Empty when the first
 * component has `--ignore-pbs` or the script has no such lines.
 */
export function translatedOptions(script: JobScript, settings: AnalysisSettings): TranslatedOption[] {
  return foreignTranslation(script, settings).options;
}
