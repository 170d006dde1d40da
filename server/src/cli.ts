import { promises as fs } from 'fs';
import { parseArgs, UsageError, USAGE } from './cli/args';
import { runLint } from './cli/lint';
import { parseSettings } from './settings';
import { startServer } from './server';

const VERSION = '0.1.0';

async function loadConfig(file: string | undefined): Promise<{ settings: ReturnType<typeof parseSettings>['settings'] | undefined; error?: string }> {
  if (!file) return { settings: undefined };
  try {
    const raw: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    const { settings, problems } = parseSettings(raw);
    return { settings, error: problems.length > 0 ? problems.join('\n') : undefined };
  } catch (err) {
    return { settings: undefined, error: `cannot read config ${file}: ${err instanceof SyntaxError ? `invalid JSON (${err.message})` : String(err)}` };
  }
}

/**
 * The `hpcw` command. Returns the exit status: 0 no error-severity finding, 1 some, 2 usage or
 * I/O error. `lsp` starts the language server and never resolves (the process serves until the
 * client disconnects).
 */
export async function main(argv: string[]): Promise<number> {
  let cmd;
  try {
    cmd = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`hpcw: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  switch (cmd.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`hpcw ${VERSION}\n`);
      return 0;
    case 'lsp': {
      if (!cmd.rest.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) process.argv.push('--stdio');
      startServer();
      return new Promise<number>(() => undefined);
    }
    case 'lint': {
      const config = await loadConfig(cmd.configFile);
      if (config.error) process.stderr.write(`hpcw: ${config.error}\n`);
      if (cmd.configFile && !config.settings) return 2;
      const out = await runLint(cmd, VERSION, config.settings ?? {});
      process.stdout.write(out.stdout);
      process.stderr.write(out.stderr);
      return out.exitCode;
    }
  }
}
