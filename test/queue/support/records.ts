/**
 * Hand-written squeue records in the format the queue model asks for (for tests and the benchmark).
 */
import { FIELD_SEP, RECORD_SEP, SQUEUE_FIELDS } from '../../../client/src/queue/squeue';

/** One squeue record from field values by key (missing keys: typical values of a running job). */
export function record(values: Partial<Record<string, string>>): string {
  const defaults: Record<string, string> = {
    jobid: '100', jobid_raw: '100', array_job_id: '100', array_task_id: 'N/A', user: 'alice', account: 'proj',
    partition: 'debug', state: 'RUNNING', reason: 'None', time_used: '1:02', time_limit: '1:00:00', nodes: '1', cpus: '4',
    tres_per_node: 'N/A', submit_time: '2025-01-02T03:04:05', start_time: '2025-01-02T03:04:06', qos: 'normal',
    priority: '1000', dependency: '(null)', nodelist: 'n01', work_dir: '/home/alice', name: 'job',
  };
  return RECORD_SEP + SQUEUE_FIELDS.map((f) => values[f.key] ?? defaults[f.key]).join(FIELD_SEP) + '\n';
}

