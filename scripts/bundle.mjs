// Bundles the extension client, the language server and the CLI with esbuild.
// The `vscode` module is provided by the editor at run time, so it stays external.
// The shell parser's wasm files (tree-sitter's runtime and the bash grammar) are copied beside the
// bundles: server/src/shell/loader.ts looks for them next to dist/server.js and dist/cli.js.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'fs';
import { createRequire } from 'module';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify: process.env.MINIFY === '1',
  logLevel: 'warning',
  // web-tree-sitter's ESM build locates itself through import.meta.url, which a CJS bundle lacks;
  // its CJS build uses __dirname, which in the bundle is dist/ (where its .wasm is copied).
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/serverMain.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
]);

const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm']) {
  copyFileSync(require.resolve(wasm), `dist/${wasm.split('/')[1]}`);
}
