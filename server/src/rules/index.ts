import { outputClobber } from './array/outputClobber';
import { submitLoop } from './array/submitLoop';
import { tooLarge } from './array/tooLarge';
import { unthrottled } from './array/unthrottled';
import { bindAfterImage } from './container/bindAfterImage';
import { gpuWithoutNv } from './container/gpuWithoutNv';
import { missingBind } from './container/missingBind';
import { unpinnedImage } from './container/unpinnedImage';
import { unchainedSubmit } from './feedback/unchainedSubmit';
import { pipInstallInJob } from './io/pipInstallInJob';
import { smallFiles } from './io/smallFiles';
import { gpuNotRequested } from './resources/gpuNotRequested';
import { missingTime } from './resources/missingTime';
import { threadsMismatch } from './resources/threadsMismatch';
import { abbreviatedOption } from './slurm/abbreviatedOption';
import { arrayPatternWithoutArray } from './slurm/arrayPatternWithoutArray';
import { conflictingOptions } from './slurm/conflictingOptions';
import { directiveSyntax } from './slurm/directiveSyntax';
import { duplicateOption } from './slurm/duplicateOption';
import { foreignDirective } from './slurm/foreignDirective';
import { ignoredDirective } from './slurm/ignoredDirective';
import { impossibleTimes } from './slurm/impossibleTimes';
import { ignoredOption } from './slurm/ignoredOption';
import { invalidValue } from './slurm/invalidValue';
import { legacyPrefix } from './slurm/legacyPrefix';
import { missingRequiredOption } from './slurm/missingRequiredOption';
import { missingValue } from './slurm/missingValue';
import { notABatchScript } from './slurm/notABatchScript';
import { unexpandedVariable } from './slurm/unexpandedVariable';
import { unknownOption } from './slurm/unknownOption';
import { considerEngine } from './workflow/considerEngine';
import type { Rule } from './types';

/** Every job-script rule, in the order their findings are reported for one position. */
export const JOB_SCRIPT_RULES: readonly Rule[] = [
  notABatchScript,
  directiveSyntax,
  unknownOption,
  missingValue,
  invalidValue,
  conflictingOptions,
  missingRequiredOption,
  impossibleTimes,
  ignoredDirective,
  ignoredOption,
  legacyPrefix,
  unexpandedVariable,
  duplicateOption,
  arrayPatternWithoutArray,
  abbreviatedOption,
  foreignDirective,
  tooLarge,
  outputClobber,
  unthrottled,
  submitLoop,
  missingTime,
  gpuNotRequested,
  threadsMismatch,
  pipInstallInJob,
  missingBind,
  bindAfterImage,
  gpuWithoutNv,
  unpinnedImage,
  unchainedSubmit,
  considerEngine,
  smallFiles,
];

/** Where the docs of a rule live: `docs/rules/<id>.md` in the project's repository. */
export const DOCS_BASE = 'https://github.com/hpc-workflows/vscode-hpc-workflows/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function ruleById(id: string): Rule | undefined {
  return JOB_SCRIPT_RULES.find((r) => r.meta.id === id);
}
