import type { Finding } from '../../core/types';
import { getoptTarget, type ParsedOption } from '../../slurm/getopt';
import { optionRange } from '../ranges';
import type { Rule } from '../types';

const ID = 'slurm/missing-required-option';

type Present = Map<string, ParsedOption>;

/** True when the job asks for GPUs in any of the ways sbatch counts as a GPU request. */
function requestsGpus(p: Present): boolean {
  if (['gpus', 'gpus-per-node', 'gpus-per-task', 'gpus-per-socket'].some((n) => p.has(n))) return true;
  const gres = p.get('gres')?.value ?? '';
  return gres.split(',').some((item) => /^(gres\/)?gpu(:|$)/i.test(item.trim()));
}

interface Requirement {
  option: string;
  /** Only when the option's value matches (e.g. --distribution=arbitrary). */
  when?: (value: string) => boolean;
  satisfied: (p: Present) => boolean;
  needs: string;
}

/** Options sbatch refuses unless another option is also given (facts checked with sbatch 22.05). */
const REQUIREMENTS: Requirement[] = [
  { option: 'mem-per-gpu', satisfied: requestsGpus, needs: 'a GPU request (--gpus, --gpus-per-node, --gpus-per-task, --gpus-per-socket or --gres=gpu:N)' },
  { option: 'gpus-per-task', satisfied: (p) => p.has('gpus') || p.has('ntasks'), needs: '--ntasks (or --gpus) so Slurm knows how many tasks get GPUs' },
  { option: 'gpus-per-socket', satisfied: (p) => p.has('sockets-per-node'), needs: '--sockets-per-node' },
  { option: 'ntasks-per-gpu', satisfied: (p) => requestsGpus(p) || p.has('nodes') || p.has('ntasks'), needs: 'a GPU request or a node or task count' },
  { option: 'ntasks-per-tres', satisfied: (p) => requestsGpus(p) || p.has('nodes') || p.has('ntasks'), needs: 'a GPU request or a node or task count' },
  { option: 'distribution', when: (v) => /^arbitrary/i.test(v), satisfied: (p) => p.has('nodelist') || p.has('nodefile'), needs: 'a node list (--nodelist/-w or --nodefile)' },
];

/**
 * Options that sbatch refuses without a companion option: --mem-per-gpu without any GPU request,
 * --gpus-per-task without --ntasks, --gpus-per-socket without --sockets-per-node, and so on.
 */
export const missingRequiredOption: Rule = {
  meta: { id: ID, description: 'An option sbatch refuses unless another option is also given', defaultSeverity: 'error', fixable: false, tip: 4 },
  check({ script }) {
    const findings: Finding[] = [];
    for (const component of script.components) {
      const present: Present = new Map();
      for (const o of component.options) present.set(getoptTarget(o.spec.name), o);
      for (const r of REQUIREMENTS) {
        const o = present.get(r.option);
        if (!o || (r.when && !r.when(o.value ?? '')) || r.satisfied(present)) continue;
        findings.push({
          code: ID, severity: 'error', range: optionRange(o),
          message: `--${r.option}${r.when ? `=${o.value}` : ''} needs ${r.needs}; without it sbatch refuses the script`,
          fixes: [], data: { option: r.option },
        });
      }
    }
    return findings;
  },
};
