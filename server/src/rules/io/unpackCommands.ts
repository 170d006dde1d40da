/**
 * Recognises commands that unpack archives into many files: `tar -x`, `unzip`, `7z x`,
 * `gunzip -r`, `unsquashfs`, also run per file by `find -exec` or `xargs`. Says where they
 * write (the `-C`/`-d`/`-o` directory, or the working directory). Pure.
 */
import type { ShellCommand, ShellWord } from '../../shell/model';
import { commandWords, programName, wordText } from '../resources/shellWords';

/** One unpacking command. */
export interface Unpack {
  /** How it reads in a message: `tar -x`, `unzip`, `gunzip -r`. */
  tool: string;
  /** The words from the tool's name to its last argument. */
  first: ShellWord;
  last: ShellWord;
  /**
   * Where it writes, as written in the script; undefined for the working directory. For
   * `gunzip -r` and `find -execdir`, the folder it works in.
   */
  destination?: string;
  /** True when it runs once per file: behind `find -exec` or `xargs`. */
  perItem: boolean;
}

const TARS = new Set(['tar', 'gtar', 'bsdtar']);
const GUNZIPS = new Set(['gunzip', 'gzip', 'pigz', 'unpigz', 'bunzip2', 'bzip2', 'xz', 'unxz', 'zstd', 'unzstd']);

/** The letters of a short-option cluster (`-xzf` -> `xzf`); empty for other words. */
function shortLetters(text: string): string {
  return text.startsWith('-') && !text.startsWith('--') ? (/^-([A-Za-z]*)/.exec(text)?.[1] ?? '') : '';
}

/** The value of `-X VALUE`, `-XVALUE` or `--long=VALUE`/`--long VALUE` among `texts`, last one wins. */
function optionValue(texts: string[], short: string | undefined, long: string | undefined): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (long && t === `--${long}`) found = texts[i + 1];
    else if (long && t.startsWith(`--${long}=`)) found = t.slice(long.length + 3);
    else if (short && t === `-${short}`) found = texts[i + 1];
    else if (short && t.startsWith(`-${short}`) && t.length > 2 && !t.startsWith('--')) found = t.slice(2);
  }
  return found;
}

/** Reads `tar` with its arguments: extract mode and `-C`/`--directory`. */
function tarUnpack(texts: string[]): { destination?: string } | undefined {
  const args = texts.slice(1);
  // Old style: the first argument is a bundle of letters without a dash (`tar xzf a.tgz`).
  const oldStyle = args.length > 0 && /^[A-Za-z]+$/.test(args[0]) && args[0].includes('x');
  const extract = oldStyle || args.some((a) => a === '--extract' || a === '--get' || (shortLetters(a).includes('x') && !shortLetters(a).startsWith('C')));
  if (!extract) return undefined;
  const destination = optionValue(args, 'C', 'directory');
  return destination === undefined ? {} : { destination };
}

/** Reads `unzip`: not when it only lists, tests or prints (`-l`, `-t`, `-p`, `-Z`, `-v`). */
function unzipUnpack(texts: string[]): { destination?: string } | undefined {
  const args = texts.slice(1);
  if (args.some((a) => /[ltpZv]/.test(shortLetters(a)))) return undefined;
  const destination = optionValue(args, 'd', undefined);
  return destination === undefined ? {} : { destination };
}

/** Reads `7z x|e ... -oDIR`. */
function sevenZipUnpack(texts: string[]): { destination?: string } | undefined {
  if (texts[1] !== 'x' && texts[1] !== 'e') return undefined;
  const o = texts.slice(2).find((t) => t.startsWith('-o'));
  return o === undefined ? {} : { destination: o.slice(2) };
}

/** Reads `gunzip -r DIR` (or `gzip -dr DIR`): decompresses every file under DIR in place. */
function recursiveGunzip(name: string, texts: string[]): { destination?: string } | undefined {
  const args = texts.slice(1);
  const letters = args.map(shortLetters).join('');
  const recursive = letters.includes('r') || args.includes('--recursive');
  const decompress = name.startsWith('gun') || name.startsWith('un') || name === 'bunzip2' || letters.includes('d') || args.includes('--decompress');
  if (!recursive || !decompress) return undefined;
  const dir = args.find((a) => !a.startsWith('-'));
  return dir === undefined ? {} : { destination: dir };
}

/** Reads one unpacking program starting at `texts[0]`. */
function unpackAt(texts: string[]): { tool: string; destination?: string } | undefined {
  const name = texts[0].slice(texts[0].lastIndexOf('/') + 1);
  if (TARS.has(name)) {
    const r = tarUnpack(texts);
    return r && { tool: `${name} -x`, ...r };
  }
  if (name === 'unzip') {
    const r = unzipUnpack(texts);
    return r && { tool: 'unzip', ...r };
  }
  if (name === '7z' || name === '7za' || name === '7zz') {
    const r = sevenZipUnpack(texts);
    return r && { tool: `${name} x`, ...r };
  }
  if (name === 'unsquashfs') {
    const d = optionValue(texts.slice(1), 'd', undefined) ?? optionValue(texts.slice(1), undefined, 'dest');
    return { tool: 'unsquashfs', ...(d !== undefined ? { destination: d } : {}) };
  }
  if (GUNZIPS.has(name)) {
    const r = recursiveGunzip(name, texts);
    return r && { tool: `${name} -r`, ...r };
  }
  return undefined;
}

/**
 * The unpacking a command does, if any: the command itself, or the program `find -exec`/`-execdir`
 * or `xargs` runs for each file. Returns undefined for anything else (creating or listing an
 * archive, decompressing one file).
 */
export function unpackOf(command: ShellCommand): Unpack | undefined {
  const words = commandWords(command);
  if (words.length === 0) return undefined;
  const texts = words.map(wordText);
  const name = programName(words[0]) ?? '';
  if (name === 'find') {
    const at = texts.findIndex((t) => t === '-exec' || t === '-execdir');
    if (at < 0 || at + 1 >= texts.length) return undefined;
    const end = texts.findIndex((t, i) => i > at && (t === ';' || t === '+'));
    const inner = texts.slice(at + 1, end < 0 ? undefined : end);
    const found = unpackAt(inner);
    if (!found) return undefined;
    const start = texts.slice(1).find((t) => !t.startsWith('-'));
    const destination = found.destination ?? (texts[at] === '-execdir' || found.tool.endsWith('-r') ? start : undefined);
    return { tool: `find -exec ${found.tool}`, first: words[0], last: words[words.length - 1], perItem: true, ...(destination !== undefined ? { destination } : {}) };
  }
  if (name === 'xargs') {
    const at = texts.findIndex((t, i) => i > 0 && unpackAt(texts.slice(i)) !== undefined && !t.startsWith('-'));
    if (at < 0) return undefined;
    const found = unpackAt(texts.slice(at)) as { tool: string; destination?: string };
    return { tool: `xargs ${found.tool}`, first: words[0], last: words[words.length - 1], perItem: true, ...(found.destination !== undefined ? { destination: found.destination } : {}) };
  }
  // Behind a launcher (`srun tar -xf ...`, `time unzip ...`) the program may be any later word.
  const starts = ['srun', 'time', 'nice', 'ionice', 'env', 'stdbuf', 'timeout', 'command', 'exec'].includes(name) ? texts.map((_, i) => i) : [0];
  for (const i of starts) {
    const found = unpackAt(texts.slice(i));
    if (found) return { ...found, first: words[i], last: words[words.length - 1], perItem: false };
  }
  return undefined;
}
