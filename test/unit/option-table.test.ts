import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { OPTIONS, argKindIn, isOptionInVersion, optionByName, optionByShort, optionsInVersion } from '../../server/src/slurm/options';
import type { ArgKind, OptionSpec } from '../../server/src/slurm/options/types';
import { VALUE_KINDS } from '../../server/src/slurm/values/kinds';
import { SLURM_VERSIONS, isSlurmVersion, type SlurmVersion } from '../../server/src/slurm/versions';

/**
 * Facts copied from the sbatch option extraction (reference/sbatch-facts): one row per long
 * option, and one row per (series, option) with the getopt argument kind in that series.
 */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

function readTsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path.join(FIXTURES, file), 'utf8').split('\n').filter((l) => l !== '');
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

const GETOPT_KIND: Record<string, ArgKind> = {
  no_argument: 'none',
  required_argument: 'required',
  optional_argument: 'optional',
};

function versionList(cell: string): SlurmVersion[] {
  return cell === '' ? [] : cell.split(',').map((v) => {
    assert.ok(isSlurmVersion(v), `unknown series ${v} in fixture`);
    return v;
  });
}

interface FactRow {
  name: string;
  short: string;
  arg: ArgKind;
  versions: SlurmVersion[];
  documented: boolean;
  env: string;
}

const FACTS: FactRow[] = readTsv('sbatch-options.tsv').map((r) => ({
  name: r.long_name,
  short: r.short,
  arg: GETOPT_KIND[r.has_arg],
  versions: versionList(r.in_versions),
  documented: r.documented_in_man !== '',
  env: r.env_var,
}));

const ARG_BY_VERSION = readTsv('sbatch-options-by-version.tsv').map((r) => ({
  version: r.version as SlurmVersion,
  name: r.long_name,
  arg: GETOPT_KIND[r.has_arg],
}));

function spec(name: string): OptionSpec {
  const found = optionByName(name);
  assert.ok(found, `--${name} is missing from the option table`);
  return found;
}

describe('option table matches the sbatch facts', () => {
  it('reads the fixtures (122 options, one row per series and option)', () => {
    assert.strictEqual(FACTS.length, 122);
    assert.ok(ARG_BY_VERSION.length > 1000);
    assert.ok(FACTS.every((f) => f.arg !== undefined) && ARG_BY_VERSION.every((r) => r.arg !== undefined));
  });

  it('has exactly the options of the facts, no more and no fewer', () => {
    assert.deepStrictEqual(
      OPTIONS.map((o) => o.name).sort(),
      FACTS.map((f) => f.name).sort(),
    );
  });

  for (const fact of FACTS) {
    describe(`--${fact.name}`, () => {
      it('has the same short letter', () => {
        assert.strictEqual(spec(fact.name).short ?? '', fact.short);
      });

      it('has the same (newest) argument kind', () => {
        assert.strictEqual(spec(fact.name).arg, fact.arg);
      });

      it('reads the same environment variables', () => {
        assert.strictEqual((spec(fact.name).env ?? []).join(','), fact.env);
      });

      it('exists in exactly the listed series', () => {
        const o = spec(fact.name);
        const present = SLURM_VERSIONS.filter((v) => isOptionInVersion(o, v));
        assert.deepStrictEqual(present, fact.versions);
        const first = fact.versions[0];
        const last = fact.versions[fact.versions.length - 1];
        assert.strictEqual(o.since, first === '22.05' ? undefined : first, 'since');
        assert.strictEqual(o.until, last === 'master' ? undefined : last, 'until');
      });

      it('is marked documented exactly when the man page lists it', () => {
        assert.strictEqual(spec(fact.name).documented, fact.documented);
      });
    });
  }

  it('gives the argument kind of every series (argChanges)', () => {
    const wrong = ARG_BY_VERSION.filter((r) => argKindIn(spec(r.name), r.version) !== r.arg).map(
      (r) => `${r.version} --${r.name}: table ${argKindIn(spec(r.name), r.version)}, facts ${r.arg}`,
    );
    assert.deepStrictEqual(wrong, []);
  });

  it('records argChanges exactly for the options whose kind changed', () => {
    const changed = [...new Set(ARG_BY_VERSION.map((r) => r.name))].filter(
      (name) => new Set(ARG_BY_VERSION.filter((r) => r.name === name).map((r) => r.arg)).size > 1,
    );
    assert.deepStrictEqual(OPTIONS.filter((o) => o.argChanges).map((o) => o.name), changed.sort());
    for (const o of OPTIONS.filter((x) => x.argChanges)) {
      const changes = o.argChanges ?? [];
      assert.strictEqual(changes[changes.length - 1].arg, o.arg, `--${o.name}: last change is the newest kind`);
      assert.ok(changes.every((c, i) => i === 0 || SLURM_VERSIONS.indexOf(c.since) > SLURM_VERSIONS.indexOf(changes[i - 1].since)));
    }
  });
});

