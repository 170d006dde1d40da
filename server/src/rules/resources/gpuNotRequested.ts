import type { Range } from '../../core/types';
import type { ShellModel } from '../../shell/model';
import { containerInvocations, isGpuOption } from '../container/invocation';
import type { Rule } from '../types';
import { asksForGpu, requestedOptions } from './jobRequest';
import { commandWords, isPython, programName, programPositions, wordText } from './shellWords';

const ID = 'resources/gpu-not-requested';

/** Programs that only make sense with a GPU. */
const GPU_PROGRAMS = new Set(['nvidia-smi', 'rocm-smi', 'torchrun', 'deepspeed']);

/** Values of CUDA_VISIBLE_DEVICES that hide every GPU (a deliberate CPU run). */
const HIDING_VALUES = new Set(['', '-1', 'none', 'NoDevFiles']);

/** A place in the body that shows GPU work, and what it is. */
interface GpuSign {
  what: string;
  range: Range;
  /** True for a bare `nvidia-smi`/`rocm-smi`, which a script may run only to log what it got. */
  probe: boolean;
}

/** GPU programs started by the commands: `torchrun`, `srun nvidia-smi`, `python -m torch.distributed.run`, `accelerate launch`. */
function programSigns(shell: ShellModel): GpuSign[] {
  const signs: GpuSign[] = [];
  for (const command of shell.commands) {
    const words = commandWords(command);
    for (const i of programPositions(words)) {
      const name = programName(words[i]);
      const next = words[i + 1];
      if (name !== undefined && GPU_PROGRAMS.has(name)) {
        signs.push({ what: name, range: words[i].range, probe: name.endsWith('-smi') });
      } else if (isPython(name) && next !== undefined && wordText(next) === '-m' && /^torch\.distributed\.(run|launch)$/.test(wordText(words[i + 2] ?? next))) {
        signs.push({ what: `${name} -m ${wordText(words[i + 2])}`, range: words[i].range, probe: false });
      } else if (name === 'accelerate' && next !== undefined && wordText(next) === 'launch' && !words.some((w) => wordText(w) === '--cpu')) {
        signs.push({ what: 'accelerate launch', range: words[i].range, probe: false });
      } else continue;
      break;
    }
  }
  return signs;
}

/** Container starts with `--nv`, `--nvccli` or `--rocm`. */
function containerSigns(shell: ShellModel): GpuSign[] {
  return containerInvocations(shell).flatMap((inv) => {
    const flag = inv.options.find((o) => isGpuOption(o.name));
    return flag ? [{ what: `${inv.tool} ${inv.verb.text} ${flag.word.text}`, range: flag.word.range, probe: false }] : [];
  });
}

/** `CUDA_VISIBLE_DEVICES` set to a device list, or read by a command. */
function cudaVariableSigns(shell: ShellModel): GpuSign[] {
  const signs: GpuSign[] = [];
  for (const a of shell.assignments) {
    if (a.name !== 'CUDA_VISIBLE_DEVICES') continue;
    if (a.value !== undefined && HIDING_VALUES.has(a.value.trim())) continue;
    signs.push({ what: 'CUDA_VISIBLE_DEVICES=', range: a.nameRange, probe: false });
  }
  for (const command of shell.commands) {
    // Printing it (`echo "GPUs: $CUDA_VISIBLE_DEVICES"`) only logs what the job got.
    if (LOGGING.has(programName(command.name) ?? '')) continue;
    for (const w of commandWords(command)) {
      if (/\$\{?CUDA_VISIBLE_DEVICES\b/.test(w.text)) signs.push({ what: '$CUDA_VISIBLE_DEVICES', range: w.range, probe: false });
    }
  }
  return signs;
}

/** Commands that only print their arguments. */
const LOGGING = new Set(['echo', 'printf']);

/** A test whether the job got GPUs: `[[ -n "${CUDA_VISIBLE_DEVICES:-}" ]]`, `[ -z "$CUDA_VISIBLE_DEVICES" ]`, `[[ -v CUDA_VISIBLE_DEVICES ]]`. */
const GPU_TEST = /\[\[?\s+!?\s*-[nzv]\s+"?\$?\{?CUDA_VISIBLE_DEVICES\b/;

/**
 * True when the script asks whether it has GPUs before using the tools: `command -v nvidia-smi`,
 * `which nvidia-smi`, or a test of CUDA_VISIBLE_DEVICES (a job header shared by CPU and GPU jobs).
 */
function probesForGpuTools(text: string, shell: ShellModel): boolean {
  if (GPU_TEST.test(text)) return true;
  return shell.commands.some((c) => {
    const name = programName(c.name);
    if (name !== 'command' && name !== 'which' && name !== 'type' && name !== 'hash') return false;
    return c.args.some((a) => /^(nvidia|rocm)-smi$/.test(a.value ?? ''));
  });
}

/** Written options that sbatch could not read and that may have been meant as a GPU request. */
function unreadGpuOption(problems: { written: string }[]): boolean {
  return problems.some((p) => /^(--?(gpu|gres|tres)|-G)/.test(p.written));
}

function startsBefore(a: Range, b: Range): boolean {
  return a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
}

/**
 * GPU work in the body (nvidia-smi, torchrun, deepspeed, `python -m torch.distributed.run`,
 * `accelerate launch`, a container with `--nv`, CUDA_VISIBLE_DEVICES) in a job whose directives
 * ask for no GPU: Slurm gives a job only the GPUs it asks for, so the work finds none. One finding
 * per script, at the first sign. A script without any directive is left alone (its options may
 * come from the sbatch command line), and so is one whose GPU option sbatch could not read.
 */
export const gpuNotRequested: Rule = {
  meta: { id: ID, description: 'GPU work (nvidia-smi, torchrun, --nv, CUDA_VISIBLE_DEVICES) in a job that asks for no GPU', defaultSeverity: 'warning', fixable: false, tip: 4 },
  check({ script, settings, shell }) {
    if (!shell || shell.status !== 'parsed' || script.shape) return [];
    const requested = requestedOptions(script, settings);
    if (requested.length === 0 || requested.some(asksForGpu)) return [];
    if (script.components.some((c) => unreadGpuOption(c.problems))) return [];
    let signs = [...programSigns(shell), ...containerSigns(shell), ...cudaVariableSigns(shell)];
    // NOTE: `if command -v nvidia-smi ...; then nvidia-smi; fi` (or a test of CUDA_VISIBLE_DEVICES)
    // only logs the GPUs when there are some; such a probe alone is no sign that the job needs one.
    if (probesForGpuTools(script.text, shell)) signs = signs.filter((s) => !s.probe);
    if (signs.length === 0) return [];
    const first = signs.reduce((a, b) => (startsBefore(b.range, a.range) ? b : a));
    const others = new Set(signs.map((s) => s.what).filter((w) => w !== first.what));
    const also = others.size > 0 ? ` (also ${[...others].join(', ')})` : '';
    return [{
      code: ID,
      severity: 'warning',
      range: first.range,
      message: `GPU work (${first.what})${also} in a job that asks for no GPU: Slurm gives a job only the GPUs it requests, so this finds none or falls back to the CPU. Ask for them, e.g. #SBATCH --gpus-per-node=1 or --gres=gpu:1`,
      fixes: [],
      data: { sign: first.what },
    }];
  },
};
