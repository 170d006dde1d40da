import type { ScannedScript } from '../scanner';

const OPENER = /<<(-?)[ \t]*(?:'([^']+)'|"([^"]+)"|\\?([A-Za-z_][A-Za-z0-9_]*))/g;

/** The delimiter of the here-document a command line opens (`cat > job.pbs <<EOF`), if any. */
function opened(line: string): { delimiter: string; stripTabs: boolean } | undefined {
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(line); m; m = OPENER.exec(line)) {
    // `<<<` is a here-string, not a here-document.
    if (line[m.index + 2] === '<' || (m.index > 0 && line[m.index - 1] === '<')) continue;
    const before = line.slice(0, m.index).replace(/'[^']*'|"[^"]*"/g, '');
    if (/(^|[^\\])#/.test(before)) return undefined;
    return { delimiter: m[2] ?? m[3] ?? m[4], stripTabs: m[1] === '-' };
  }
  return undefined;
}

/**
 * The editor lines that are the body of a here-document (data for another program, often a job
 * script being written out). sbatch still translates #PBS/#BSUB lines there, which is worth
 * saying. Only command lines (after the first command, not comments) open one.
 */
export function heredocBodyLines(scanned: ScannedScript): Set<number> {
  const body = new Set<number>();
  const first = scanned.firstCommandLine;
  if (first === undefined) return body;
  const lines = scanned.lines.lines;
  let open: { delimiter: string; stripTabs: boolean } | undefined;
  for (let i = first; i < lines.length; i++) {
    if (open) {
      const text = open.stripTabs ? lines[i].replace(/^\t+/, '') : lines[i];
      if (text === open.delimiter) open = undefined;
      else body.add(i);
      continue;
    }
    if (!/^[ \t]*#/.test(lines[i])) open = opened(lines[i]);
  }
  return body;
}
