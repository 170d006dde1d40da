import type { JobScript } from '../slurm/jobScript';
import { translateForeignDirectives, type TranslatedOption } from '../slurm/xlate';
import type { AnalysisSettings } from './types';

/**
 * The sbatch options that the script's #PBS or #BSUB lines become (sbatch applies them after the
 * #SBATCH lines), for rules that must see every option the job gets. Empty when the first
 * component has `--ignore-pbs` (which stops the translation) or the script has no such lines.
 */
export function translatedOptions(script: JobScript, settings: AnalysisSettings): TranslatedOption[] {
  const first = script.components.find((c) => c.index === 0);
  const ignorePbs = first !== undefined && first.options.some((o) => o.spec.name === 'ignore-pbs');
  return translateForeignDirectives(script, ignorePbs, {
    sbatchOptions: script.options, version: settings.version, maxArraySize: settings.maxArraySize, maxArraySizeKnown: settings.maxArraySizeKnown,
  }).options;
}
