import { argKindIn, optionsInVersion } from './options';
import type { ArgKind, OptionSpec } from './options/types';
import type { TargetVersion } from './versions';

/** An option a site adds to sbatch through a SPANK plugin (e.g. pyxis' `--container-image`). */
export interface SiteOption {
  name: string;
  /** Defaults to `required`. */
  arg?: ArgKind;
  description?: string;
}

/**
 * The options sbatch knows for one target version plus the site's plugin options: what the
 * reader matches names against. Built once per (version, site options) and reused.
 */
export interface OptionCatalog {
  readonly version: TargetVersion;
  byName(name: string): OptionSpec | undefined;
  byShort(letter: string): OptionSpec | undefined;
  /** Long options whose name starts with `prefix`, in table order. */
  withPrefix(prefix: string): OptionSpec[];
  /** The argument kind the option has in this catalog's version. */
  argKind(spec: OptionSpec): ArgKind;
  /** Every option of this catalog. */
  all(): readonly OptionSpec[];
  /** True for options that came from the site's settings rather than from Slurm. */
  isSiteOption(spec: OptionSpec): boolean;
}

function siteSpec(o: SiteOption): OptionSpec {
  const arg = o.arg ?? 'required';
  return {
    name: o.name.replace(/^-+/, ''),
    arg,
    value: arg === 'none' ? 'flag' : 'string',
    documented: true,
    category: 'behaviour',
    summary: o.description ?? 'Option added by a plugin of this site',
    description: o.description ?? 'Declared in the hpcWorkflows.slurm.siteOptions setting: a plugin of this site adds it to sbatch.',
    example: `#SBATCH --${o.name.replace(/^-+/, '')}${arg === 'none' ? '' : '=...'}`,
  };
}

const cache = new Map<string, OptionCatalog>();

/** Returns the catalog for a version and site options (cached). */
export function optionCatalog(version: TargetVersion, siteOptions: readonly SiteOption[] = []): OptionCatalog {
  const key = `${version}\u0000${JSON.stringify(siteOptions)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const site = siteOptions.filter((o) => typeof o?.name === 'string' && o.name.replace(/^-+/, '') !== '').map(siteSpec);
  const siteNames = new Set(site.map((s) => s.name));
  const slurm = optionsInVersion(version).filter((o) => !siteNames.has(o.name));
  const all = [...slurm, ...site].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = new Map(all.map((o) => [o.name, o]));
  const shorts = new Map(all.filter((o) => o.short).map((o) => [o.short as string, o]));
  const siteSet = new Set(site);
  const catalog: OptionCatalog = {
    version,
    byName: (name) => names.get(name),
    byShort: (letter) => shorts.get(letter),
    withPrefix: (prefix) => all.filter((o) => o.name.startsWith(prefix)),
    argKind: (spec) => (siteSet.has(spec) ? spec.arg : argKindIn(spec, version)),
    all: () => all,
    isSiteOption: (spec) => siteSet.has(spec),
  };
  if (cache.size > 32) cache.clear();
  cache.set(key, catalog);
  return catalog;
}
