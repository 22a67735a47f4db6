// MANIFEST as the appliance reads it: the table of SDK verdicts and reported versions
// (manifest-yaml11-table.ts), each place the `yaml` package's yaml-1.1 schema differs from PyYAML,
// Python's str() of the values, and the linter's warnings.
import { test, expect } from '@playwright/test';
import { parse } from 'yaml';
import { buildZip } from '../generators/zip-bytes.ts';
import { inspectPlugin } from '../contract/plugin/inspect.ts';
import { floatRepr, pyRepr, pyStr, type PyValue } from '../contract/plugin/py-value.ts';
import { safeLoad } from '../contract/plugin/yaml11-load.ts';
import { DIFFERENCES } from '../contract/plugin/yaml11-tags.ts';
import { profile } from '../contract/profiles.ts';
import { TABLE } from './manifest-yaml11-table.ts';

async function inspectText(text: string) {
  return inspectPlugin(
    await buildZip([
      { name: 'MANIFEST', content: text },
      { name: 'main.py', content: 'class Plugin: pass\n' },
    ]),
    { profile: profile('9.x') },
  );
}

/** What our safe_load makes of `v: <text>`: [Python type, str()], or the failure. */
function ours(text: string): [string, string] | string {
  const loaded = safeLoad(`v: ${text}\n`);
  if (loaded.kind === 'error') return loaded.crash ? 'crash' : 'YAMLError';
  if (loaded.kind !== 'mapping') return 'not a mapping';
  const v = loaded.entries[0]!.value;
  return [v.kind, pyStr(v)];
}

/** What the `yaml` package's own yaml-1.1 schema makes of `v: <text>`. */
function stock(text: string): unknown {
  return (parse(`v: ${text}\n`, { version: '1.1', schema: 'yaml-1.1' }) as { v: unknown }).v;
}

test.describe('the SDK verdict and reported version of each table MANIFEST (9.x: plugin API 1.9)', () => {
  test('the table has at least 60 MANIFESTs', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });
  for (const row of TABLE) {
    test(row.title, async () => {
      const result = await inspectText(row.text);
      const first = result.problems[0]?.rule ?? 'accepted';
      expect(first, row.text).toBe(row.verdict);
      if (row.version !== undefined) expect(result.manifest?.version, row.text).toBe(row.version);
    });
  }
});

