import type { ValueContext } from '../slurm/values/grammar';
import type { AnalysisSettings } from './types';

/** What a value grammar is told about the site and version, from the analysis settings. */
export function valueContextFor(option: string, settings: AnalysisSettings): ValueContext {
  return { option, version: settings.version, maxArraySize: settings.maxArraySize, maxArraySizeKnown: settings.maxArraySizeKnown, gresTypes: settings.gresTypes };
}
