import type { Finding } from '../../core/types';
import type { Rule } from '../types';
import { UNKNOWN, containerInvocations, markUnknown } from './invocation';

const ID = 'container/unpinned-image';

/** Registries whose references name an image by tag or digest. */
const REGISTRY = /^(docker|library|oras):\/\/(.+)$/;

/**
 * Why a registry reference is not pinned (`no tag`, `the tag latest`), or undefined when it names
 * a digest (`@sha256:...`, library's `:sha256.…`) or a fixed tag.
 */
export function unpinnedBecause(reference: string): string | undefined {
  const m = REGISTRY.exec(reference);
  if (!m) return undefined;
  const rest = m[2];
  if (/@sha256:/.test(rest) || /:sha256\./.test(rest)) return undefined;
  const last = rest.slice(rest.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  if (colon < 0) return 'has no tag, so it means :latest';
  const tag = last.slice(colon + 1);
  if (tag === '' || tag === 'latest') return 'uses the tag latest';
  return undefined;
}

/**
 * A container started straight from a registry by a moving reference (`docker://python`,
 * `docker://python:latest`, `library://…`, `oras://…` without a tag): each run may get a
 * different image, so results cannot be reproduced.
 */
export const unpinnedImage: Rule = {
  meta: { id: ID, description: 'A container image from a registry without a fixed tag or digest (`docker://repo`, `:latest`)', defaultSeverity: 'info', fixable: false, tip: 7 },
  check({ shell }) {
    if (!shell || shell.status !== 'parsed') return [];
    const findings: Finding[] = [];
    for (const inv of containerInvocations(shell)) {
      if (!inv.image) continue;
      // A reference with a part that depends on the run (`docker://repo:$TAG`) is not judged.
      const reference = markUnknown(shell, inv.image, inv.command);
      if (reference === undefined || reference.includes(UNKNOWN)) continue;
      const why = unpinnedBecause(reference);
      if (!why) continue;
      const via = inv.image.value === undefined ? ` (${inv.image.text})` : '';
      findings.push({
        code: ID,
        severity: 'info',
        range: inv.image.range,
        message: `${reference}${via} ${why}: the registry may serve a different image next time. Pin a digest (@sha256:...) or build a .sif once (${inv.tool} pull) and run that file`,
        fixes: [],
        data: { reference },
      });
    }
    return findings;
  },
};
