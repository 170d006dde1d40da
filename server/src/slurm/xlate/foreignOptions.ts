import type { OptionCatalog } from '../catalog';
import type { ArgKind, OptionSpec } from '../options/types';
import { compareVersions, type SlurmVersion, type TargetVersion } from '../versions';
import type { ForeignDialect } from './types';

/** One option of the getopt table sbatch uses to read #PBS or #BSUB words. */
interface ForeignOptionDef {
  letter: string;
  /** How the short option takes its argument (from the option string). */
  arg: ArgKind;
  /** Long name, when the table has one, and how it takes its argument (may differ from the short one). */
  long?: string;
  longArg?: ArgKind;
  /** First series that knows the letter (omitted: 22.05). */
  since?: SlurmVersion;
}

const R: ArgKind = 'required';
const N: ArgKind = 'none';

/** qsub options sbatch knows in #PBS lines (option string `+a:A:c:C:d:e:hIj:J:k:l:m:M:N:o:p:q:r:S:t:u:v:VW:w:z`). */
const PBS_OPTIONS: ForeignOptionDef[] = [
  { letter: 'a', arg: R, long: 'start_time' },
  { letter: 'A', arg: R, long: 'account' },
  { letter: 'c', arg: R, long: 'checkpoint' },
  { letter: 'C', arg: R, long: 'working_dir' },
  { letter: 'd', arg: R, since: '23.02' },
  { letter: 'e', arg: R, long: 'error' },
  { letter: 'h', arg: N, long: 'hold' },
  { letter: 'I', arg: N, long: 'interactive' },
  // NOTE: `-j` needs a value but `--join` takes one only after `=`: the two tables disagree.
  { letter: 'j', arg: R, long: 'join', longArg: 'optional' },
  { letter: 'J', arg: R, long: 'job_array' },
  { letter: 'k', arg: R, long: 'keep' },
  { letter: 'l', arg: R, long: 'resource_list' },
  { letter: 'm', arg: R, long: 'mail_options' },
  { letter: 'M', arg: R, long: 'mail_user_list' },
  { letter: 'N', arg: R, long: 'job_name' },
  { letter: 'o', arg: R, long: 'out' },
  { letter: 'p', arg: R, long: 'priority' },
  { letter: 'q', arg: R, long: 'destination' },
  { letter: 'r', arg: R, long: 'rerunable' },
  { letter: 'S', arg: R, long: 'script_path' },
  { letter: 't', arg: R, long: 'array' },
  { letter: 'u', arg: R, long: 'running_user' },
  { letter: 'v', arg: R, long: 'variable_list' },
  { letter: 'V', arg: N, long: 'all_env' },
  { letter: 'W', arg: R, long: 'attributes' },
  { letter: 'w', arg: R, since: '23.02' },
  { letter: 'z', arg: N, long: 'no_std' },
];

/** bsub options sbatch knows in #BSUB lines (option string `+c:e:J:m:M:n:o:q:W:x`). */
const BSUB_OPTIONS: ForeignOptionDef[] = [
  { letter: 'c', arg: R, long: 'cwd' },
  { letter: 'e', arg: R, long: 'error_file' },
  { letter: 'J', arg: R, long: 'job_name' },
  { letter: 'm', arg: R, long: 'hostname' },
  { letter: 'M', arg: R, long: 'memory_limit' },
  { letter: 'n', arg: R },
  { letter: 'o', arg: R, long: 'output_file' },
  { letter: 'q', arg: R, long: 'queue_name' },
  { letter: 'W', arg: R, long: 'time' },
  { letter: 'x', arg: N, long: 'exclusive' },
];

function spec(name: string, letter: string, arg: ArgKind): OptionSpec {
  return { name, short: letter, arg, value: 'string', documented: true, category: 'behaviour', summary: '', description: '', example: '' };
}

function inVersion(def: ForeignOptionDef, version: TargetVersion): boolean {
  return def.since === undefined || version === 'any' || compareVersions(version, def.since) >= 0;
}

/**
 * The getopt table sbatch reads #PBS or #BSUB words with, shaped as an option catalog so the
 * #SBATCH reader (readOptions) can read them. Option names are the foreign ones; each spec's
 * `short` is the letter sbatch's translation switches on.
 */
export function foreignCatalog(dialect: ForeignDialect, version: TargetVersion): OptionCatalog {
  const defs = (dialect === 'pbs' ? PBS_OPTIONS : BSUB_OPTIONS).filter((d) => inVersion(d, version));
  const shorts = new Map(defs.map((d) => [d.letter, spec(d.long ?? d.letter, d.letter, d.arg)]));
  const longs = defs.filter((d) => d.long !== undefined).map((d) => spec(d.long as string, d.letter, d.longArg ?? d.arg));
  const byName = new Map(longs.map((s) => [s.name, s]));
  return {
    version,
    byName: (name) => byName.get(name),
    byShort: (letter) => shorts.get(letter),
    withPrefix: (prefix) => longs.filter((s) => s.name.startsWith(prefix)),
    argKind: (s) => s.arg,
    all: () => longs,
    isSiteOption: () => false,
  };
}

/** True when the letter is a qsub option sbatch translates only from Slurm 23.02 on. */
export function pbsLetterSince2302(letter: string): boolean {
  return PBS_OPTIONS.some((d) => d.letter === letter && d.since === '23.02');
}
