import type { ShellCommand, ShellWord } from '../../shell/model';
import { commandWords, isPython, programName, programPositions, wordText } from '../resources/shellWords';
import type { Rule } from '../types';

const ID = 'io/pip-install-in-job';

/** The verbs of conda-like tools that install packages. */
const CONDA_TOOLS = new Set(['conda', 'mamba', 'micromamba']);
const CONDA_INSTALLS = new Set(['install', 'create', 'update', 'upgrade']);

/** One package installation in the body: the words from the tool through its verb. */
interface Install {
  what: string;
  first: ShellWord;
  last: ShellWord;
}

/**
 * The install a command runs, if any: `pip install`, `python -m pip install`, `uv pip install`,
 * `conda|mamba|micromamba install|create|update`, `conda env create|update`. Installs that need
 * no network (`pip install --no-index`, `conda ... --offline`) and dry runs are not counted: they
 * are the recommended way to build an environment on node-local disk.
 */
function installOf(command: ShellCommand): Install | undefined {
  const words = commandWords(command);
  const texts = words.map(wordText);
  const offline = texts.some((t) => t === '--no-index' || t === '--offline' || t === '--dry-run' || t === '--help' || t === '-h');
  for (const i of programPositions(words)) {
    const name = programName(words[i]);
    if (name === undefined) continue;
    let verbAt: number | undefined;
    if (/^pip(\d+(\.\d+)?)?$/.test(name)) verbAt = i + 1;
    else if (isPython(name) && texts[i + 1] === '-m' && /^pip\d*$/.test(texts[i + 2] ?? '')) verbAt = i + 3;
    else if (name === 'uv' && texts[i + 1] === 'pip') verbAt = i + 2;
    else if (CONDA_TOOLS.has(name)) verbAt = texts[i + 1] === 'env' ? i + 2 : i + 1;
    if (verbAt === undefined) continue;
    const verb = texts[verbAt];
    const installs = CONDA_TOOLS.has(name)
      ? (texts[verbAt - 1] === 'env' ? verb === 'create' || verb === 'update' : CONDA_INSTALLS.has(verb ?? ''))
      : verb === 'install';
    if (!installs || offline) return undefined;
    return { what: texts.slice(i, verbAt + 1).join(' '), first: words[i], last: words[verbAt] };
  }
  return undefined;
}

/** A path of the job's own (node-local, or named by the job): `$SLURM_TMPDIR/env`, `$TMPDIR/venv`, `/tmp/env_$SLURM_JOB_ID`. */
const PER_JOB_PATH = /\$\{?(SLURM_TMPDIR|TMPDIR|TMP|LOCAL_SCRATCH|SLURM_JOB_ID|SLURM_ARRAY_TASK_ID|SLURM_ARRAY_JOB_ID)\b|^["']?\/(tmp|dev\/shm)\//;

/**
 * True when the script makes its environment in a place of its own (`python -m venv
 * $SLURM_TMPDIR/env`, `virtualenv $TMPDIR/x`, `conda create -p $TMPDIR/env`): then the tasks of an
 * array do not share it, and nothing is written to a shared file system.
 */
function perJobEnvironment(commands: ShellCommand[]): boolean {
  return commands.some((command) => {
    const words = commandWords(command);
    const texts = words.map(wordText);
    const name = programName(words[0]);
    let target: ShellWord | undefined;
    if (isPython(name) && texts[1] === '-m' && (texts[2] === 'venv' || texts[2] === 'virtualenv')) target = words.slice(3).find((w) => !wordText(w).startsWith('-'));
    else if (name === 'virtualenv' || (name === 'uv' && texts[1] === 'venv')) target = words.slice(name === 'uv' ? 2 : 1).find((w) => !wordText(w).startsWith('-'));
    else if (name !== undefined && CONDA_TOOLS.has(name)) {
      const p = texts.findIndex((t) => t === '-p' || t === '--prefix');
      target = p > 0 ? words[p + 1] : undefined;
    }
    return target !== undefined && PER_JOB_PATH.test(target.text);
  });
}

/** Programs that only set an environment up (or report on it): a job made of nothing else builds an environment. */
const SETUP_PROGRAMS = new Set([
  'module', 'ml', 'source', '.', 'conda', 'mamba', 'micromamba', 'uv', 'virtualenv', 'pip', 'pip3', 'echo', 'printf', 'set', 'export',
  'unset', 'mkdir', 'cd', 'date', 'hostname', 'which', 'true', 'false', 'rm', 'ln', 'chmod', 'eval', 'cat', 'tee',
]);

/** True for a command that sets an environment up: a setup program, or `python -m pip|venv`, `python -c ...`, `python --version`. */
function isSetupCommand(command: ShellCommand): boolean {
  const name = programName(command.name);
  if (name === undefined) return command.name === undefined;
  if (SETUP_PROGRAMS.has(name) || /^pip\d/.test(name)) return true;
  const first = command.args[0] ? wordText(command.args[0]) : undefined;
  return isPython(name) && (first === '-c' || first === '--version' || first === '-V' || (first === '-m' && /^(pip\d*|venv|virtualenv|ensurepip)$/.test(wordText(command.args[1] ?? command.args[0]))));
}

/**
 * Package installs at run time (`pip install`, `conda install`, `conda env create`, `mamba
 * install`): every run downloads and unpacks thousands of small files, usually onto a shared file
 * system, gets whatever versions are newest that day, and the tasks of an array race to write the
 * same environment. Build the environment once before submitting (or into a container) instead.
 * A job that does nothing but build an environment (no array, no loop around the install) is left
 * alone: that is the "build once" the rule asks for, run where the site wants it run.
 */
export const pipInstallInJob: Rule = {
  meta: { id: ID, description: 'pip/conda/mamba installs packages while the job runs', defaultSeverity: 'warning', fixable: false, tip: 7 },
  check({ script, shell }) {
    if (!shell || shell.status !== 'parsed' || script.shape) return [];
    const isArray = script.options.some((o) => o.spec.name === 'array');
    const installs = shell.commands.flatMap((command) => {
      const install = installOf(command);
      return install ? [{ command, install }] : [];
    });
    if (installs.length === 0) return [];
    // NOTE: an environment-building job (login nodes often forbid long installs) does only setup.
    if (!isArray && installs.every((i) => i.command.loops.length === 0) && shell.commands.every(isSetupCommand)) return [];
    const ownEnvironment = perJobEnvironment(shell.commands);
    return installs.map(({ command, install }) => {
      const race = (isArray || command.loops.length > 0) && !ownEnvironment
        ? ', and the tasks of this array (or loop) race to write the same environment'
        : '';
      const cost = ownEnvironment
        ? 'every run downloads the packages again'
        : 'it downloads and unpacks many small files (slow on a shared file system)';
      return {
        code: ID,
        severity: 'warning' as const,
        range: { start: install.first.range.start, end: install.last.range.end },
        message: `${install.what} while the job runs: ${cost}, and gets whatever versions are newest at run time${race}. Build the environment once before submitting, or use a container`,
        fixes: [],
        data: { install: install.what },
      };
    });
  },
};
