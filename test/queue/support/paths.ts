/**
 * Where the queue tests find the repository and their fixtures (they run compiled, from out/).
 */
import * as fs from 'fs';
import * as path from 'path';

/** The repository root (the folder holding package.json and scripts/), found from this file. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'scripts'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = parent;
  }
}

/** Text of a fixture under test/queue/fixtures/. */
export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(repoRoot(), 'test', 'queue', 'fixtures', ...parts), 'utf8');
}

/** The argv recorded beside a captured fixture (what produced it). */
export function readFixtureArgv(...parts: string[]): string[] {
  return JSON.parse(readFixture(...parts.slice(0, -1), `${parts[parts.length - 1]}.argv.json`)) as string[];
}
