/**
 * PyYAML's YAML 1.1 base-60 integers, as Snakemake, Maestro and Merlin read their files: a plain
 * `1:30:00` is the number 5400, while a leading 0 (`01:30:00`) keeps it text — unlike the `yaml`
 * package's 1.1 schema, which reads both as numbers.
 */
const SEXAGESIMAL = /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$/;

/** The number PyYAML reads from a plain (unquoted) scalar written like `2:00:00`, or undefined when it reads text. */
export function pyyamlBase60(written: string): number | undefined {
  if (!SEXAGESIMAL.test(written)) return undefined;
  const sign = written.startsWith('-') ? -1 : 1;
  return sign * written.replace(/^[-+]/, '').replace(/_/g, '').split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
}