test.describe("where the yaml package's yaml-1.1 schema differs from PyYAML", () => {
  test('the list of differences is the one the tests below cover', () => {
    expect(DIFFERENCES).toHaveLength(13);
  });
  test('bool: y and n are strings to PyYAML', () => {
    expect(stock('y')).toBe(true);
    expect(ours('y')).toEqual(['str', 'y']);
    expect(ours('N')).toEqual(['str', 'N']);
    expect(ours('on')).toEqual(['bool', 'True']);
  });
  test('int: 08 is a string to PyYAML', () => {
    expect(stock('08')).toBe(8);
    expect(ours('08')).toEqual(['str', '08']);
    expect(ours('010')).toEqual(['int', '8']);
  });
  test('int: 0:30 is a string to PyYAML', () => {
    expect(stock('0:30')).toBe(30);
    expect(ours('0:30')).toEqual(['str', '0:30']);
    expect(ours('1:30')).toEqual(['int', '90']);
  });
  test('int: Python ints keep every digit', () => {
    expect(String(stock('12345678901234567890'))).not.toBe('12345678901234567890');
    expect(ours('12345678901234567890')).toEqual(['int', '12345678901234567890']);
  });
  test('float: an exponent needs a sign and a dot in PyYAML', () => {
    expect(stock('1e3')).toBe(1000);
    expect(stock('1.0e3')).toBe(1000);
    expect(ours('1e3')).toEqual(['str', '1e3']);
    expect(ours('1.0e3')).toEqual(['str', '1.0e3']);
    expect(ours('1.0e+3')).toEqual(['float', '1000.0']);
  });
  test('float: -.5, +.5 and "." are strings to PyYAML', () => {
    expect(stock('-.5')).toBe(-0.5);
    expect(ours('-.5')).toEqual(['str', '-.5']);
    expect(ours('+.5')).toEqual(['str', '+.5']);
    expect(ours('.')).toEqual(['str', '.']);
    expect(ours('.5')).toEqual(['float', '0.5']);
  });
  test('float: 1.0 stays a float and prints "1.0"; 1 is an int', () => {
    expect(stock('1.0')).toBe(stock('1'));
    expect(ours('1.0')).toEqual(['float', '1.0']);
    expect(ours('1')).toEqual(['int', '1']);
  });
  test('timestamp: a date stays a date, a time keeps its offset and microseconds', () => {
    expect(stock('2001-12-14')).toBeInstanceOf(Date);
    expect(ours('2001-12-14')).toEqual(['date', '2001-12-14']);
    expect(ours('2001-12-14t21:59:43.10-05:00')).toEqual(['datetime', '2001-12-14 21:59:43.100000-05:00']);
    expect(ours('2001-12-14 21:59:43.0')).toEqual(['datetime', '2001-12-14 21:59:43']);
  });
  test('timestamp: an impossible date is a Python ValueError', () => {
    expect(stock('2001-02-30')).toBeInstanceOf(Date);
    expect(ours('2001-02-30')).toBe('crash');
    expect(ours('0000-01-01')).toBe('crash');
    expect(ours('2001-12-14 24:00:00')).toBe('crash');
  });
  test('value: a plain "=" cannot be constructed; as a key it is the string "="', () => {
    expect(stock('=')).toBe('=');
    expect(ours('=')).toBe('YAMLError');
    expect(ours("'='")).toEqual(['str', '=']);
    const loaded = safeLoad('=: x\n');
    expect(loaded.kind === 'mapping' && pyStr(loaded.entries[0]!.key)).toBe('=');
  });
  test('merge: a plain "<<" as a value cannot be constructed', () => {
    expect(ours('<<')).toBe('YAMLError');
    expect(ours('"<<"')).toEqual(['str', '<<']);
  });
  test('explicit tags run the constructor on any text', () => {
    expect(ours('!!float "1"')).toEqual(['float', '1.0']);
    expect(ours('!!null x')).toEqual(['none', 'None']);
    expect(ours('!!int "0x1F"')).toEqual(['int', '31']);
    expect(ours('!!int "abc"')).toBe('crash');
    expect(ours('!!bool maybe')).toBe('crash');
    expect(ours('!!timestamp x')).toBe('crash');
    expect(ours('!!str 1.10')).toEqual(['str', '1.10']);
    expect(ours('!foo x')).toBe('YAMLError');
  });
  test('the non-specific tag "!" still resolves by the look, even quoted', () => {
    expect(stock('! 1.10')).toBe('1.10');
    expect(ours('! 1.10')).toEqual(['float', '1.1']);
    expect(ours('! "1.10"')).toEqual(['float', '1.1']);
  });
});

