/**
 * A glob as a regular expression: `**` any folders, `*` and `?` within one path segment,
 * `{a,b}` alternatives, `[...]` character classes. Paths use `/`.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      out += '(?:';
      depth++;
    } else if (c === '}' && depth > 0) {
      out += ')';
      depth--;
    } else if (c === ',' && depth > 0) out += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\\]]/g, (x) => `\\${x}`);
  }
  while (depth-- > 0) out += ')';
  return new RegExp(`^${out}$`);
}

/**
 * Whether a file matches a glob from the settings: a glob without `/` matches the file name in any
 * folder; one with `/` matches the path relative to the workspace folder (a leading `/` or `./` is
 * ignored). `relative` uses `/` separators.
 */
export function globMatches(glob: string, relative: string): boolean {
  const g = glob.replace(/\\/g, '/').replace(/^\.?\//, '');
  try {
    if (!g.includes('/')) return globToRegExp(g).test(relative.slice(relative.lastIndexOf('/') + 1));
    return globToRegExp(g).test(relative);
  } catch {
    return false;
  }
}
