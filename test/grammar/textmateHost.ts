/**
 * Loads a shell host grammar plus our #SBATCH injection into vscode-textmate, the engine VS Code
 * itself uses, so tests see the same tokens an editor would.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

/** The project root (this file runs from out/test/grammar/). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const INJECTION_PATH = path.join(REPO_ROOT, 'syntaxes/sbatch.injection.tmLanguage.json');
export const INJECTION_SCOPE = 'source.sbatch.injection';
/** Our own small shell grammar shaped like VS Code's where it matters (see its `comment`). */
export const STAND_IN_SHELL_PATH = path.join(REPO_ROOT, 'test/grammar/fixtures/shell-standin.tmLanguage.json');

const SHELL_GRAMMAR_IN_VSCODE = 'extensions/shellscript/syntaxes/shell-unix-bash.tmLanguage.json';

/** One token of a line: its text and its scopes, outermost first. */
export interface Token {
  text: string;
  scopes: string[];
}

let onigLibPromise: Promise<vsctm.IOnigLib> | undefined;

/** Loads oniguruma's WebAssembly once per process (it may not be loaded twice). */
function loadOnigLib(): Promise<vsctm.IOnigLib> {
  onigLibPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLibPromise;
}

/**
 * Where VS Code's own shell grammar can be read on this machine, or undefined. It is not copied into
 * the project: it comes from `HPCW_SHELL_GRAMMAR`, a copy placed in test/grammar/fixtures/, the
 * code-server that scripts/setup-e2e.sh installs, or a VS Code that @vscode/test-electron downloaded.
 */
export function findVscodeShellGrammar(): string | undefined {
  const candidates: string[] = [];
  if (process.env.HPCW_SHELL_GRAMMAR) candidates.push(process.env.HPCW_SHELL_GRAMMAR);
  candidates.push(path.join(REPO_ROOT, 'test/grammar/fixtures/shell-unix-bash.tmLanguage.json'));
  const codeServerHomes = [process.env.E2E_HOME, '/var/tmp/hpc-e2e-cs4.139.1', path.join(os.tmpdir(), 'hpc-e2e')];
  for (const home of codeServerHomes) {
    if (home) candidates.push(path.join(home, 'cs/node_modules/code-server/lib/vscode', SHELL_GRAMMAR_IN_VSCODE));
  }
  const testElectronCache = path.join(REPO_ROOT, '.vscode-test');
  if (fs.existsSync(testElectronCache)) {
    for (const entry of fs.readdirSync(testElectronCache)) {
      candidates.push(path.join(testElectronCache, entry, 'resources/app', SHELL_GRAMMAR_IN_VSCODE));
      candidates.push(path.join(testElectronCache, entry, 'VSCode-linux-x64/resources/app', SHELL_GRAMMAR_IN_VSCODE));
    }
  }
  return candidates.find((candidate) => fs.existsSync(candidate));
}

/** Tokenizes whole documents with one host grammar and our injection. */
export class ShellTokenizer {
  private constructor(private readonly grammar: vsctm.IGrammar) {}

  /**
   * Builds a tokenizer over the host grammar at `shellGrammarPath` (scope `source.shell`);
   * with `withInjection` false the host runs alone, which shows what the injection changes.
   */
  static async create(shellGrammarPath: string, withInjection = true): Promise<ShellTokenizer> {
    const grammarFiles: Record<string, string> = { 'source.shell': shellGrammarPath, [INJECTION_SCOPE]: INJECTION_PATH };
    const registry = new vsctm.Registry({
      onigLib: loadOnigLib(),
      loadGrammar: async (scopeName) => {
        const file = grammarFiles[scopeName];
        return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      getInjections: (scopeName) => (withInjection && scopeName === 'source.shell' ? [INJECTION_SCOPE] : []),
    });
    const grammar = await registry.loadGrammar('source.shell');
    if (!grammar) throw new Error(`cannot load the shell grammar at ${shellGrammarPath}`);
    return new ShellTokenizer(grammar);
  }

  /** Tokens of every line of `text`, tokenized in order so multi-line state carries over. */
  tokenize(text: string): Token[][] {
    let state = vsctm.INITIAL;
    return text.split('\n').map((line) => {
      const result = this.grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      return result.tokens
        .map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }))
        .filter((t) => t.text.length > 0);
    });
  }
}

/** The innermost scope of a token that our injection gave it, or undefined. */
export function innermostSbatchScope(token: Token): string | undefined {
  return [...token.scopes].reverse().find((scope) => scope.endsWith('.sbatch'));
}
