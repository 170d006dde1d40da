import type { TranslatedOption } from './types';

/** True when sbatch's word splitting would change a value written bare (blanks, quotes, `\`, `#`). */
function needsQuotes(value: string): boolean {
  return value === '' || /[\s'"\\#]/.test(value);
}

/** A value as it must be written in an #SBATCH line to reach sbatch unchanged. */
export function quoteForDirective(value: string): string {
  return needsQuotes(value) ? `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"` : value;
}

/** An sbatch option as an #SBATCH word: `--time=02:00:00`, `--hold`, `--job-name="a b"`. */
export function sbatchWord(option: string, value: string | undefined): string {
  return value === undefined ? `--${option}` : `--${option}=${quoteForDirective(value)}`;
}

/** How a translated option reads in messages: the #SBATCH word, or `umask 022` for the hidden one. */
export function describeTranslated(t: TranslatedOption): string {
  return t.hidden ? `umask ${t.value ?? ''}` : sbatchWord(t.option, t.value);
}


/** Options whose translation builds on the value already set (`-v` adds to --export), never replacing it. */
export const ACCUMULATING = new Set(['export', 'constraint', 'gres']);
