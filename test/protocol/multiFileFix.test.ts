// The submit-loop conversion through the real server process: a code action whose edit creates
// the new array script and rewrites the loop, offered only to clients that can create files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspProcess } from '../support/lspClient';

const DRIVER = ['#!/bin/bash', 'for s in S1 S2 S3; do', '  sbatch align.sh "$s"', 'done', ''].join('\n');
const JOB = ['#!/bin/bash', '#SBATCH --time=01:00:00', '', 'bwa mem ref.fa "$1".fq > "$1".sam', ''].join('\n');
const CAN_CREATE = { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } } };

interface Change {
  kind?: string;
  uri?: string;
  textDocument?: { uri: string; version: number | null };
  edits?: { newText: string }[];
}
interface Action {
  title: string;
  edit?: { documentChanges?: Change[]; changes?: Record<string, unknown> };
}

describe('multi-file fix over LSP: submit loop → job array', function () {
  this.timeout(20000);
  let dir = '';
  let uri = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hpcw-multifile-'));
    fs.writeFileSync(path.join(dir, 'submit_all.sh'), DRIVER);
    fs.writeFileSync(path.join(dir, 'align.sh'), JOB);
    uri = pathToFileURL(path.join(dir, 'submit_all.sh')).toString();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Opens the submit script in a fresh server and returns the quick fixes of its submit-loop diagnostic. */
  async function fixesWith(capabilities: Record<string, unknown>): Promise<Action[]> {
    const lsp = new LspProcess(['dist/server.js', '--stdio']);
    try {
      await lsp.initialize(undefined, capabilities);
      await lsp.open(uri, DRIVER);
      const published = await lsp.diagnosticsWhere(uri, (p) => p.diagnostics.some((d) => d.code === 'array/submit-loop'));
      const diagnostic = published.diagnostics.find((d) => d.code === 'array/submit-loop');
      return (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: (diagnostic as { range: unknown }).range, context: { diagnostics: [diagnostic], only: ['quickfix'] } })) as Action[];
    } finally {
      await lsp.stop();
    }
  }

  it('a client that can create files gets the conversion: create align.array.sh, fill it, rewrite the loop', async () => {
    const actions = await fixesWith(CAN_CREATE);
    const convert = actions.find((a) => a.title.startsWith('Convert to one job array') && !a.title.includes('%'));
    assert.ok(convert?.edit?.documentChanges, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    const changes = convert.edit.documentChanges;
    const newUri = pathToFileURL(path.join(dir, 'align.array.sh')).toString();
    const create = changes.findIndex((c) => c.kind === 'create' && c.uri === newUri);
    const fill = changes.findIndex((c) => c.textDocument?.uri === newUri);
    const driverEdit = changes.find((c) => c.textDocument?.uri === uri);
    assert.ok(create >= 0 && fill > create, `create must come before the edit that fills it: ${JSON.stringify(changes)}`);
    assert.strictEqual(driverEdit?.textDocument?.version, 1, 'the submit script edit names the version it was computed for');
    assert.match(driverEdit?.edits?.[0].newText ?? '', /sbatch --array=0-2 align\.array\.sh/);
    const script = changes[fill].edits?.[0].newText ?? '';
    assert.match(script, /^#!\/bin\/bash\n#SBATCH --time=01:00:00\n/, 'the directives stay first');
    assert.match(script, /SLURM_ARRAY_TASK_ID/);
    assert.ok(actions.some((a) => a.title.includes('%10')) === false, 'no throttle variant for three tasks');
  });

  it('a client that cannot create files is not offered it (the diagnostic still has its other actions)', async () => {
    const actions = await fixesWith({});
    assert.ok(!actions.some((a) => a.title.startsWith('Convert to one job array')), actions.map((a) => a.title).join(' | '));
    assert.ok(actions.length > 0, 'the "turn off for this line" action is still there');
  });
});
