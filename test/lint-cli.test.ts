// The `lint` command against the generators' labels: every defect kind, many runs, each reported as
// exactly its rule; and the command line itself (formats, profiles, exit codes).
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  brokenPluginZip,
  pluginZipBytes,
  pluginZipDefectRules,
  pluginZipWith,
  validPluginZip,
} from '../generators/plugin-zip.ts';
import { formatHuman, lintFile } from '../commands/cli/lint-command.ts';
import { profile } from '../contract/profiles.ts';
import { loadSettings } from '../suite/target/settings.ts';

const BIN = fileURLToPath(new URL('../bin/sps-conformance.js', import.meta.url));
const { fcSeed, fcRuns } = loadSettings();
let dir: string;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sps-lint-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  const res = spawnSync(process.execPath, [BIN, 'lint', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

let counter = 0;
function write(bytes: Buffer): string {
  const file = join(dir, `case-${counter++}.zip`);
  writeFileSync(file, bytes);
  return file;
}

test('lint reports exactly the labelled rule for every defect kind', async () => {
  const rules = pluginZipDefectRules(profile('7.x')).filter((r) => r !== 'zip.too-large');
  for (const rule of rules) {
    await fc.assert(
      fc.asyncProperty(pluginZipWith(rule, profile('7.x')), async (c) => {
        const result = await lintFile(write(await pluginZipBytes(c)), '7.x');
        expect(result.valid).toBe(false);
        expect(
          result.problems.map((p) => p.rule),
          rule,
        ).toEqual([rule]);
      }),
      { seed: fcSeed, numRuns: Math.max(3, Math.ceil(fcRuns / 4)) },
    );
  }
});

test('lint finds valid plugins valid, with the profile deciding', async () => {
  await fc.assert(
    fc.asyncProperty(validPluginZip(profile('6.0')), async (c) => {
      const result = await lintFile(write(await pluginZipBytes(c)), '6.0');
      expect(result).toMatchObject({ valid: true, problems: [], manifest: c.manifest });
    }),
    { seed: fcSeed, numRuns: fcRuns },
  );
});

test('human output names every rule and a summary', async () => {
  const [bad] = fc.sample(brokenPluginZip(profile('7.x'), ['manifest.missing-field:name']), {
    seed: fcSeed,
    numRuns: 1,
  });
  const result = await lintFile(write(await pluginZipBytes(bad!)), '7.x');
  const text = formatHuman([result], '7.x');
  expect(text).toContain(': INVALID');
  expect(text).toContain("[manifest.missing-field:name] MANIFEST 'name' is missing");
  expect(text).toContain('1 checked against SPS 7.x: 0 valid, 1 invalid');
});

test.describe('the command line', () => {
  let valid: string;
  let hyphenated: string;
  let broken: string;

  test.beforeAll(async () => {
    const [v] = fc.sample(validPluginZip(profile('7.x')), { seed: fcSeed, numRuns: 1 });
    valid = write(await pluginZipBytes(v!));
    hyphenated = write(
      await pluginZipBytes({
        files: [
          {
            name: 'MANIFEST',
            content: 'name: Sample-Authentication-Plugin\nversion: 1.12\ntype: aa\napi: 1.0\nentry_point: main.py\n',
          },
          { name: 'main.py', content: 'x\n' },
        ],
        damage: null,
      }),
    );
    broken = write(Buffer.from('not a zip'));
  });

  test('exit 0 when every file is valid', () => {
    const { code, out } = cli([valid]);
    expect(code).toBe(0);
    expect(out).toMatch(/: valid/);
  });

  test('exit 1 when some file is invalid; --json lists every file and rule', () => {
    const { code, out, err } = cli(['--json', valid, broken]);
    expect(code).toBe(1);
    expect(err).toBe('');
    const results = JSON.parse(out) as Array<{ file: string; valid: boolean; problems: Array<{ rule: string }> }>;
    expect(results.map((r) => r.valid)).toEqual([true, false]);
    expect(results[1]!.problems.map((p) => p.rule)).toEqual(['zip.not-a-zip']);
  });

  test('--profile decides the name rule', () => {
    expect(cli(['--profile', '5.x', hyphenated]).code).toBe(0);
    const strict = cli(['--profile', '7.x', '--json', hyphenated]);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.out)[0].problems.map((p: { rule: string }) => p.rule)).toEqual(['manifest.name-pattern']);
  });

  test('warnings: printed, in --json, and failing only with --strict', async () => {
    const file = write(
      await pluginZipBytes({
        files: [
          { name: 'MANIFEST', content: 'name: SPS_warned\nversion: 1.10\ntype: aa\napi: 1.1\n' },
          { name: 'main.py', content: 'x\n' },
        ],
        damage: null,
      }),
    );
    const text = cli([file]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(
      "version: 1.10 is read by SPS as the number 1.1 and shown as '1.1'; write version: '1.10'",
    );
    expect(text.out).toContain('1 valid, 0 invalid, 1 with warnings');
    const json = cli(['--json', file]);
    expect(json.code).toBe(0);
    const [result] = JSON.parse(json.out) as Array<{
      valid: boolean;
      warnings: Array<{ rule: string; field: string }>;
      manifest: { version: string };
    }>;
    expect(result).toMatchObject({ valid: true, manifest: { version: '1.1' } });
    expect(result!.warnings.map((w) => [w.rule, w.field])).toEqual([['manifest.read-as-other-type', 'version']]);
    expect(cli(['--strict', file]).code).toBe(1);
    const plain = write(
      await pluginZipBytes({
        files: [
          { name: 'MANIFEST', content: "name: SPS_plain\nversion: '1.10'\ntype: aa\napi: 1.1\n" },
          { name: 'main.py', content: 'x\n' },
        ],
        damage: null,
      }),
    );
    expect(cli(['--strict', plain]).code, 'a plugin without warnings passes --strict').toBe(0);
  });

  test('usage mistakes exit 2 with one line, no stack trace', () => {
    for (const args of [
      [],
      ['--profile', '9.9', valid],
      [join(dir, 'missing.zip')],
      ['/dev/zero'],
      ['--max-warnings', '-1', valid],
    ]) {
      const { code, err, out } = cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(err, args.join(' ')).not.toMatch(/\n\s+at /);
      expect(out, args.join(' ')).toBe('');
    }
  });
});
