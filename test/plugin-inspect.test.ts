// inspectPlugin against hand-built zips: one case per packaging rule, the source-text reading of the
// MANIFEST, the profile-dependent rules, the bomb caps and a fuzz that it never throws.
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { buildZip, type ZipFile } from '../generators/zip-bytes.ts';
import {
  corruptCrc,
  duplicateEntry,
  markEncrypted,
  markSymlink,
  renameEntry,
  truncate,
} from '../generators/zip-surgery.ts';
import { inspectPlugin, type Inspection } from '../contract/plugin/inspect.ts';
import { profile, type ProfileName } from '../contract/profiles.ts';
import { loadSettings } from '../suite/target/settings.ts';

const MANIFEST = 'name: SPS_Test\ndescription: A test plugin\nversion: 1.0\ntype: aa\napi: 1.1\nentry_point: main.py\n';
const MAIN = { name: 'main.py', content: 'class Plugin: pass\n' };

async function inspect(files: ZipFile[] | Buffer, name: ProfileName = '7.x'): Promise<Inspection> {
  const bytes = Buffer.isBuffer(files) ? files : await buildZip(files);
  return inspectPlugin(bytes, { profile: profile(name) });
}

async function rulesOf(files: ZipFile[] | Buffer, name: ProfileName = '7.x'): Promise<string[]> {
  return (await inspect(files, name)).problems.map((p) => p.rule);
}

function plugin(manifest: string, extra: ZipFile[] = []): ZipFile[] {
  return [{ name: 'MANIFEST', content: manifest }, MAIN, ...extra];
}

