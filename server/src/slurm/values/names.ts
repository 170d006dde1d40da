import type { SlurmVersion } from '../versions';
import type { ValueContext, ValueGrammar, ValueProblem } from './grammar';
import { atLeast, describeVersion, eqNoCase, error, validateAcrossVersions, warning } from './util';

/**
 * Free text and names: values sbatch stores as given (`--job-name`, `--comment`,
 * account/partition/QOS names, `--clusters`, `--wrap`, `--network`), paths
 * (`--chdir`), filename patterns (`--output`, `--error`, `--input`) and
 * `--uid`/`--gid`. Names are the site's, so nothing about them is refused here.
 */

/** Values stored as given. */
export const STRING_GRAMMAR: ValueGrammar = { validate: () => [] };

/** Names the cluster defines (account, partition, qos, reservation, wckey, ...). */
export const NAME_GRAMMAR: ValueGrammar = { validate: () => [] };

/** `--clusters`/`-M`: a comma list of cluster names, or `all`. */
export const CLUSTERS_GRAMMAR: ValueGrammar = {
  validate: () => [],
  describe: (value) => (eqNoCase(value, 'all') ? 'submit to whichever cluster can start the job first' : `submit to ${value.split(',').filter(Boolean).join(' or ')}`),
  completions: () => ['all'],
};

/** `--wrap`: a shell command run by `/bin/sh`. */
export const COMMAND_GRAMMAR: ValueGrammar = {
  validate: (value) => (value.trim() === '' ? [warning('--wrap with an empty command gives a job script that does nothing.')] : []),
};

/** `--network`: read by the site's network plugin. */
export const NETWORK_GRAMMAR: ValueGrammar = { validate: () => [] };

function tildeProblem(value: string): ValueProblem[] {
  if (value.startsWith('~')) {
    return [warning('~ is not expanded in an #SBATCH line: the path is taken literally, relative to the working directory. Write the full path.', 0, 1)];
  }
  return [];
}

/** `--chdir` and other plain paths. */
export const PATH_GRAMMAR: ValueGrammar = {
  validate: (value) => tildeProblem(value),
  describe: (value) => (value.startsWith('/') ? undefined : 'a relative path, taken from the directory you submit from'),
};

const PATTERN_WORDS: Record<string, string> = {
  j: 'job ID', J: 'job ID.step', A: 'array job ID', a: 'array task ID', b: 'array task ID mod 10', x: 'job name', u: 'user name',
  N: 'first node name', n: 'node index', t: 'task rank', s: 'step ID', r: 'restart count', S: 'job SLUID',
};

/** The `%` letters the given series expands in output file names. */
export function patternLetters(version: SlurmVersion): string[] {
  const letters = ['a', 'A', 'j', 'J', 'n', 'N', 's', 't', 'u', 'x'];
  if (atLeast(version, '24.11')) letters.push('b');
  if (atLeast(version, '25.11')) letters.push('r', 'S');
  return letters;
}

/** One piece of a filename pattern. */
type PatternPiece = { text: string } | { letter: string; width: number; start: number; end: number; known: boolean };

/** Splits a filename pattern into text and `%[width]letter` fields. */
export function readFilenamePattern(value: string, version: SlurmVersion): PatternPiece[] {
  const letters = patternLetters(version);
  const pieces: PatternPiece[] = [];
  let text = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '%') {
      text += value[i];
      continue;
    }
    if (value[i + 1] === '%') {
      text += '%';
      i++;
      continue;
    }
    const m = /^(\d*)(.?)/.exec(value.slice(i + 1));
    const digits = m?.[1] ?? '';
    const letter = m?.[2] ?? '';
    if (letter === '') {
      text += value.slice(i);
      break;
    }
    if (text) pieces.push({ text });
    text = '';
    const end = i + 1 + digits.length + 1;
    pieces.push({ letter, width: Math.min(Number(digits || 0), 10), start: i, end, known: letters.includes(letter) });
    i = end - 1;
  }
  if (text) pieces.push({ text });
  return pieces;
}

function validatePatternFor(value: string, version: SlurmVersion): ValueProblem[] {
  if (eqNoCase(value, 'none')) return [];
  const problems = tildeProblem(value);
  if (value.includes('\\')) {
    if (value.includes('%')) problems.push(warning('A backslash anywhere in the name turns off all % patterns: they are kept literally.'));
    return problems;
  }
  for (const piece of readFilenamePattern(value, version)) {
    if ('letter' in piece && !piece.known) {
      problems.push(warning(`%${piece.letter} is not a filename pattern here and is kept as written (patterns: ${patternLetters(version).map((l) => `%${l}`).join(' ')}, %%).`, piece.start, piece.end));
    }
  }
  if (/%\d*$/.test(value.replace(/%%/g, ''))) problems.push(warning('A % at the end is kept as written.'));
  return problems;
}

/** `--output`, `--error`, `--input`. */
export const FILENAME_PATTERN_GRAMMAR: ValueGrammar = {
  validate: (value: string, ctx: ValueContext) => validateAcrossVersions(value, ctx, validatePatternFor),
  describe: (value: string, ctx: ValueContext) => {
    if (eqNoCase(value, 'none')) return 'discarded (/dev/null)';
    if (value.includes('\\')) return `the file ${value.replace(/\\/g, '')} (no pattern expansion)`;
    const shown = readFilenamePattern(value, describeVersion(ctx))
      .map((p) => ('text' in p ? p.text : p.known ? `<${PATTERN_WORDS[p.letter]}${p.width ? `, ${p.width} digits` : ''}>` : `%${p.letter}`))
      .join('');
    return value.startsWith('/') ? shown : `${shown} (relative to the job's working directory)`;
  },
  completions: () => ['slurm-%j.out', '%x-%j.out', '%x-%j.err', 'logs/%x-%A_%a.out', 'none'],
};

function validateIdentity(value: string, version: SlurmVersion, option: string): ValueProblem[] {
  const problems: ValueProblem[] = [];
  if (value === '') return [error(`Invalid --${option} specification: no name or number given.`)];
  if (atLeast(version, '25.05') && (value === 'nobody' || value === '99')) {
    return [error(`--${option} cannot be nobody from Slurm 25.05.`)];
  }
  problems.push(warning(`Only root may use --${option}; sbatch refuses it from other users.`));
  return problems;
}

/** `--uid`. */
export const USER_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateAcrossVersions(value, ctx, (v, version) => validateIdentity(v, version, ctx.option)),
  describe: (value) => (/^\d+$/.test(value) ? `submit as user ID ${value}` : `submit as user ${value}`),
};

/** `--gid`. */
export const GROUP_GRAMMAR: ValueGrammar = {
  validate: (value, ctx) => validateAcrossVersions(value, ctx, (v, version) => validateIdentity(v, version, ctx.option)),
  describe: (value) => (/^\d+$/.test(value) ? `submit with group ID ${value}` : `submit with group ${value}`),
};
