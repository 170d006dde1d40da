import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ValueContext } from '../../../server/src/slurm/values/grammar';
import { VALUE_KINDS } from '../../../server/src/slurm/values/kinds';
import { GRAMMARS } from '../../../server/src/slurm/values/registry';
import { parseArraySpec } from '../../../server/src/slurm/values/array';
import { parseMemoryToMiB } from '../../../server/src/slurm/values/memory';
import { parseTimeToSeconds } from '../../../server/src/slurm/values/time';
import { SLURM_VERSIONS, type TargetVersion } from '../../../server/src/slurm/versions';

/** Characters that matter to some grammar, so random strings reach deep paths. */
const SYNTAX = '0123456789-:,;?%*+=@/[](){}_.&|!# \tabxkmgtKMGTBSLRTnow';
const versions: TargetVersion[] = ['any', ...SLURM_VERSIONS];
const syntaxString = fc.array(fc.constantFrom(...SYNTAX.split('')), { maxLength: 30 }).map((a) => a.join(''));
/** Keys that exist on every JS object: a grammar must not mistake them for keywords. */
const objectKeys = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'gpu:constructor', 'map_mem:__proto__');
const anyString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ maxLength: 20, unit: 'binary' }), syntaxString, objectKeys);

describe('values: every grammar survives random input', () => {
  for (const kind of VALUE_KINDS) {
    it(`${kind}: validate, describe and completions never throw`, () => {
      const grammar = GRAMMARS[kind];
      fc.assert(
        fc.property(anyString, fc.constantFrom(...versions), fc.integer({ min: 0, max: 5000 }), (value, version, maxArraySize) => {
          const ctx: ValueContext = { option: kind, version, maxArraySize };
          const problems = grammar.validate(value, ctx);
          assert.ok(Array.isArray(problems));
          for (const p of problems) {
            assert.ok(['error', 'warning', 'info'].includes(p.severity));
            assert.equal(typeof p.message, 'string');
            assert.ok(p.message.length > 0);
            if (p.start !== undefined) assert.ok(p.start >= 0 && (p.end ?? 0) <= value.length && p.start < (p.end ?? 0));
          }
          const text = grammar.describe?.(value, ctx);
          assert.ok(text === undefined || typeof text === 'string');
          const offered = grammar.completions?.(ctx) ?? [];
          assert.ok(offered.every((c) => typeof c === 'string'));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('the exported parsers never throw', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const seconds = parseTimeToSeconds(value);
        const mib = parseMemoryToMiB(value);
        const spec = parseArraySpec(value);
        assert.ok(seconds === undefined || typeof seconds === 'number');
        assert.ok(mib === undefined || (Number.isInteger(mib) && mib >= 0));
        assert.ok(spec === undefined || spec.count >= 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('every grammar offers completions it accepts', () => {
    for (const kind of VALUE_KINDS) {
      const grammar = GRAMMARS[kind];
      const ctx: ValueContext = { option: kind, version: 'any', maxArraySize: 1001 };
      for (const value of grammar.completions?.(ctx) ?? []) {
        // Completions ending in ':' or '=' are prefixes to continue typing.
        if (/[:=]$/.test(value)) continue;
        const errors = grammar.validate(value, ctx).filter((p) => p.severity === 'error');
        assert.deepEqual(errors, [], `${kind} offers ${JSON.stringify(value)} but refuses it`);
      }
    }
  });
});
