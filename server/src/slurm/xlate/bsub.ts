import type { ParsedOption } from '../getopt';
import type { TranslationBuilder } from './builder';

/**
 * Translates one bsub option of a #BSUB line into the sbatch option sbatch's translation sets,
 * with the checks and warnings that go with it.
 */
export function translateBsubOption(o: ParsedOption, b: TranslationBuilder): void {
  const letter = o.spec.short ?? '';
  const v = o.value ?? '';
  switch (letter) {
    case 'c':
      b.emit(o, 'chdir', v);
      if (o.written === '-c' && v === 'wd' && !o.valueFromNextArg && b.nameOf(o) === '-c') {
        b.problem('questionable-value', 'warning', 'sbatch reads this -cwd as -c wd (--chdir=wd): it rewrites -cwd only when an even number of #BSUB words come before it', b.nameSpan(o));
      }
      return;
    case 'e':
      b.emit(o, 'error', v);
      return;
    case 'J':
      b.emit(o, 'job-name', v);
      return;
    case 'o':
      b.emit(o, 'output', v);
      return;
    case 'm':
      // LSF separates hosts with blanks; sbatch turns them into commas.
      b.emit(o, 'nodelist', v.replace(/ /g, ','));
      return;
    case 'M': {
      const bare = /[0-9]$/.test(v);
      const { refused } = b.emit(o, 'mem-per-cpu', bare ? `${v}K` : v);
      if (bare && !refused) {
        b.problem('questionable-value', 'warning', `sbatch reads -M ${v} in kilobytes (--mem-per-cpu=${v}K), LSF's old default; sites that count -M in megabytes mean ${v}M: write the unit`, b.valueSpan(o));
      }
      return;
    }
    case 'n': {
      // `min,max`: sbatch asks for the maximum.
      const comma = v.indexOf(',');
      const max = comma >= 0 ? v.slice(comma + 1) : v;
      if (comma >= 0 && max === '') {
        b.problem('invalid-value', 'error', `sbatch refuses the script: -n ${v} has nothing after the comma (bsub's form is min,max)`, b.valueSpan(o));
        return;
      }
      b.emit(o, 'ntasks', max);
      return;
    }
    case 'q':
      b.emit(o, 'partition', v);
      return;
    case 'W': {
      const { refused } = b.emit(o, 'time', v);
      if (!refused && /^\d+:\d+$/.test(v)) {
        b.problem('questionable-value', 'warning', `LSF reads -W ${v} as hours:minutes, but sbatch passes it to --time, which reads minutes:seconds; --time=${v}:00 asks for ${v.split(':')[0]} hours ${v.split(':')[1]} minutes`, b.valueSpan(o));
      }
      return;
    }
    case 'x':
      b.emit(o, 'exclusive', undefined);
      return;
    default:
      b.ignore(o, undefined);
  }
}
