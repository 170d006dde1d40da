import type { Finding } from '../../core/types';
import type { ShellModel } from '../../shell/model';
import type { TextLines } from '../../slurm/lines';
import { programName } from '../resources/shellWords';
import type { Rule } from '../types';
import { perIterationRedirects, smallFileGlobs, splitsInto } from './perIterationFiles';
import { StoragePlaces } from './storagePlace';
import { unpackOf } from './unpackCommands';

const ID = 'io/small-files';

/** Where to put many small files instead, as messages name it. */
const NODE_LOCAL = 'node-local storage (`$TMPDIR`, `$SLURM_TMPDIR`, `/tmp` or `/dev/shm`, whichever your site provides)';
const TIP = 'tip 11: mind the shared file system';

/** Commands that only arrange files or report progress, around the real work of a job. */
const BOOKKEEPING = new Set([
  'echo', 'printf', 'cd', 'pushd', 'popd', 'mkdir', 'rm', 'rmdir', 'ls', 'date', 'hostname', 'pwd', 'module', 'ml', 'source', '.',
  'set', 'export', 'unset', 'sleep', 'wait', 'du', 'df', 'touch', 'chmod', 'chgrp', 'mv', 'cp', 'rsync', 'cat', 'basename', 'dirname',
  'cut', 'sed', 'awk', 'head', 'tail', 'wc', 'sort', 'uniq', 'grep', 'true', 'false', 'exit', 'test', '[', '[[', 'let', 'read', 'md5sum',
  'sha256sum', 'find', 'xargs', 'ln', 'stat', 'tee', 'trap', 'shopt', 'local', 'declare', 'readonly',
]);

/**
 * True when unpacking is all the job does (besides bookkeeping): a job that stages a data set
 * onto shared storage for later jobs, where unpacking there is the point.
 */
function onlyUnpacks(model: ShellModel): boolean {
  return model.commands.every((c) => unpackOf(c) !== undefined || c.name === undefined || BOOKKEEPING.has(programName(c.name) ?? ''));
}

/** Archives unpacked onto shared storage in every array task, loop iteration or `find -exec` call. */
function unpacks(model: ShellModel, places: StoragePlaces, inArray: boolean): Finding[] {
  const found: Finding[] = [];
  if (onlyUnpacks(model)) return found;
  for (const [index, command] of model.commands.entries()) {
    const u = unpackOf(command);
    if (!u) continue;
    const repeated = u.perItem ? 'once per archive' : command.loops.length > 0 ? 'in every iteration of this loop' : inArray ? 'in every task of this array' : undefined;
    if (!repeated) continue;
    const place = u.destination === undefined ? places.workingDirectory(index) : places.placeOf(u.destination, index);
    if (place !== 'shared') continue;
    const where = u.destination === undefined ? 'the working directory' : u.destination;
    found.push({
      code: ID,
      severity: 'warning',
      range: { start: u.first.range.start, end: u.last.range.end },
      message:
        `${u.tool} writes into ${where}, on shared storage, ${repeated}: creating many small files there is slow and loads the metadata servers every user shares. ` +
        `Unpack into ${NODE_LOCAL} and read from there, or read the archive without unpacking it (${TIP})`,
      fixes: [],
      data: { tool: u.tool, place: where },
    });
  }
  return found;
}

/** Loops that write one file per item, and `split` in loops or array tasks, onto shared storage. */
function perItemFiles(model: ShellModel, places: StoragePlaces, inArray: boolean): Finding[] {
  const found: Finding[] = [];
  for (const w of [...perIterationRedirects(model), ...splitsInto(model, inArray)]) {
    const place = w.target === '' ? places.workingDirectory(w.command) : places.placeOf(w.target, w.command);
    if (place !== 'shared') continue;
    const what = w.how === 'split'
      ? `split writes one file per piece into ${w.target === '' ? 'the working directory' : `${w.target}*`}, on shared storage`
      : `This loop writes one file per item (${w.count} files named ${w.target}), on shared storage`;
    found.push({
      code: ID,
      severity: 'hint',
      range: w.range,
      message: `${what}: many small files are slow to create, list and read back on a parallel file system. Write them to ${NODE_LOCAL} and pack them into one archive (tar) at the end, or append to one file (${TIP})`,
      fixes: [],
      data: { place: w.target, ...(w.count !== undefined ? { files: w.count } : {}) },
    });
  }
  return found;
}

