import type { OptionSpec } from '../slurm/options/types';

/** "Slurm 23.02 and later", "Slurm 22.05 to 23.11", or "" when the option exists everywhere. */
export function versionNote(spec: OptionSpec): string {
  if (spec.since && spec.until) return `Slurm ${spec.since} to ${spec.until}`;
  if (spec.since) return `Slurm ${spec.since} and later`;
  if (spec.until) return `Slurm ${spec.until} and earlier`;
  return '';
}

/** The option's name line: `--time` / `-t`, with its value placeholder. */
export function optionSignature(spec: OptionSpec): string {
  const value = spec.arg === 'none' ? '' : spec.arg === 'optional' ? `[=${spec.valueHint ?? 'value'}]` : `=${spec.valueHint ?? 'value'}`;
  return `--${spec.name}${value}${spec.short ? `, -${spec.short}` : ''}`;
}

/**
 * Markdown documentation of one option, written from the option table: used by hover,
 * completion details and the generated docs. `readBack` is the value read back in words.
 */
export function optionMarkdown(spec: OptionSpec, readBack?: { value: string; words: string }): string {
  const parts: string[] = [];
  parts.push(`**\`--${spec.name}\`**${spec.short ? ` (\`-${spec.short}\`)` : ''} — ${spec.summary}`);
  if (readBack) parts.push(`\`${readBack.value}\` = ${readBack.words}`);
  parts.push(spec.description);
  parts.push(`Example: \`${spec.example}\``);
  const facts: string[] = [];
  if (spec.arg !== 'none') facts.push(`Value: \`${spec.valueHint ?? 'text'}\`${spec.arg === 'optional' ? ' (optional; write it after `=`)' : ''}`);
  if (spec.enumValues && spec.enumValues.length > 0) facts.push(`One of: ${spec.enumValues.map((v) => `\`${v}\``).join(', ')}`);
  if (spec.env && spec.env.length > 0) facts.push(`Also set by: ${spec.env.map((v) => `\`${v}\``).join(', ')}`);
  const versions = versionNote(spec);
  if (versions) facts.push(`Available in ${versions}`);
  if (spec.siteDependent) facts.push(`Depends on your site: ${spec.siteDependent}`);
  if (!spec.documented) facts.push('Not described in the sbatch manual page');
  if (facts.length > 0) parts.push(facts.map((f) => `- ${f}`).join('\n'));
  return parts.join('\n\n');
}
