import { lineRange, type Finding } from '../../core/types';
import type { ShellModel } from '../../shell/model';
import type { Rule } from '../types';
import { BIND_ENV, UNKNOWN, containerInvocations, markUnknown, misplacedOptions, type ContainerInvocation, type ContainerOption } from './invocation';

const ID = 'container/missing-bind';

/**
 * Top directories a host path under which is either bound by Apptainer's default configuration
 * (`/tmp`, `/var/tmp`, `/proc`, `/sys`, `/dev`, `/etc/hosts`, `/etc/localtime`, `$HOME` which is
 * under `/home` or `/root` on most clusters) or most likely belongs to the container's own file
 * system (`/usr`, `/opt`, `/bin`, ...). Paths there are never reported.
 */
const NOT_REPORTED = new Set([
  'tmp', 'var', 'proc', 'sys', 'dev', 'etc', 'home', 'root', 'run',
  'usr', 'opt', 'bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32', 'srv', 'app', 'apps', 'workspace',
]);

/**
 * A bound directory as far as it is known: `/scratch/$USER` becomes `/scratch` (anything under it
 * may be bound), and a path unknown from its start becomes `` (which covers every path).
 */
function knownDirectory(path: string): string {
  const cut = path.indexOf(UNKNOWN);
  if (cut < 0) return path;
  const known = path.slice(0, cut);
  return known.slice(0, Math.max(0, known.lastIndexOf('/')));
}

/** The value written in the option's own word (`--bind=V`, `-BV`), expansions marked. */
function attachedValue(shell: ShellModel, inv: ContainerInvocation, o: ContainerOption): string | undefined {
  const marked = markUnknown(shell, o.word, inv.command);
  if (marked === undefined) return undefined;
  return marked.startsWith('--') ? marked.slice(marked.indexOf('=') + 1) : marked.slice(2);
}

/** The host and container directories given by `--bind`/`-B` (`src[:dest[:opts]]`, comma lists) and `--mount` options. */
function boundPaths(inv: ContainerInvocation, options: ContainerOption[], shell: ShellModel): string[] {
  const found: string[] = [];
  for (const o of options) {
    // An overlay image (`--overlay env.ext3:ro`) may hold any directory (a conda env at /ext3).
    if (o.name === 'overlay') return [''];
    if (o.name !== 'bind' && o.name !== 'mount') continue;
    const text = o.valueWord ? markUnknown(shell, o.valueWord, inv.command) : attachedValue(shell, inv, o);
    // A value we cannot read at all may bind anything.
    if (text === undefined) return [''];
    if (o.name === 'bind') {
      for (const spec of text.split(',')) {
        const [src, dest] = spec.split(':');
        if (src) found.push(knownDirectory(src));
        if (dest) found.push(knownDirectory(dest));
      }
    } else {
      for (const field of text.split(',')) {
        const m = /^(?:src|source|dst|destination|target)=(.*)$/.exec(field);
        if (m) found.push(knownDirectory(m[1]));
      }
    }
  }
  return found;
}

/** True when `path` is `dir` or lies under it. */
function under(path: string, dir: string): boolean {
  const d = dir.replace(/\/+$/, '');
  return d === '' || path === d || path.startsWith(`${d}/`);
}

/**
 * The directory to bind for a host path: its first two components when it has at least three
 * or is known to be a directory (so the second is certainly a directory, e.g. `/scratch/alice` for
 * `/scratch/alice/in.h5`), else its first component (`/data` for `/data/in.h5`).
 */
export function bindTarget(path: string, isDirectory = false): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.length >= 3 || (isDirectory && parts.length === 2) ? `/${parts[0]}/${parts[1]}` : `/${parts[0]}`;
}

/** The absolute host paths in one word (expansions marked): at its start, or after `=`, `:`, `,` or a blank (`bash -c "..."`). */
function pathsIn(text: string): { path: string; isDirectory: boolean }[] {
  const found: { path: string; isDirectory: boolean }[] = [];
  const re = /(?:^|[=:,\s])(\/[^\s=:,;|&<>()"']*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // A path that goes on with something run-dependent (`/data/in_$i`) is cut to its known directory.
    const cut = m[1].indexOf(UNKNOWN);
    const known = cut < 0 ? m[1] : m[1].slice(0, m[1].lastIndexOf('/', cut));
    const p = known.replace(/\/+$/, '');
    if (p !== '' && !p.startsWith('//')) found.push({ path: p, isDirectory: cut >= 0 });
  }
  return found;
}

/**
 * An `apptainer|singularity exec|run` whose command names a host path (written out or held in a
 * variable set in the script) that no default bind, `--bind` or `--mount` brings into the
 * container: inside it that path does not exist (or is the image's own directory).
 */
export const missingBind: Rule = {
  meta: { id: ID, description: 'A container command uses a host path that is not bound into the container', defaultSeverity: 'warning', fixable: true, tip: 7 },
  check({ shell }) {
    if (!shell || shell.status !== 'parsed') return [];
    // A bind list set for every start (APPTAINER_BIND=...) is honoured when it is known; an
    // unknown one may cover anything.
    const envBinds: string[] = [];
    for (const name of BIND_ENV) {
      if (!shell.assignments.some((a) => a.name === name)) continue;
      for (const a of shell.assignments.filter((x) => x.name === name)) {
        if (a.value === undefined) return []; // an unknown bind list may cover anything
        for (const spec of a.value.split(',')) envBinds.push(...spec.split(':').slice(0, 2).filter((p) => p !== ''));
      }
    }
    const findings: Finding[] = [];
    for (const inv of containerInvocations(shell)) {
      if (inv.verb.value === 'shell' || inv.image === undefined) continue;
      // Options written after the image are bind-after-image's finding; their binds count as
      // meant, and their own words are not paths the command uses.
      const misplaced = misplacedOptions(inv);
      const optionWords = new Set(misplaced.flatMap((o) => (o.valueWord ? [o.word, o.valueWord] : [o.word])));
      const covered = [...boundPaths(inv, inv.options, shell), ...boundPaths(inv, misplaced, shell), ...envBinds];
      const reported = new Set<string>();
      for (const word of inv.rest) {
        if (optionWords.has(word)) continue;
        const marked = markUnknown(shell, word, inv.command);
        if (marked === undefined) continue;
        for (const { path, isDirectory } of pathsIn(marked)) {
          const top = path.split('/')[1];
          if (NOT_REPORTED.has(top) || covered.some((b) => under(path, b))) continue;
          const target = bindTarget(path, isDirectory);
          if (reported.has(target)) continue;
          reported.add(target);
          const viaVariable = word.value === undefined ? ` (from ${word.text})` : '';
          const verbEnd = inv.verb.range.end;
          findings.push({
            code: ID,
            severity: 'warning',
            range: word.range,
            message: `${isDirectory ? `${path}/...` : path}${viaVariable} is a host path that ${inv.tool} does not bind into the container by default and no --bind covers; inside the container it is missing. Bind it, e.g. --bind ${target}`,
            // NOTE: not safe: binding a directory changes what the container sees (it may hide
            // the image's own directory of that name), and the directory must exist on every node.
            fixes: [{ title: `Bind ${target} into the container (--bind ${target})`, edits: [{ range: lineRange(verbEnd.line, verbEnd.character, verbEnd.character), newText: ` --bind ${target}` }], isPreferred: true, safe: false }],
            data: { path, bind: target },
          });
        }
      }
    }
    return findings;
  },
};
