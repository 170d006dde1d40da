import type { ParsedOption } from '../getopt';
import type { TranslationBuilder } from './builder';
import { cStrtol, translateResourceList } from './pbsResources';

/** qsub options sbatch reads and drops: the warning to give, or undefined when nothing is lost. */
const DROPPED: Record<string, (value: string | undefined) => string | undefined> = {
  c: () => 'sbatch ignores -c (checkpointing); Slurm has no checkpoint option for batch jobs',
  C: () => undefined, // the directive prefix: meaningless once sbatch reads the script
  I: () => 'sbatch ignores -I: the job runs as a batch job, not interactively (use salloc or srun --pty for that)',
  // Slurm writes both streams to the output file unless --error is given, as -j oe asks.
  j: (v) => (v === undefined || /o/i.test(v) ? undefined : `sbatch ignores -j ${v}; Slurm writes errors to the output file unless --error is given`),
  k: (v) => `sbatch ignores -k ${v ?? ''}; Slurm writes the output files where --output and --error say, from the start of the job`,
  r: (v) => `sbatch ignores -r ${v ?? ''}; whether Slurm may requeue the job is set by --requeue or --no-requeue (default: the site's JobRequeue)`,
  S: (v) => `sbatch ignores -S ${v ?? ''}; the job runs under the interpreter of its #! line`,
  u: (v) => `sbatch ignores -u ${v ?? ''}; the job runs as the user who submits it`,
  V: () => undefined, // Slurm passes the submitting environment by default
  z: () => undefined,
};

/** The mail types of `-m`: any of a/b/e (abort, begin, end) in any case, or NONE when n is among them. */
export function pbsMailType(arg: string): string | undefined {
  if (/n/i.test(arg)) return 'NONE';
  const types = [/b/i.test(arg) ? 'BEGIN' : '', /e/i.test(arg) ? 'END' : '', /a/i.test(arg) ? 'FAIL' : ''].filter((t) => t !== '');
  return types.length > 0 ? types.join(',') : undefined;
}

/** `-W umask=`: sbatch reads the number as C's strtol with base 0 (octal after a leading 0). */
function umaskValue(text: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(text);
  if (!m) return 0;
  const digits = m[2];
  const n = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.startsWith('0') ? parseInt(digits, 8) || 0 : parseInt(digits, 10);
  return m[1] === '-' ? -n : n;
}

function attribute(o: ParsedOption, b: TranslationBuilder, v: string): void {
  const lower = v.toLowerCase();
  if (lower.startsWith('umask=')) {
    const text = v.slice(6);
    const mask = umaskValue(text);
    b.emit(o, 'umask', text, [6, v.length], { hidden: true });
    if (mask < 0 || mask > 0o777) b.problem('invalid-value', 'error', `sbatch refuses the script: umask=${text} is not a umask between 0 and 0777`, b.valueSpan(o, [6, v.length]));
  } else if (lower.startsWith('depend=')) {
    b.emit(o, 'dependency', v.slice(7), [7, v.length]);
  } else {
    b.ignore(o, undefined, `sbatch ignores the PBS attribute ${v} (it translates only umask= and depend=)`);
  }
}

/**
 * Translates one qsub option of a #PBS line into the sbatch options sbatch's translation sets,
 * with the checks and warnings that go with it.
 */
export function translatePbsOption(o: ParsedOption, b: TranslationBuilder): void {
  const letter = o.spec.short ?? '';
  const v = o.value ?? '';
  switch (letter) {
    case 'a': {
      const { refused } = b.emit(o, 'begin', v);
      if (!refused && /^\d+(\.\d+)?$/.test(v)) {
        b.problem('questionable-value', 'warning', `qsub reads -a ${v} as [[[[CC]YY]MM]DD]hhmm[.SS], but sbatch passes it to --begin, which reads digits alone as a date (MMDD or MMDDYY)`, b.valueSpan(o));
      }
      return;
    }
    case 'A':
      b.emit(o, 'account', v);
      return;
    case 'e':
      b.emit(o, 'error', v);
      return;
    case 'o':
      b.emit(o, 'output', v);
      return;
    case 'd':
    case 'w':
      b.emit(o, 'chdir', v);
      return;
    case 'h':
      b.emit(o, 'hold', undefined);
      return;
    case 'J':
    case 't':
      b.emit(o, 'array', v);
      return;
    case 'l':
      translateResourceList(o, b);
      return;
    case 'm': {
      const types = pbsMailType(v);
      if (types === undefined) b.problem('invalid-value', 'error', `sbatch refuses the script: -m ${v} names none of the mail events a, b, e or n, so it has no --mail-type to set`, b.valueSpan(o));
      else b.emit(o, 'mail-type', types);
      return;
    }
    case 'M':
      b.emit(o, 'mail-user', v);
      return;
    case 'N':
      b.emit(o, 'job-name', v);
      return;
    case 'p': {
      const { refused } = b.emit(o, 'nice', v);
      if (!refused && cStrtol(v) !== 0) {
        b.problem('questionable-value', 'warning', `qsub -p ${v} is a priority where larger means sooner, but sbatch makes it --nice=${v}, where larger means later`, b.valueSpan(o));
      }
      return;
    }
    case 'q':
      b.emit(o, 'partition', v);
      return;
    case 'v': {
      const current = b.current('export');
      b.emit(o, 'export', current !== undefined ? `${current},${v}` : v, undefined, { added: v });
      return;
    }
    case 'W':
      attribute(o, b, v);
      return;
    default: {
      const warn = DROPPED[letter];
      b.ignore(o, undefined, warn ? warn(o.value) : undefined);
    }
  }
}
