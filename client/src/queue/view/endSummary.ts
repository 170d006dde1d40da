/**
 * How a followed job ended, in one line for its notification (from its sacct records). Pure.
 */
import { normalizeState, type FinishedJob } from '../api';

/** "2:0" → "exit code 2"; "0:9" → "exit code 0, signal 9". */
export function describeExitCode(exitCode: string): string {
  const [code, signal] = exitCode.split(':');
  return `exit code ${code || '?'}${signal && signal !== '0' ? `, signal ${signal}` : ''}`;
}

/** One line about how a job (or every task of an array) ended. */
export function summarizeEnd(records: FinishedJob[]): { text: string; ok: boolean } {
  const states = new Map<string, number>();
  for (const r of records) {
    const state = normalizeState(r.state);
    states.set(state, (states.get(state) ?? 0) + 1);
  }
  const bad = records.find((r) => normalizeState(r.state) !== 'COMPLETED' || r.exitCode !== '0:0');
  const worst = bad ?? records[0];
  const ok = bad === undefined;
  if (records.length === 1 && worst) return { text: `${normalizeState(worst.state)}, ${describeExitCode(worst.exitCode)}`, ok };
  const parts = [...states.entries()].map(([s, n]) => `${n} ${s}`);
  return { text: `${records.length} tasks: ${parts.join(', ')}${worst && !ok ? ` (e.g. ${worst.id}: ${describeExitCode(worst.exitCode)})` : ''}`, ok };
}
