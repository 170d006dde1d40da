/**
 * Says whether a path in a job script lies on node-local storage (`$TMPDIR`, `/tmp`, `/dev/shm`,
 * `$(mktemp -d)`, `/local...`) or on shared storage (a relative path in the submit directory,
 * `$HOME`, `$SCRATCH`, `/project/...`), following variables the script assigns and the working
 * directory `cd`/`pushd` set. Undefined when it cannot tell: rules then stay quiet. Pure.
 */
import type { ShellAssignment, ShellModel } from '../../shell/model';
import type { JobScript } from '../../slurm/jobScript';
import { commandWords, programName, wordText } from '../resources/shellWords';

/** Where a path lies: on this node only, or on storage every node shares. */
export type StoragePlace = 'local' | 'shared';

/** Variables that name node-local storage at the sites that set them. */
const LOCAL_VARIABLE = /^(TMPDIR|TMP|TEMP|TEMPDIR|SLURM_TMPDIR|SLURM_JOB_TMP|JOBTMPDIR|LOCAL\w*|L?SCRATCH_LOCAL|LSCRATCH|LOCALSCRATCH|\w*_LOCAL(_\w+)?|BBPATH|DW_JOB_STRIPED|XDG_RUNTIME_DIR)$/;
/** Variables that name shared storage. */
const SHARED_VARIABLE = /^(HOME|SCRATCH|WORK|WORKDIR|PROJECT|PROJECTS|STORE|DATA|SLURM_SUBMIT_DIR|GROUP_HOME|GROUP_SCRATCH|PSCRATCH|CSCRATCH|WRKDIR|USERWORK|GSCRATCH)$/;
/** Absolute paths on node-local storage. */
const LOCAL_PATH = /^\/(tmp|dev\/shm|var\/tmp|local\w*|lscratch|localscratch|scratch[-_]?local|scratch\/local|mnt\/local\w*|ssd\w*|nvme\w*|run\/user)(\/|$)/;

/** The variable a text starts with (`${TMPDIR:-/tmp}/x` -> TMPDIR), its default and the rest. */
function leadingVariable(text: string): { name: string; fallback?: string } | undefined {
  const braced = /^\$\{([A-Za-z_]\w*)(?::?[-=]([^}]*))?\}/.exec(text);
  if (braced) return { name: braced[1], ...(braced[2] !== undefined ? { fallback: braced[2] } : {}) };
  const plain = /^\$([A-Za-z_]\w*)/.exec(text);
  return plain ? { name: plain[1] } : undefined;
}

/** Reads where paths of one job script lie. */
export class StoragePlaces {
  /** The script's assignments by variable name (prefix assignments left out). */
  private readonly assignments = new Map<string, ShellAssignment[]>();
  /** The working directory's place before each command runs (index = command index; one more at the end). */
  private readonly cwdBefore: (StoragePlace | undefined)[] = [];

  constructor(private readonly model: ShellModel, script: JobScript) {
    for (const a of model.assignments) {
      if (a.scope === 'prefix') continue;
      const list = this.assignments.get(a.name) ?? [];
      list.push(a);
      this.assignments.set(a.name, list);
    }
    // Without --chdir a job starts in the directory it was submitted from: shared storage; a
    // relative --chdir is taken from there too.
    this.cwdBefore.push('shared');
    const chdir = script.options.filter((o) => o.spec.name === 'chdir' && o.value !== undefined).pop();
    this.cwdBefore[0] = chdir?.value === undefined ? 'shared' : this.placeOf(chdir.value, 0);
    this.followDirectoryChanges();
  }

  /**
   * Where a path lies, as written in the script (quotes allowed), or undefined when it depends on
   * something the script does not say. A relative path lies where the working directory is when
   * command `commandIndex` runs.
   */
  placeOf(written: string, commandIndex: number, depth = 0): StoragePlace | undefined {
    // Quotes only group: `"$TMPDIR"/data` lies where `$TMPDIR/data` does.
    const text = written.replace(/["']/g, '').trim();
    if (text === '' || depth > 4) return undefined;
    if (/^\$\(\s*mktemp\b/.test(text) || /^`\s*mktemp\b/.test(text)) {
      const dir = /(?:-p\s+|--tmpdir=)(\S+)/.exec(text);
      return dir ? this.placeOf(dir[1].replace(/\)$/, ''), commandIndex, depth + 1) : 'local';
    }
    if (text.startsWith('$')) {
      const v = leadingVariable(text);
      if (!v) return undefined;
      if (v.name === 'PWD') return this.workingDirectory(commandIndex);
      // What the script assigns wins over what the name usually means (`WORKDIR=$TMPDIR/run`).
      if (this.assignments.has(v.name)) return this.variablePlace(v.name, commandIndex, depth);
      if (LOCAL_VARIABLE.test(v.name)) return 'local';
      if (SHARED_VARIABLE.test(v.name)) return 'shared';
      return v.fallback !== undefined ? this.placeOf(v.fallback, commandIndex, depth + 1) : undefined;
    }
    if (text.startsWith('~')) return 'shared';
    if (text.startsWith('/')) return LOCAL_PATH.test(text) ? 'local' : 'shared';
    return this.workingDirectory(commandIndex);
  }

  /** Where a variable the script assigns points: the same place for every assignment, else undefined. */
  private variablePlace(name: string, commandIndex: number, depth: number): StoragePlace | undefined {
    const places = new Set<StoragePlace | undefined>();
    for (const a of this.assignments.get(name) ?? []) {
      if (a.array) continue;
      const lead = leadingVariable(a.valueText.replace(/^"/, ''));
      if (lead?.name === name) {
        // `TMPDIR=$TMPDIR/job`: the value extends what the name already means.
        places.add(LOCAL_VARIABLE.test(name) ? 'local' : SHARED_VARIABLE.test(name) ? 'shared' : undefined);
        continue;
      }
      places.add(a.valueText === '' ? undefined : this.placeOf(a.valueText, commandIndex, depth + 1));
      if (places.size > 1) return undefined;
    }
    return places.size === 1 ? [...places][0] : undefined;
  }

  /** The working directory's place when command `commandIndex` runs (after the cd, pushd and popd before it). */
  workingDirectory(commandIndex: number): StoragePlace | undefined {
    const i = Math.max(0, Math.min(commandIndex, this.cwdBefore.length - 1));
    return this.cwdBefore[i];
  }

  /** Fills `cwdBefore` in one pass over the commands. */
  private followDirectoryChanges(): void {
    const stack: (StoragePlace | undefined)[] = [this.cwdBefore[0]];
    for (let k = 0; k < this.model.commands.length; k++) {
      this.cwdBefore[k] = stack[stack.length - 1];
      const c = this.model.commands[k];
      // `$(cd dir && pwd)` changes the directory of the substitution only.
      const name = c.substitution === undefined ? programName(c.name) : undefined;
      if (name === 'popd') {
        if (stack.length > 1) stack.pop();
      } else if (name === 'cd' || name === 'pushd') {
        const target = commandWords(c).slice(1).find((w) => !wordText(w).startsWith('-'));
        const place = target === undefined ? 'shared' : this.placeOf(target.text, k, 1);
        if (name === 'pushd') stack.push(place);
        else stack[stack.length - 1] = place;
      }
    }
    this.cwdBefore[this.model.commands.length] = stack[stack.length - 1];
  }
}
