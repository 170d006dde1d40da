import * as assert from 'node:assert/strict';
import { parseTimeToSeconds } from '../../../server/src/slurm/values/time';
import { runValueTable } from './table';

describe('values: time (--time, --time-min)', () => {
  runValueTable('time', 'time', [
    { value: '25:61:00', expect: 'ok', note: 'oracle 02: accepted', describe: '1 day 2 hours 1 minute' },
    { value: 'abc', expect: 'error', note: 'oracle 03' },
    { value: '1-00:00:00', expect: 'ok', note: 'oracle 04', describe: '1 day' },
    { value: '90', expect: 'ok', note: 'oracle 05', describe: '1 hour 30 minutes' },
    { value: '0:30', expect: 'ok', note: 'oracle 06', describe: '30 seconds, rounded up to 1 minute' },
    { value: 'UNLIMITED', expect: 'ok', note: 'oracle 07', describe: "no limit (the partition's maximum applies)" },
    { value: '00:05:00', expect: 'ok', note: 'oracle 37', describe: '5 minutes' },
    { value: '5', expect: 'ok', note: 'oracle 36 (-t 5)', describe: '5 minutes' },
    { value: '1-12:00:00', expect: 'ok', describe: '1 day 12 hours' },
    { value: '1-12', expect: 'ok', describe: '1 day 12 hours' },
    { value: '1-12:30', expect: 'ok', describe: '1 day 12 hours 30 minutes' },
    { value: '2-', expect: 'ok', describe: '2 days' },
    { value: 'infinite', expect: 'ok' },
    { value: '-1', expect: 'ok', describe: "no limit (the partition's maximum applies)" },
    { value: '0', expect: 'ok', describe: /^no limit/ },
    { value: '1:2:3:4', expect: 'error' },
    { value: '1-2-3', expect: 'error' },
    { value: '1:2-3', expect: 'error' },
    { value: '1:', expect: 'error' },
    { value: ':5', expect: 'error' },
    { value: '1-:5', expect: 'error' },
    { value: '', expect: 'error' },
    { value: '1h', expect: 'error' },
    { value: '01:00:00 ', expect: 'error' },
    { value: '-5', expect: 'warning' },
    { value: '99999999999', expect: 'warning' },
  ]);
});

describe('values: time-seconds (--delay-boot)', () => {
  runValueTable('time-seconds', 'delay-boot', [
    { value: '5', expect: 'ok', describe: '5 minutes' },
    { value: '0:30', expect: 'ok', describe: '30 seconds' },
    { value: 'x', expect: 'error' },
  ]);
});

describe('parseTimeToSeconds', () => {
  const rows: [string, number | undefined][] = [
    ['90', 5400], ['1-12:00:00', 129600], ['0:30', 30], ['25:61:00', 93660], ['UNLIMITED', Infinity], ['abc', undefined], ['', undefined], ['2-', 172800],
  ];
  for (const [value, seconds] of rows) {
    it(`${JSON.stringify(value)} -> ${seconds}`, () => assert.equal(parseTimeToSeconds(value), seconds));
  }
});

describe('values: datetime (--begin, --deadline)', () => {
  runValueTable('datetime', 'begin', [
    { value: 'someday', expect: 'error', note: 'oracle 32' },
    { value: 'now+1hour', expect: 'ok', describe: '1 hour after submission' },
    { value: 'now+1 hours', expect: 'ok' },
    { value: 'now+90', expect: 'ok', describe: '1 minute 30 seconds after submission' },
    { value: 'now', expect: 'ok', describe: 'at submission (no delay)' },
    { value: 'now-1day', expect: 'ok' },
    { value: 'now+1h', expect: 'error' },
    { value: 'now+hour', expect: 'error' },
    { value: 'nowx', expect: 'error' },
    { value: '16:00', expect: 'ok', describe: /next 16:00/ },
    { value: '4:30pm', expect: 'ok' },
    { value: '13:00pm', expect: 'error' },
    { value: '24:00', expect: 'error' },
    { value: '10:60', expect: 'error' },
    { value: '2025-03-01T10:00:00', expect: 'ok', describe: 'on 1 March 2025 at 10:00' },
    { value: '2025-03-01 10:00', expect: 'ok' },
    { value: '2025-13-01', expect: 'error' },
    { value: '2025-02-31', expect: 'warning' },
    { value: '12/25', expect: 'ok', describe: /25 December/ },
    { value: '122526', expect: 'ok', describe: 'on 25 December 2026 at 00:00' },
    { value: '12.25.26', expect: 'ok' },
    { value: '12', expect: 'error' },
    { value: 'tomorrow', expect: 'ok', describe: 'tomorrow at 00:00' },
    { value: 'noon tomorrow', expect: 'ok', describe: 'tomorrow at 12:00 (noon)' },
    { value: 'teatime', expect: 'ok' },
    { value: 'fika', expect: 'ok' },
    { value: 'midnight', expect: 'ok' },
    { value: 'Today', expect: 'error', note: 'a capital T is skipped as a separator' },
    { value: 'today', expect: 'ok' },
    { value: 'elevenses', expect: 'ok', version: '24.05' },
    { value: 'elevenses', expect: 'error', version: '23.11' },
    { value: 'elevenses', expect: 'ok', version: 'any' },
    { value: 'uts1700000000', expect: 'ok', describe: /2023-11-14/ },
    { value: 'uts999', expect: 'error' },
    { value: '', expect: 'error' },
    { value: 'T', expect: 'error' },
  ]);
});
