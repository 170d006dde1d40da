/**
 * Quoting argv words for the remote login shell that `ssh` hands its command to.
 *
 * ssh sends ONE string; the remote user's shell splits and expands it. Every word is put in
 * single quotes, where a POSIX shell (sh, bash, dash, ksh, zsh) expands nothing; a single quote
 * inside a word is written as '\'' (close, escaped quote, reopen). So the remote side sees the
 * exact words, whatever they contain ($(...), `...`, ;, |, globs, spaces, newlines).
 */

/** Quotes one word for a POSIX shell: `it's` → `'it'\''s'`, `` → `''`. */
export function quoteWord(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The remote command line for argv: each word quoted, joined by single spaces. Returns undefined
 * when a word holds a NUL byte (no shell can receive one; the caller reports invalid-argument).
 */
export function remoteCommandLine(argv: string[]): string | undefined {
  if (argv.some((w) => w.includes('\0'))) return undefined;
  return argv.map(quoteWord).join(' ');
}
