/**
 * Reading part of a (log) file through commands, for runners without direct file access (ssh):
 * `stat -L -c %s -- PATH` for the size, then `dd` for the byte range (GNU dd's skip_bytes and
 * count_bytes; every Linux login node has them). Two short commands over the warm connection.
 */
import { QueueError, isQueueError } from './errors';
import type { CommandResult, RunOptions } from './types';

/** Runs argv; rejects with a QueueError when the command failed. */
export type Exec = (argv: string[], options?: RunOptions) => Promise<CommandResult>;

function notFoundOrRethrow(error: unknown, path: string): never {
  if (isQueueError(error) && error.kind === 'failed' && /No such file or directory/i.test(error.detail ?? '')) {
    throw new QueueError('failed', `No file ${path}.`, 'The job may not have started yet, or writes its output elsewhere.', error.detail);
  }
  throw error;
}

/**
 * Reads up to maxBytes from offset on; resolves with the bytes and the file's size at the time
 * of the `stat`. Rejects with a QueueError (a missing file is 'failed' with a hint).
 */
export async function readFileThroughCommands(exec: Exec, path: string, offset: number, maxBytes: number): Promise<{ bytes: Buffer; size: number }> {
  let size: number;
  try {
    const stat = await exec(['stat', '-L', '-c', '%s', '--', path]);
    size = Number(stat.stdout.trim());
  } catch (error) {
    notFoundOrRethrow(error, path);
  }
  if (!Number.isFinite(size)) throw new QueueError('failed', `stat gave no size for ${path}.`, 'Try again.');
  if (offset >= size) return { bytes: Buffer.alloc(0), size };
  const count = Math.min(maxBytes, size - offset);
  let result: CommandResult;
  try {
    result = await exec(['dd', `if=${path}`, 'bs=1M', 'iflag=skip_bytes,count_bytes', `skip=${offset}`, `count=${count}`, 'status=none'], { binary: true });
  } catch (error) {
    notFoundOrRethrow(error, path);
  }
  const bytes = result.stdoutBytes ?? Buffer.from(result.stdout, 'utf8');
  return { bytes: bytes.subarray(0, count), size };
}

/**
 * Decodes bytes as UTF-8, leaving out an incomplete character at the very end (a read that
 * stopped inside it). Returns the text and how many bytes it used.
 */
export function decodeUtf8Prefix(bytes: Buffer): { text: string; bytes: number } {
  let end = bytes.length;
  // look back at most 3 bytes for the start of a multi-byte sequence
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking
    const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    if (need > back) end = bytes.length - back;
    break;
  }
  return { text: bytes.subarray(0, end).toString('utf8'), bytes: end };
}
