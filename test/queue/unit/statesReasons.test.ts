/**
 * Job states (every name and code Slurm prints, their group order) and pending reasons in words.
 */
import * as assert from 'assert';
import { explainReason, reasonCode } from '../../../client/src/queue/reasons';
import { describeState, isFinishedState, knownStates, normalizeState, stateInfo, stateOrder, UNKNOWN_STATE_ORDER } from '../../../client/src/queue/states';
import { durationSeconds } from '../../../client/src/queue/durations';

describe('queue/states', () => {
  // names and short codes as Slurm's job_state_string / job_state_string_compact print them (22.05 … master)
  const slurmStates: [string, string][] = [
    ['PENDING', 'PD'], ['RUNNING', 'R'], ['SUSPENDED', 'S'], ['COMPLETED', 'CD'], ['CANCELLED', 'CA'], ['FAILED', 'F'],
    ['TIMEOUT', 'TO'], ['NODE_FAIL', 'NF'], ['PREEMPTED', 'PR'], ['BOOT_FAIL', 'BF'], ['DEADLINE', 'DL'], ['OUT_OF_MEMORY', 'OOM'],
    ['COMPLETING', 'CG'], ['CONFIGURING', 'CF'], ['RESIZING', 'RS'], ['REQUEUED', 'RQ'], ['REQUEUE_FED', 'RF'], ['REQUEUE_HOLD', 'RH'],
    ['SPECIAL_EXIT', 'SE'], ['STOPPED', 'ST'], ['REVOKED', 'RV'], ['RESV_DEL_HOLD', 'RD'], ['SIGNALING', 'SI'], ['STAGE_OUT', 'SO'],
  ];
  for (const [name, code] of slurmStates) {
    it(`${name} / ${code} is known, with a meaning`, () => {
      assert.strictEqual(normalizeState(code), name);
      assert.strictEqual(stateInfo(name)?.code, code);
      assert.ok(stateOrder(name) < UNKNOWN_STATE_ORDER);
      assert.ok(describeState(name).length > 10);
    });
  }

  it('knows EXPEDITING (newer than 22.05) and orders running before pending before finished', () => {
    assert.ok(stateInfo('EXPEDITING'));
    assert.ok(stateOrder('RUNNING') < stateOrder('PENDING'));
    assert.ok(stateOrder('PENDING') < stateOrder('COMPLETED'));
    assert.strictEqual(knownStates().length, slurmStates.length + 1);
  });

  it('sacct decorations are understood, unknown states kept and sorted last', () => {
    assert.strictEqual(normalizeState('CANCELLED by 1001'), 'CANCELLED');
    assert.strictEqual(normalizeState('HIBERNATING'), 'HIBERNATING');
    assert.strictEqual(stateOrder('HIBERNATING'), UNKNOWN_STATE_ORDER);
    assert.match(describeState('HIBERNATING'), /HIBERNATING/);
    assert.strictEqual(isFinishedState('HIBERNATING'), false);
    assert.strictEqual(isFinishedState('COMPLETED'), true);
    assert.strictEqual(isFinishedState('RUNNING'), false);
  });
});

describe('queue/reasons', () => {
  const common = [
    'Priority', 'Resources', 'Dependency', 'DependencyNeverSatisfied', 'JobHeldUser', 'JobHeldAdmin', 'BeginTime',
    'ReqNodeNotAvail', 'PartitionTimeLimit', 'PartitionNodeLimit', 'PartitionConfig', 'PartitionDown', 'QOSMaxJobsPerUserLimit',
    'QOSMaxSubmitJobPerUserLimit', 'AssocMaxJobsLimit', 'AssocGrpCpuLimit', 'AssocGrpMemLimit', 'AssocGrpNodeLimit',
    'AssocGrpGRES', 'AssocGrpCPUMinutesLimit', 'AssocGrpCPURunMinutesLimit', 'QOSGrpCpuLimit', 'QOSGrpGRES',
    'QOSMaxCpuPerUserLimit', 'QOSMaxGRESPerUser', 'QOSMaxWallDurationPerJobLimit', 'AssocMaxWallDurationPerJobLimit',
    'JobArrayTaskLimit', 'JobHoldMaxRequeue', 'JobLaunchFailure', 'launch failed requeued held', 'Licenses', 'Reservation',
    'InvalidAccount', 'InvalidQOS', 'BadConstraints', 'NodeDown', 'QOSNotAllowed', 'AccountNotAllowed', 'MaxCpuPerAccount',
    'MaxCpuRunMinsPerUser', 'QOSMinGRES', 'AccountingPolicy', 'SchedDefer', 'Cleaning', 'Prolog',
  ];
  for (const reason of common) {
    it(`${reason} is explained in words (not echoed)`, () => {
      const text = explainReason(reason);
      assert.ok(text.length > 15, text);
      assert.notStrictEqual(text, reason);
      assert.ok(!text.includes('undefined'), text);
    });
  }

  const table: [string, RegExp][] = [
    ['JobHeldUser', /release/i],
    ['DependencyNeverSatisfied', /never/i],
    ['AssocGrpCpuLimit', /CPUs/],
    ['AssocGrpCPURunMinutesLimit', /CPUs-minutes of running jobs|CPUs-minutes/],
    ['QOSMaxGRESPerUser', /GPUs/],
    ['QOSMaxWallDurationPerJobLimit', /time limit/],
    ['ReqNodeNotAvail, UnavailableNodes:n[01-03]', /UnavailableNodes:n\[01-03\]/],
    ['(Resources)', /free/],
  ];
  for (const [reason, pattern] of table) {
    it(`${JSON.stringify(reason)} → ${pattern}`, () => assert.match(explainReason(reason), pattern));
  }

  it('None and empty explain to nothing; unknown reasons come back as printed', () => {
    assert.strictEqual(explainReason('None'), '');
    assert.strictEqual(explainReason(''), '');
    assert.strictEqual(explainReason('SomethingNew2030'), 'SomethingNew2030');
    assert.strictEqual(explainReason('Nodes required for job are DOWN, DRAINED or reserved for jobs in higher priority partitions').length > 20, true);
    assert.strictEqual(reasonCode('ReqNodeNotAvail, UnavailableNodes:n1'), 'ReqNodeNotAvail');
  });
});

describe('queue/durations', () => {
  const table: [string, number | undefined][] = [
    ['0:00', 0], ['5:03', 303], ['1:02:03', 3723], ['00:10:00', 600], ['2-00:00:00', 172800], ['1-02:03:04', 93784],
    ['3-04', 273600], ['30', 1800], ['00:01.234', 1], ['UNLIMITED', undefined], ['INVALID', undefined], ['NOT_SET', undefined],
    ['N/A', undefined], ['', undefined], ['Partition_Limit', undefined],
  ];
  for (const [text, seconds] of table) it(`${JSON.stringify(text)} → ${seconds}`, () => assert.strictEqual(durationSeconds(text), seconds));
});
