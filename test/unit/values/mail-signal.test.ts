import { runValueTable } from './table';

describe('values: mail-type', () => {
  runValueTable('mail-type', 'mail-type', [
    { value: 'SOMETIMES', expect: 'error', note: 'oracle 31' },
    { value: 'BEGIN,END', expect: 'ok', describe: 'mail when the job starts and when it ends' },
    { value: 'end,fail', expect: 'ok' },
    { value: 'ALL', expect: 'ok' },
    { value: 'NONE', expect: 'ok', describe: 'no mail' },
    { value: 'TIME_LIMIT_80,ARRAY_TASKS', expect: 'ok', describe: 'mail at 80% of its time limit, for every array task separately' },
    { value: 'END,FOO', expect: 'warning', note: 'unknown words are skipped' },
    { value: 'BEGIN,NONE', expect: 'warning' },
    { value: 'NONE,END', expect: 'warning' },
    { value: '', expect: 'error' },
    { value: ',', expect: 'error' },
    { value: 'constructor', expect: 'error' },
  ]);
});

describe('values: mail-user', () => {
  runValueTable('mail-user', 'mail-user', [
    { value: 'me@example.org', expect: 'ok' },
    { value: 'me', expect: 'ok' },
  ]);
});

describe('values: signal', () => {
  runValueTable('signal', 'signal', [
    { value: 'B:USR1@120', expect: 'ok', describe: 'send SIGUSR1 to the batch shell only, 120 s before the time limit' },
    { value: 'USR1', expect: 'ok', describe: /60 s before the time limit/ },
    { value: 'SIGTERM@30', expect: 'ok' },
    { value: 'sigterm', expect: 'ok' },
    { value: '10@60', expect: 'ok' },
    { value: 'B:10', expect: 'ok' },
    { value: 'R:USR2', expect: 'ok' },
    { value: 'RB:USR2', expect: 'ok' },
    { value: 'BR:USR2', expect: 'ok' },
    { value: 'BUSR1', expect: 'ok', note: 'the colon is optional' },
    { value: 'FOO', expect: 'error' },
    { value: 'B:', expect: 'error' },
    { value: '0', expect: 'error' },
    { value: 'USR1@x', expect: 'error' },
    { value: 'USR1@70000', expect: 'error' },
    { value: 'USR1@-1', expect: 'error' },
    { value: 'USR1@', expect: 'warning' },
    { value: '65537', expect: 'warning' },
    { value: '100', expect: 'warning' },
    { value: 'CHLD', expect: 'error', version: '23.02' },
    { value: 'CHLD', expect: 'ok', version: '23.11' },
    { value: 'PIPE', expect: 'ok', version: 'any' },
  ]);
});