test.describe('a valid plugin', () => {
  test('has no problems and its MANIFEST is read as PyYAML reads it (api: 1.10 is the float 1.1)', async () => {
    const text =
      'name: SPS_x\nversion: 1.0\napi: 1.10\ntype: aa\ndescription: "quoted: yes"\nscb_max_version: 8.0.0~\nscb_min_version: ~\n';
    const result = await inspect(plugin(text), '7.x');
    expect(result.problems.map((p) => p.rule)).toEqual([]);
    expect(result.warnings.map((w) => [w.rule, w.field])).toEqual([['manifest.read-as-other-type', 'api']]);
    expect(result.manifest).toEqual({
      name: 'SPS_x',
      type: 'aa',
      version: '1.0',
      api: '1.1',
      description: 'quoted: yes',
      entryPoint: null,
      scbMinVersion: '',
      scbMaxVersion: '8.0.0~',
    });
  });

  test('keeps a quoted api as written; a float-looking version is str() of the float', async () => {
    const result = await inspect(
      plugin('name: SPS_a\nversion: 0.10\napi: "1.7.0"\ntype: credentialstore\nentry_point: main.py\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result.manifest?.api).toBe('1.7.0');
    expect(result.manifest?.version).toBe('0.1');
    expect(result.manifest?.entryPoint).toBe('main.py');
  });

  test('returns default.cfg text and lists the entries', async () => {
    const result = await inspect(
      plugin(MANIFEST, [
        { name: 'default.cfg', content: '[plugin]\nlog_level=info\n' },
        { name: 'lib/', content: '' },
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.defaultConfiguration).toBe('[plugin]\nlog_level=info\n');
    expect(result.entries.map((e) => e.name)).toEqual(['MANIFEST', 'main.py', 'default.cfg', 'lib/']);
  });

  test('ignores unknown keys, comments, a BOM and a missing final newline', async () => {
    const text =
      '\ufeff# comment\nname: SPS_x\nunknown: [1, 2]\n\nversion: 2.0.1-a\ntype: aa\napi: 1\nentry_point: main.py';
    expect(await rulesOf(plugin(text))).toEqual([]);
  });

  test('a repeated key takes the last value, as PyYAML does', async () => {
    const result = await inspect(plugin('name: bad name\nname: SPS_x\nversion: 1\ntype: aa\napi: 1.1\n'));
    expect(result.problems).toEqual([]);
    expect(result.manifest?.name).toBe('SPS_x');
    expect(result.warnings).toEqual([
      {
        rule: 'manifest.repeated-key',
        field: 'name',
        line: 2,
        message: 'name is given 2 times (lines 1, 2); SPS keeps only the last one, on line 2',
      },
    ]);
  });
});

test.describe('zip rules', () => {
  test('not a zip', async () => {
    expect(await rulesOf(Buffer.from('hello, this is text'))).toEqual(['zip.not-a-zip']);
    expect(await rulesOf(Buffer.alloc(0))).toEqual(['zip.not-a-zip']);
  });

  test('an empty zip', async () => {
    expect(await rulesOf([])).toEqual(['zip.empty']);
  });

  test('a truncated zip', async () => {
    const bytes = await buildZip(plugin(MANIFEST));
    expect(await rulesOf(truncate(bytes, bytes.length - 30))).toEqual(['zip.truncated']);
    expect(await rulesOf(truncate(bytes, 10))).toEqual(['zip.truncated']);
  });

  test('a bad CRC', async () => {
    const bytes = await buildZip(plugin(MANIFEST));
    expect(await rulesOf(corruptCrc(bytes, 'main.py'))).toEqual(['zip.bad-crc']);
    // The data is intact, so the MANIFEST is still read.
    expect(await rulesOf(corruptCrc(bytes, 'MANIFEST'))).toEqual(['zip.bad-crc']);
  });

  test('an encrypted entry', async () => {
    const bytes = await buildZip(plugin(MANIFEST, [{ name: 'lib/secret.py', content: 'x = 1\n' }]));
    expect(await rulesOf(markEncrypted(bytes, 'lib/secret.py'))).toEqual(['zip.encrypted-entry']);
  });

  for (const unsafe of ['../evil.py', '/etc/evil.py', 'lib\\evil.py', 'C:/evil.py', 'lib/../../evil.py']) {
    test(`an unsafe path: ${unsafe}`, async () => {
      const bytes = await buildZip(plugin(MANIFEST, [{ name: 'placeholder.py', content: 'x\n' }]));
      expect(await rulesOf(renameEntry(bytes, 'placeholder.py', unsafe))).toEqual(['zip.unsafe-path']);
    });
  }

  test('a symlink', async () => {
    const bytes = await buildZip(plugin(MANIFEST, [{ name: 'lib/link', content: 'x' }]));
    expect(await rulesOf(markSymlink(bytes, 'lib/link', '/etc/passwd'))).toEqual(['zip.symlink']);
  });

  test('a duplicate entry', async () => {
    const bytes = await buildZip(plugin(MANIFEST));
    expect(await rulesOf(duplicateEntry(bytes, 'MANIFEST'))).toEqual(['zip.duplicate-entry']);
  });

  test('only a nested archive', async () => {
    const inner = await buildZip(plugin(MANIFEST));
    expect(await rulesOf([{ name: 'plugin.zip', content: inner }])).toEqual(['zip.nested-archive-only']);
  });

  test('too large', async () => {
    const bytes = await buildZip(
      plugin(MANIFEST, [{ name: 'lib/data.bin', content: Buffer.alloc(2000, 7), store: true }]),
    );
    const result = await inspectPlugin(bytes, { profile: profile('7.x'), limits: { uploadBytes: 1000 } });
    expect(result.problems.map((p) => p.rule)).toEqual(['zip.too-large']);
  });

  test('a bomb by ratio is stopped early, not inflated whole', async () => {
    const bytes = await buildZip(plugin(MANIFEST, [{ name: 'lib/zeros', content: Buffer.alloc(8 << 20) }]));
    const started = process.memoryUsage().arrayBuffers;
    const result = await inspect(bytes);
    expect(result.problems.map((p) => p.rule)).toEqual(['zip.bomb']);
    expect(process.memoryUsage().arrayBuffers - started).toBeLessThan(6 << 20);
    expect(result.manifest?.name).toBe('SPS_Test');
  });

  test('a bomb by total size', async () => {
    const spread = Array.from({ length: 4 }, (_, i) => ({
      name: `lib/part${i}`,
      content: Buffer.alloc(3000, i),
      store: true,
    }));
    const bytes = await buildZip(plugin(MANIFEST, spread));
    const result = await inspectPlugin(bytes, { profile: profile('7.x'), limits: { inflatedBytes: 10_000 } });
    expect(result.problems.map((p) => p.rule)).toEqual(['zip.bomb']);
  });

  test('an entry that inflates within the caps is no bomb', async () => {
    expect(await rulesOf(plugin(MANIFEST, [{ name: 'lib/zeros', content: Buffer.alloc(1 << 20) }]))).toEqual([]);
  });
});

test.describe('MANIFEST rules', () => {
  const cases: Array<[string, string, string[], ProfileName?]> = [
    ['missing', '', ['manifest.missing']],
    ['invalid YAML', 'name: [SPS\n', ['manifest.invalid-yaml']],
    ['two documents', 'name: a\n---\nname: b\n', ['manifest.invalid-yaml']],
    ['a list', '- name\n- type\n', ['manifest.not-a-mapping']],
    ['empty', '', ['manifest.not-a-mapping']],
    ['missing name', 'version: 1\ntype: aa\napi: 1.1\n', ['manifest.missing-field:name']],
    [
      'missing api and type',
      'name: SPS_x\nversion: 1\n',
      ['manifest.missing-field:api', 'manifest.missing-field:type'],
    ],
    ['empty version', 'name: SPS_x\nversion:\ntype: aa\napi: 1.1\n', ['manifest.empty-field:version']],
    ['null type', 'name: SPS_x\nversion: 1\ntype: ~\napi: 1.1\n', ['manifest.empty-field:type']],
    ['unknown type', 'name: SPS_x\nversion: 1\ntype: ticketing\napi: 1.1\n', ['manifest.type-unknown']],
    ['a newer type on 6.0', 'name: SPS_x\nversion: 1\ntype: signingca\napi: 1.1\n', ['manifest.type-unknown'], '6.0'],
    // 6.9 knows four types (the 6.9.2 integrity page lists aa, configuration_sync, credentialstore, signingca).
    ['signingca on 6.9', 'name: SPS_x\nversion: 1\ntype: signingca\napi: 1.1\n', [], '6.9'],
    ['a hyphenated name (strict)', 'name: Sample-Plugin\nversion: 1\ntype: aa\napi: 1.1\n', ['manifest.name-pattern']],
    ['a hyphenated name (5.x)', 'name: Sample-Plugin\nversion: 1\ntype: aa\napi: 1.1\n', [], '5.x'],
    ['a spaced name (5.x)', 'name: Sample Plugin\nversion: 1\ntype: aa\napi: 1.1\n', ['manifest.name-pattern'], '5.x'],
    ['a one-letter name', 'name: S\nversion: 1\ntype: aa\napi: 1.1\n', ['manifest.name-pattern']],
    [
      'an entry point in a folder',
      'name: SPS_x\nversion: 1\ntype: aa\napi: 1.1\nentry_point: lib/main.py\n',
      ['manifest.entry-point-pattern'],
    ],
    [
      'a version not starting with a digit',
      'name: SPS_x\nversion: v1.0\ntype: aa\napi: 1.1\n',
      ['manifest.version-pattern'],
    ],
    ['a malformed api', 'name: SPS_x\nversion: 1\ntype: aa\napi: 1.x\n', ['manifest.api-format']],
    ['an api of another major', 'name: SPS_x\nversion: 1\ntype: aa\napi: 2.0\n', ['manifest.api-incompatible']],
    [
      'an api newer than 6.0 supports',
      'name: SPS_x\nversion: 1\ntype: aa\napi: 1.2\n',
      ['manifest.api-incompatible'],
      '6.0',
    ],
    [
      'a bad author email',
      'name: SPS_x\nversion: 1\ntype: aa\napi: 1.1\nauthor_email: not an email\n',
      ['manifest.author-email'],
    ],
  ];
  for (const [title, text, rules, profileName] of cases) {
    test(title, async () => {
      const files = title === 'missing' ? [MAIN] : plugin(text);
      expect(await rulesOf(files, profileName)).toEqual(rules);
    });
  }

  test('a MANIFEST only in a subfolder does not count', async () => {
    expect(
      await rulesOf([
        { name: 'plugin/MANIFEST', content: MANIFEST },
        { name: 'plugin/main.py', content: 'x' },
      ]),
    ).toEqual(['manifest.missing']);
  });

  test('MANIFEST that is not UTF-8 is not YAML', async () => {
    expect(
      await rulesOf(
        plugin('name: SPS_\xff\n').map((f) =>
          f.name === 'MANIFEST' ? { ...f, content: Buffer.from([0x6e, 0x3a, 0xff, 0x0a]) } : f,
        ),
      ),
    ).toEqual(['manifest.invalid-yaml']);
  });

  test('reports every broken rule, the first one first', async () => {
    const result = await inspect([{ name: 'MANIFEST', content: 'name: 1x\nversion: x\ntype: aa\napi: 3\n' }]);
    expect(result.problems.map((p) => p.rule)).toEqual([
      'manifest.name-pattern',
      'manifest.version-pattern',
      'manifest.api-incompatible',
      'entry-point.missing',
    ]);
    expect(result.problems[0]!.message).toBe(
      'MANIFEST name should start with letter and continue with letter, digit or underscore',
    );
  });
});

test.describe('files beside the MANIFEST', () => {
  test('the entry point must be at the root', async () => {
    expect(
      await rulesOf([
        { name: 'MANIFEST', content: MANIFEST },
        { name: 'lib/main.py', content: 'x' },
      ]),
    ).toEqual(['entry-point.missing']);
  });

  test('without entry_point, main.py is the entry point', async () => {
    const text = 'name: SPS_x\nversion: 1\ntype: aa\napi: 1.1\n';
    expect(
      await rulesOf([
        { name: 'MANIFEST', content: text },
        { name: 'plugin.py', content: 'x' },
      ]),
    ).toEqual(['entry-point.missing']);
    expect(
      await rulesOf([
        { name: 'MANIFEST', content: `${text}entry_point: plugin.py\n` },
        { name: 'plugin.py', content: 'x' },
      ]),
    ).toEqual([]);
  });

  test('default.cfg must be UTF-8', async () => {
    const result = await inspect(
      plugin(MANIFEST, [{ name: 'default.cfg', content: Buffer.from([0x5b, 0xc3, 0x28, 0x5d]) }]),
    );
    expect(result.problems.map((p) => p.rule)).toEqual(['default-cfg.not-utf8']);
    expect(result.defaultConfiguration).toBe('');
  });
});

test('never throws, whatever the bytes', async () => {
  const { fcSeed, fcRuns } = loadSettings();
  const valid = await buildZip(plugin(MANIFEST, [{ name: 'default.cfg', content: '[a]\nb=c\n' }]));
  const mutated = fc
    .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
    .map((edits) => {
      const copy = Buffer.from(valid);
      for (const [at, value] of edits) copy[at] = value;
      return copy;
    });
  const cut = fc.nat(valid.length).map((n) => valid.subarray(0, n));
  const random = fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a));
  await fc.assert(
    fc.asyncProperty(fc.oneof(mutated, cut, random), async (bytes) => {
      const result = await inspectPlugin(bytes, { profile: profile('7.x') });
      expect(Array.isArray(result.problems)).toBe(true);
    }),
    { seed: fcSeed, numRuns: fcRuns * 20 },
  );
});
