/**
 * sbatch's translation of #PBS and #BSUB lines into sbatch options (Slurm's xlate.c), read
 * without running anything: which lines it reads, what each becomes, where it refuses the script.
 */
export { translateForeignDirectives } from './translate';
export { sbatchRewriteFor, type SbatchRewrite } from './rewrite';
export { describeTranslated, sbatchWord } from './format';
export { rangedHostlist } from './hostlist';
export { pbsMailType } from './pbs';
export type {
  ForeignDialect, ForeignLine, ForeignProblem, ForeignProblemKind, ForeignTranslation, IgnoredPart, SourceSpan, TranslateContext, TranslatedOption,
} from './types';
