import { lineRange, type Finding } from '../../core/types';
import type { ParsedOption } from '../../slurm/getopt';
import { optionAsksForGpu } from '../resources/jobRequest';
import { swallowedOption } from '../slurm/shared';
import type { Rule } from '../types';
import { GPU_ENV, containerInvocations, isGpuOption, markUnknown } from './invocation';

const ID = 'container/gpu-without-nv';

/** The option through which the job asks for GPUs, if it does. */
function gpuRequest(options: ParsedOption[]): ParsedOption | undefined {
  return options.find((o) => o.value !== undefined && !swallowedOption(o) && optionAsksForGpu(o.spec.name, o.value));
}

/**
 * Signs that the job runs on AMD GPUs: ROCm's own environment variables and tools. An AMD GPU is
 * reached through device files (`/dev/kfd`, `/dev/dri`), which Apptainer binds by default, and a
 * ROCm image carries the user space itself, so such a container needs no `--rocm`.
 */
const AMD_GPU_SIGNS = /\b(MIOPEN_[A-Z_]+|HIP_VISIBLE_DEVICES|ROCR_VISIBLE_DEVICES|HSA_[A-Z_]+|rocm-smi)\b|\bmodule\s+(load|add)\b[^\n]*\brocm/;

/**
 * A job that asks Slurm for GPUs but starts its containers without `--nv`, `--nvccli` or `--rocm`:
 * the container then sees no GPU driver and the program falls back to the CPU or fails. When one
 * start of the script has such a flag, the others are taken as deliberate CPU steps. A job that
 * shows it runs on AMD GPUs (ROCm variables or tools, a ROCm image) is left alone.
 */
export const gpuWithoutNv: Rule = {
  meta: { id: ID, description: 'A GPU job starts a container without --nv (or --nvccli, --rocm)', defaultSeverity: 'warning', fixable: true, tip: 7 },
  check({ script, shell }) {
    if (!shell || shell.status !== 'parsed') return [];
    const request = gpuRequest(script.options);
    if (!request) return [];
    if (shell.assignments.some((a) => GPU_ENV.includes(a.name))) return [];
    if (AMD_GPU_SIGNS.test(script.text)) return [];
    const invocations = containerInvocations(shell);
    // One start with a GPU flag shows the author knows it: the others are taken as CPU steps.
    if (invocations.some((inv) => inv.options.some((o) => isGpuOption(o.name)))) return [];
    const findings: Finding[] = [];
    for (const inv of invocations) {
      // A ROCm image (`pytorch_rocm6.0.sif`, `docker://rocm/pytorch:...`) is an AMD job too.
      if (inv.image && /rocm/i.test(inv.image.text + (markUnknown(shell, inv.image, inv.command) ?? ''))) continue;
      const at = inv.verb.range.end;
      const insert = (flag: string, preferred: boolean) => ({
        title: `Give the container the host's ${flag === '--nv' ? 'NVIDIA' : 'AMD'} GPU driver (${flag})`,
        edits: [{ range: lineRange(at.line, at.character, at.character), newText: ` ${flag}` }],
        isPreferred: preferred,
        // NOTE: not safe: which flag is right depends on the GPUs' vendor, which the script
        // does not say.
        safe: false,
      });
      findings.push({
        code: ID,
        severity: 'warning',
        range: { start: inv.command.range.start, end: inv.verb.range.end },
        message: `This job asks for GPUs (${request.written}${request.valueFromNextArg ? ' ' : '='}${request.value}, line ${request.line + 1}) but ${inv.tool} ${inv.verb.text} has no --nv (NVIDIA), --nvccli or --rocm (AMD): the container gets no GPU driver and cannot use them`,
        fixes: [insert('--nv', true), insert('--rocm', false)],
        data: { request: request.spec.name },
      });
    }
    return findings;
  },
};
