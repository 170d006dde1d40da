import { parseTargetVersion } from '../slurm/versions';
import type { AnalysisSettings } from '../rules/types';
import type { Severity } from '../core/types';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface LintCommand {
  command: 'lint';
  format: OutputFormat;
  fix: boolean;
  paths: string[];
  settings: Partial<AnalysisSettings>;
  /** Only these rules run (empty: all). */
  only: string[];
  configFile?: string;
}

export type CliCommand = LintCommand | { command: 'lsp'; rest: string[] } | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage:
  hpcw lint [options] PATH...     check Slurm job scripts and workflow files (CWL, Nextflow,
                                  Snakemake, Maestro/Merlin); directories are searched
  hpcw lsp --stdio                run the language server (for Neovim, Emacs, Helix, ...)
  hpcw --help | --version

Options of lint:
  --format text|json|sarif        output format (default text)
  --fix                           apply the safe fixes to the files, then report what is left
  --slurm-version V               judge by this Slurm series: 22.05 ... 26.05, master, any (default any)
  --max-array-size N              the site's MaxArraySize (default 1001)
  --gres-types LIST               the site's GresTypes, e.g. gpu,shard (then other names are errors)
  --site-option NAME[=ARG]        an option a site plugin adds to sbatch; ARG is required (default),
                                  optional or none; repeatable
  --rule ID=SEVERITY              set a rule's severity: error, warning, info, hint or off; repeatable
  --only ID                       run only this rule; repeatable
  --config FILE                   read settings from a JSON file ({"slurm": {...}, "rules": {...}})

Exit status: 0 no error-severity finding, 1 at least one, 2 usage or I/O error.`;

/** Thrown for a usage error; the message is shown with the usage text. */
export class UsageError extends Error {}

/** Parses the command line. Throws UsageError with a clear message on bad input. */
export function parseArgs(argv: string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-V') return { command: 'version' };
  if (command === 'lsp') return { command: 'lsp', rest };
  if (command !== 'lint') throw new UsageError(`unknown command "${command}"`);
  const cmd: LintCommand = { command: 'lint', format: 'text', fix: false, paths: [], settings: {}, only: [] };
  const severity: Record<string, Severity | 'off'> = {};
  const siteOptions: NonNullable<AnalysisSettings['siteOptions']> = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const takesValue = ['--format', '--slurm-version', '--max-array-size', '--gres-types', '--site-option', '--rule', '--only', '--config'].includes(flag);
    let value: string | undefined;
    if (takesValue) {
      value = flag !== a ? a.slice(eq + 1) : rest[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
    }
    switch (flag) {
      case '--format':
        if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${value}"`);
        cmd.format = value;
        break;
      case '--fix':
        cmd.fix = true;
        break;
      case '--slurm-version': {
        const v = parseTargetVersion(value as string);
        if (!v) throw new UsageError(`--slurm-version: "${value}" is not a Slurm series this tool knows (22.05 ... 26.05, master, any)`);
        cmd.settings.version = v;
        break;
      }
      case '--max-array-size': {
        const n = Number(value);
        if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-array-size must be a positive whole number, not "${value}"`);
        cmd.settings.maxArraySize = n;
        break;
      }
      case '--gres-types': {
        const names = (value as string).split(',').map((s) => s.trim()).filter((s) => s !== '');
        if (names.length === 0 || names.some((n) => !/^[A-Za-z0-9_.-]+$/.test(n))) throw new UsageError(`--gres-types must be a comma list of GRES names, not "${value}"`);
        cmd.settings.gresTypes = names;
        break;
      }
      case '--site-option': {
        const [name, arg] = (value as string).replace(/^-+/, '').split('=');
        if (!name) throw new UsageError('--site-option needs an option name');
        if (arg !== undefined && arg !== 'required' && arg !== 'optional' && arg !== 'none') throw new UsageError(`--site-option ${name}: ARG must be required, optional or none`);
        siteOptions.push({ name, arg: arg as 'required' | 'optional' | 'none' | undefined });
        break;
      }
      case '--rule': {
        const m = /^([^=]+)=(error|warning|info|hint|off)$/.exec(value as string);
        if (!m) throw new UsageError(`--rule must look like slurm/duplicate-option=off, not "${value}"`);
        severity[m[1]] = m[2] as Severity | 'off';
        break;
      }
      case '--only':
        cmd.only.push(value as string);
        break;
      case '--config':
        cmd.configFile = value;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
        cmd.paths.push(a);
    }
  }
  if (cmd.paths.length === 0) throw new UsageError('lint needs at least one file or directory');
  if (Object.keys(severity).length > 0) cmd.settings.severity = severity;
  if (siteOptions.length > 0) cmd.settings.siteOptions = siteOptions;
  return cmd;
}