test.describe("where the yaml package's parser differs from PyYAML's", () => {
  test('a tab between tokens is a ScannerError to PyYAML', () => {
    expect(parse('v:\t1\n', { version: '1.1' })).toEqual({ v: 1 });
    expect(ours('\t1')).toBe('YAMLError');
    expect(ours('1\t')).toBe('YAMLError');
    expect(ours('a\tb')).toBe('YAMLError');
    expect(ours('"a\tb"')).toEqual(['str', 'a\tb']);
    expect(ours('|\n  a\tb')).toEqual(['str', 'a\tb\n']);
    expect(ours('1 #\tnote')).toEqual(['int', '1']);
  });
  test("characters PyYAML's Reader refuses", () => {
    expect(ours('a\u0001b')).toBe('YAMLError');
    expect(ours('a\u007fb')).toBe('YAMLError');
  });
  test('a tab-indented continuation of a quoted scalar: PyYAML reads it, the package refuses (kept)', () => {
    expect(ours('"a\n\tb"')).toBe('YAMLError');
  });
  test('nesting deeper than the stack is refused, not thrown', () => {
    expect(ours(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toBe('YAMLError');
  });
});

test.describe('Python str() and repr()', () => {
  test('float repr: shortest digits, exponent below 1e-4 and from 1e16', () => {
    const cases: Array<[number, string]> = [
      [1.0, '1.0'],
      [1.1, '1.1'],
      [0.1 + 0.2, '0.30000000000000004'],
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [1.5e16, '1.5e+16'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [1.5e-7, '1.5e-07'],
      [-0, '-0.0'],
      [0, '0.0'],
      [Infinity, 'inf'],
      [-Infinity, '-inf'],
      [NaN, 'nan'],
      [1e22, '1e+22'],
      [123456789.125, '123456789.125'],
      [1e300 * 10, '1e+301'],
    ];
    for (const [x, text] of cases) expect(floatRepr(x), String(x)).toBe(text);
  });
  test('booleans, None, dates and containers', () => {
    const s = (v: PyValue) => pyStr(v);
    expect(s({ kind: 'bool', value: true })).toBe('True');
    expect(s({ kind: 'none' })).toBe('None');
    expect(s({ kind: 'date', year: 1, month: 2, day: 3 })).toBe('0001-02-03');
    const list: PyValue = {
      kind: 'list',
      items: [
        { kind: 'str', value: "it's" },
        { kind: 'str', value: 'a\nb' },
        { kind: 'float', value: 1.5 },
        { kind: 'date', year: 2001, month: 12, day: 14 },
      ],
    };
    expect(s(list)).toBe(`["it's", 'a\\nb', 1.5, datetime.date(2001, 12, 14)]`);
    expect(pyRepr({ kind: 'str', value: 'say "hi" it\'s' })).toBe(`'say "hi" it\\'s'`);
  });
  test('containers read from YAML print as Python prints them', () => {
    expect(ours('{a: 1, b: [yes, ~]}')).toEqual(['dict', "{'a': 1, 'b': [True, None]}"]);
    expect(ours('!!omap [a: 1]')).toEqual(['pairs', "[('a', 1)]"]);
    expect(ours('[2001-12-14 21:59:43 Z]')).toEqual([
      'list',
      '[datetime.datetime(2001, 12, 14, 21, 59, 43, tzinfo=datetime.timezone.utc)]',
    ]);
  });
  test('an alias bomb renders within a budget, not in full', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(', ')}]`,
      );
    const loaded = safeLoad(`${levels.join('\n')}\n`);
    expect(loaded.kind).toBe('mapping');
    const last = loaded.kind === 'mapping' ? loaded.entries[8]!.value : ({ kind: 'none' } as PyValue);
    expect(pyStr(last).length).toBeLessThan(200_000);
  });
});

test.describe('warnings where SPS reads a value otherwise than it looks', () => {
  test('version: 1.10 warns with what SPS shows and how to write it', async () => {
    const result = await inspectText('name: SPS_x\ntype: aa\napi: 1.1\nversion: 1.10\n');
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      {
        rule: 'manifest.read-as-other-type',
        field: 'version',
        line: 4,
        column: 10,
        message: "version: 1.10 is read by SPS as the number 1.1 and shown as '1.1'; write version: '1.10'",
      },
    ]);
  });
  test('no warning where the value shows as written: 1.0, 1.1, 10, a quoted 1.10, a date', async () => {
    for (const v of ['1.0', '10', "'1.10'", '"1.10"', '2001-12-14', '1.1.0']) {
      const result = await inspectText(`name: SPS_x\ntype: aa\napi: 1.1\nversion: ${v}\n`);
      expect(result.warnings, v).toEqual([]);
    }
  });
  test('an api with only a major warns: some semantic_version releases cannot compare it', async () => {
    const result = await inspectText('name: SPS_x\ntype: aa\napi: 1\nversion: 1.0\n');
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => w.rule)).toEqual(['manifest.api-without-minor']);
    expect(result.warnings[0]!.message).toContain("write api: '1.0'");
  });
  test('a false entry_point counts as absent', async () => {
    const result = await inspectText('name: SPS_x\ntype: aa\napi: 1.1\nversion: 1.0\nentry_point: no\n');
    expect(result.problems).toEqual([]);
    expect(result.manifest?.entryPoint).toBeNull();
    expect(result.warnings.map((w) => w.message)).toEqual([
      "entry_point: no is read by SPS as the boolean False, so it counts as absent and main.py is the entry point; write entry_point: 'no'",
    ]);
  });
  test('a refused boolean name says why', async () => {
    const result = await inspectText('name: yes\ntype: aa\napi: 1.1\nversion: 1.0\n');
    expect(result.problems.map((p) => p.message)).toEqual([
      "MANIFEST name must be text, but YAML 1.1 reads yes as the boolean True, which the SDK validator cannot check; write name: 'yes'",
    ]);
  });
  test('a Python crash while reading is refused with the reason', async () => {
    const result = await inspectText('name: SPS_x\ntype: aa\napi: 1.1\nversion: 2001-02-30\n');
    expect(result.problems).toEqual([
      {
        rule: 'manifest.invalid-yaml',
        message:
          'MANIFEST cannot be read: PyYAML fails with ValueError: day is out of range for month, which the SDK validator does not catch',
      },
    ]);
  });
});
