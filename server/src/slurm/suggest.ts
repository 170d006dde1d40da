import type { OptionCatalog } from './catalog';
import { editDistance } from './scanner';

/**
 * Names people write for sbatch options from other schedulers or habits, mapped to the sbatch
 * option they mean. Used only to suggest; never to accept.
 */
const HABITS: Record<string, string> = {
  walltime: 'time',
  'wall-time': 'time',
  queue: 'partition',
  name: 'job-name',
  jobname: 'job-name',
  memory: 'mem',
  ppn: 'ntasks-per-node',
  cpus: 'cpus-per-task',
  cores: 'cpus-per-task',
  threads: 'cpus-per-task',
  gpu: 'gpus',
  'gpus-per-job': 'gpus',
  mail: 'mail-user',
  email: 'mail-user',
  'mail-users': 'mail-user',
  project: 'account',
  tasks: 'ntasks',
  node: 'nodes',
  workdir: 'chdir',
  'working-directory': 'chdir',
  stdout: 'output',
  stderr: 'error',
  depend: 'dependency',
  after: 'dependency',
};

/**
 * Suggests the option most likely meant by an unknown long name (without dashes), or
 * undefined when nothing is close enough. Called by the unknown-option rule and completion.
 */
export function suggestOption(name: string, catalog: OptionCatalog): string | undefined {
  const lower = name.toLowerCase();
  if (catalog.byName(lower)) return lower;
  const habit = HABITS[lower] ?? HABITS[lower.replace(/_/g, '-')];
  if (habit && catalog.byName(habit)) return habit;
  const underscored = lower.replace(/_/g, '-');
  if (catalog.byName(underscored)) return underscored;
  const limit = Math.max(1, Math.min(3, Math.floor(lower.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const spec of catalog.all()) {
    const d = editDistance(lower, spec.name);
    if (d < bestDistance || (d === bestDistance && best !== undefined && spec.name.length < best.length)) {
      best = spec.name;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
