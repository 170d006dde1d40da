import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs, UsageError, USAGE } from './cli/args';
import { runLint } from './cli/lint';
import { parseSettings } from './settings';
import { startServer } from './server';
import { parseWorkflowSettings } from './workflow/settings';
import type { WorkflowSettings } from './workflow/types';

const VERSION = '0.1.0';

/**
 * Reads a `--config` file: the same shape as the editor's `hpcWorkflows` section. Schema files of
 * `workflow.schemas` named by a relative path are found next to the config file.
 */
async function loadConfig(file: string | undefined): Promise<{ settings: ReturnType<typeof parseSettings>['settings'] | undefined; workflow?: WorkflowSettings; error?: string }> {
  if (!file) return { settings: undefined };
  try {
    const raw: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    const { settings, problems } = parseSettings(raw);
    const workflow = parseWorkflowSettings(raw);
    const folder = path.dirname(path.resolve(file));
    const schemas = workflow.settings.schemas.map((s) => ({ ...s, schema: path.resolve(folder, s.schema) }));
    const all = [...problems, ...workflow.problems];
    return { settings, workflow: { ...workflow.settings, schemas }, error: all.length > 0 ? all.join('\n') : undefined };
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
      const out = await runLint(cmd, VERSION, config.settings ?? {}, config.workflow);
      process.stdout.write(out.stdout);
      process.stderr.write(out.stderr);
      return out.exitCode;
    }
  }
}
