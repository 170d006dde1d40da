import type { ParsedOption } from '../../slurm/getopt';

/**
 * True when getopt gave an option the next word as its value and that word looks like another
 * option (`#SBATCH --time` followed by `#SBATCH --mem=1G`): the option "swallowed" it. The
 * missing-value rule reports these; the invalid-value rule leaves them alone.
 */
export function swallowedOption(o: ParsedOption): boolean {
  return o.valueFromNextArg && o.value !== undefined && /^--?[A-Za-z]/.test(o.value);
}

/** How an option is written in messages: its full long name. */
export function longName(o: ParsedOption): string {
  return `--${o.spec.name}`;
}
