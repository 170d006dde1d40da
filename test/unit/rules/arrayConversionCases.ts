/**
 * The shape of the cases of arrayConversion.test.ts (the cases themselves are in
 * arrayConversion{Loop,Line,NoFix}Cases.ts): a submit script (lines), the files the fake reader holds
 * (default: `job.sh` = JOB_FOOT), and the expected new submit script and array script, or the
 * reason there is no fix (`after-reading`: the submit script alone allowed one, the job script
 * did not).
 */

/** The job script most cases submit. */
export const JOB_FOOT = ['#!/bin/bash', '#SBATCH --time=00:10:00', '#SBATCH --mem=2G', '', 'python work.py "$@"', ''].join('\n');

/** The array script made from JOB_FOOT: its header, the prologue lines, then the rest. */
export function fromJob(...prologue: string[]): string[] {
  return ['#!/bin/bash', '#SBATCH --time=00:10:00', '#SBATCH --mem=2G', '# One task of the job array that replaces a loop of sbatch calls (converted by HPC Workflows).', ...prologue, '', 'python work.py "$@"'];
}

export interface ConversionCase {
  name: string;
  driver: string[];
  files?: Record<string, string>;
  maxArraySize?: number;
  expect:
    | { driver: string[]; path: string; arrayScript: string[]; throttledDriver?: string[] }
    | { noFix: string };
}
