#!/usr/bin/env node
// Entry point of the `hpcw` command; the CLI itself is bundled in dist/cli.js.
require('../dist/cli.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
