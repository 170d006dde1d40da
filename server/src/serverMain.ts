// Process entry of the bundled language server (dist/server.js): `node dist/server.js --stdio`
// or `--node-ipc` (vscode-languageserver reads the transport from the arguments).
import { startServer } from './server';

startServer();
