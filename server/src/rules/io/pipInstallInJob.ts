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

/**
 * Package installs at run time (`pip install`, `conda install`, `conda env create`, `mamba
 * install`): every run downloads and unpacks thousands of small files, usually onto a shared file
 * system, gets whatever versions are newest that day, and the tasks of an array race to write the
 * same environment. Build the environment once before submitting (or into a container) instead.
 */
export const pipInstallInJob: Rule = {
  meta: { id: ID, description: 'pip/conda/mamba installs packages while the job runs', defaultSeverity: 'warning', fixable: false, tip: 7 },
  check({ script, shell }) {
    if (!shell || shell.status !== 'parsed' || script.shape) return [];
    const isArray = script.options.some((o) => o.spec.name === 'array');
    const found = [];
    for (const command of shell.commands) {
      const install = installOf(command);
      if (!install) continue;
      const race = isArray || command.loops.length > 0
        ? ', and the tasks of this array (or loop) race to write the same environment'
        : '';
      found.push({
        code: ID,
        severity: 'warning' as const,
        range: { start: install.first.range.start, end: install.last.range.end },
        message: `${install.what} while the job runs: it downloads and unpacks many small files (slow on a shared file system), and gets whatever versions are newest at run time${race}. Build the environment once before submitting, or use a container`,
        fixes: [],
        data: { install: install.what },
      });
    }
    return found;
  },
};
