/**
 * Job ids as squeue prints them, checked before any id goes into a command line.
 */

// NOTE: one id: digits, then optionally `_task` (digits or a bracketed range list such as
// [5-9,12%2]) or `+component` (heterogeneous job). Nothing else: no spaces, no signs, no shell
// characters. Kept strict on purpose; every action goes through it.
const JOB_ID = /^[0-9]{1,10}(?:_(?:[0-9]{1,10}|\[[0-9]{1,10}(?:-[0-9]{1,10})?(?::[0-9]{1,10})?(?:,[0-9]{1,10}(?:-[0-9]{1,10})?(?::[0-9]{1,10})?)*(?:%[0-9]{1,10})?\])|\+[0-9]{1,5})?$/;

/**
 * Whether a string is a job id we accept for an action: "123", "123_4", "123_[5-9%2]", "123+1".
 * Called before any id is passed to scancel/scontrol; returns false for anything else.
 */
export function isValidJobId(id: string): boolean {
  return typeof id === 'string' && JOB_ID.test(id);
}