/** Variables whose value is the same in every task of an array. */
const SAME_IN_EVERY_TASK = /^(HOME|USER|SCRATCH|WORK|PROJECT|SLURM_SUBMIT_DIR|SLURM_ARRAY_JOB_ID)$/;

/**
 * True when the text names the same thing in every array task: only variables that are the
 * same everywhere, or that the script sets to such values. A task id, or a variable the script
 * does not set, makes it differ (or leaves it unknown).
 */
function sameInEveryTask(model: ShellModel, text: string, depth = 0): boolean {
  if (depth > 3) return false;
  for (const m of text.matchAll(/\$\{?([A-Za-z_]\w*)/g)) {
    const name = m[1];
    if (SAME_IN_EVERY_TASK.test(name)) continue;
    const values = model.assignments.filter((a) => a.name === name && a.scope !== 'prefix');
    if (values.length === 0 || values.some((a) => /\$\(|`/.test(a.valueText) || !sameInEveryTask(model, a.valueText, depth + 1))) return false;
  }
  return true;
}

/**
 * Loops inside array tasks over one glob of small files on shared storage that every task
 * walks in full: the same files are opened once per task. A glob that differs per task (each
 * task its own folder) reads each file once and is left alone.
 */
function smallFileReads(model: ShellModel, places: StoragePlaces, doc: { text: string; lines: TextLines }): Finding[] {
  const found: Finding[] = [];
  for (const g of smallFileGlobs(model)) {
    if (!sameInEveryTask(model, g.pattern)) continue;
    // A body that picks this task's share (`(( n % N == SLURM_ARRAY_TASK_ID ))`) opens only those files.
    const body = model.loops[g.loop].bodyRange;
    const bodyText = doc.text.slice((doc.lines.starts[body.start.line] ?? 0) + body.start.character, (doc.lines.starts[body.end.line] ?? 0) + body.end.character);
    if (/SLURM_ARRAY_TASK_ID|SLURM_PROCID/.test(bodyText)) continue;
    const first = model.commands.findIndex((c) => c.loops.includes(g.loop));
    const dir = g.pattern.includes('/') ? g.pattern.slice(0, g.pattern.lastIndexOf('/')) : '';
    const place = dir === '' ? places.workingDirectory(first < 0 ? model.commands.length : first) : places.placeOf(dir, first < 0 ? model.commands.length : first);
    if (place !== 'shared') continue;
    found.push({
      code: ID,
      severity: 'hint',
      range: g.word.range,
      message:
        `Every task of this array walks all the small files of ${g.pattern} on shared storage, so each file is opened once per task. ` +
        `Pack the data set once into a few large files (a tar, HDF5, WebDataset shards) that each task reads in one go or copies to ${NODE_LOCAL} (${TIP})`,
      fixes: [],
      data: { pattern: g.pattern },
    });
  }
  return found;
}

/**
 * Many small files on shared storage (tip 11): archives unpacked there in every array task or
 * loop iteration (warning), loops writing one file per item of a long list, `split` in loops or
 * array tasks, and array tasks that all walk the same glob of small files (hints). Places it cannot tell
 * (a variable the script does not set) are left alone. Job scripts only.
 */
export const smallFiles: Rule = {
  meta: { id: ID, description: 'Many small files written or read on shared storage in array tasks or loops', defaultSeverity: 'warning', fixable: false, tip: 11 },
  check({ script, shell }) {
    if (!shell || shell.status !== 'parsed' || script.shape) return [];
    const inArray = script.options.some((o) => o.spec.name === 'array');
    const places = new StoragePlaces(shell, script);
    return [...unpacks(shell, places, inArray), ...perItemFiles(shell, places, inArray), ...(inArray ? smallFileReads(shell, places, script) : [])];
  },
};