describe('option table is well formed', () => {
  it('is sorted by name without duplicates', () => {
    const names = OPTIONS.map((o) => o.name);
    assert.deepStrictEqual(names, [...names].sort());
    assert.strictEqual(new Set(names).size, names.length);
  });

  it('has no duplicate short letters, and optionByShort finds each', () => {
    const shorts = OPTIONS.flatMap((o) => (o.short ? [o.short] : []));
    assert.strictEqual(new Set(shorts).size, shorts.length);
    for (const o of OPTIONS.filter((x) => x.short)) assert.strictEqual(optionByShort(o.short ?? ''), o);
    assert.strictEqual(optionByShort('t')?.name, 'time');
    assert.strictEqual(optionByShort('y'), undefined);
  });

  it('looks names up exactly', () => {
    assert.strictEqual(optionByName('mem')?.name, 'mem');
    assert.strictEqual(optionByName('--mem'), undefined);
    assert.strictEqual(optionByName('me'), undefined);
  });

  it('names a known value kind for every option', () => {
    const known = new Set<string>(VALUE_KINDS);
    assert.deepStrictEqual(OPTIONS.filter((o) => !known.has(o.value)).map((o) => o.name), []);
  });

  it('uses value kind flag exactly for options that never take a value', () => {
    const neverTakesValue = (o: OptionSpec) => o.arg === 'none' && (o.argChanges ?? []).every((c) => c.arg === 'none');
    assert.deepStrictEqual(OPTIONS.filter((o) => neverTakesValue(o) !== (o.value === 'flag')).map((o) => o.name), []);
    assert.deepStrictEqual(OPTIONS.filter((o) => o.value === 'flag' && o.valueHint !== undefined).map((o) => o.name), []);
    assert.deepStrictEqual(OPTIONS.filter((o) => o.value !== 'flag' && !o.valueHint).map((o) => o.name), []);
  });

  it('has a one-line summary under 100 characters without a final period', () => {
    const bad = OPTIONS.filter((o) => o.summary.trim() === '' || o.summary.length >= 100 || /[.\n]$/.test(o.summary) || o.summary.includes('\n'));
    assert.deepStrictEqual(bad.map((o) => o.name), []);
  });

  it('has a description longer than its summary', () => {
    assert.deepStrictEqual(OPTIONS.filter((o) => o.description.length <= o.summary.length + 20).map((o) => o.name), []);
  });

  it('gives an example that is an #SBATCH line for the option, with a value exactly when one is allowed', () => {
    const bad: string[] = [];
    for (const o of OPTIONS) {
      const m = /^#SBATCH --([a-z0-9-]+)(?:(=)(\S.*)|( )(\S.*))?$/.exec(o.example);
      if (!m || m[1] !== o.name) {
        bad.push(`${o.name}: ${o.example}`);
        continue;
      }
      const hasValue = m[2] !== undefined || m[4] !== undefined;
      if (o.arg === 'none' && hasValue) bad.push(`${o.name}: flag with a value`);
      if (o.arg === 'required' && !hasValue) bad.push(`${o.name}: value missing`);
      // getopt only attaches an optional argument written with '='.
      if (o.arg === 'optional' && m[4] !== undefined) bad.push(`${o.name}: optional value needs '='`);
    }
    assert.deepStrictEqual(bad, []);
  });

  it('keeps enum values non-empty and unique', () => {
    const bad = OPTIONS.filter((o) => o.enumValues && (o.enumValues.length === 0 || new Set(o.enumValues).size !== o.enumValues.length || o.enumValues.some((v) => v === '')));
    assert.deepStrictEqual(bad.map((o) => o.name), []);
  });

  it('orders since before until and lists missing series only inside that range', () => {
    for (const o of OPTIONS) {
      const from = SLURM_VERSIONS.indexOf(o.since ?? '22.05');
      const to = SLURM_VERSIONS.indexOf(o.until ?? 'master');
      assert.ok(from <= to, `--${o.name}: since after until`);
      for (const v of o.missingIn ?? []) {
        const i = SLURM_VERSIONS.indexOf(v);
        assert.ok(i > from && i < to, `--${o.name}: missingIn ${v} outside its range`);
      }
    }
  });
});

describe('optionsInVersion', () => {
  it('returns the whole table for any', () => {
    assert.strictEqual(optionsInVersion('any').length, OPTIONS.length);
  });

  it('returns, for each series, the options the facts list for it', () => {
    for (const v of SLURM_VERSIONS) {
      assert.deepStrictEqual(
        optionsInVersion(v).map((o) => o.name),
        FACTS.filter((f) => f.versions.includes(v)).map((f) => f.name).sort(),
        v,
      );
    }
  });

  it('knows the gaps and renames between series', () => {
    const names = (v: SlurmVersion) => new Set(optionsInVersion(v).map((o) => o.name));
    assert.ok(names('23.02').has('export-file') && !names('23.11').has('export-file') && names('24.05').has('export-file'));
    assert.ok(names('23.11').has('power') && !names('24.05').has('power'));
    assert.ok(names('26.05').has('container-type') && !names('master').has('container-type') && names('master').has('runtime'));
  });
});

describe('argKindIn', () => {
  const cases: [string, SlurmVersion | 'any', ArgKind][] = [
    ['get-user-env', '22.05', 'optional'],
    ['get-user-env', '24.11', 'optional'],
    ['get-user-env', '25.05', 'none'],
    ['get-user-env', 'any', 'optional'],
    ['requeue', '25.05', 'none'],
    ['requeue', '25.11', 'optional'],
    ['requeue', 'master', 'optional'],
    ['time', 'any', 'required'],
    ['nice', '22.05', 'optional'],
  ];
  for (const [name, version, kind] of cases) {
    it(`--${name} in ${version} is ${kind}`, () => {
      assert.strictEqual(argKindIn(spec(name), version), kind);
    });
  }
});
