// Plugin zips as fast-check arbitraries. A case is a file plan, an optional damage (byte surgery done
// after archiver has written the zip) and its label; pluginZipBytes(case) makes the bytes. Built by
// construction: a valid case is assembled from valid parts, a broken one breaks exactly its label.
import fc from 'fast-check';
import type { PluginManifest } from '../contract/plugin/manifest-fields.ts';
import { UPLOAD_LIMIT_BYTES } from '../contract/plugin/limits.ts';
import { PACKAGING_RULES } from '../contract/plugin/rules.ts';
import type { Profile } from '../contract/profiles.ts';
import { CREATED, PAYLOAD_TOO_LARGE, SEMANTIC_ERROR, type Expectation } from './expectation.ts';
import { manifestDefectRules, manifestWith, validManifest, type ManifestCase } from './manifest.ts';
import { strictName } from './manifest-values.ts';
import { randomBytes } from './random-bytes.ts';
import { buildZip, type ZipFile } from './zip-bytes.ts';
import { corruptCrc, duplicateEntry, markEncrypted, markSymlink, renameEntry, truncate } from './zip-surgery.ts';

export type { Expectation } from './expectation.ts';

/** Byte surgery applied to the archive archiver wrote (as data, so a case prints and shrinks). */
export type Damage =
  | { kind: 'replace'; bytes: Buffer }
  | { kind: 'truncate'; fraction: number }
  | { kind: 'corrupt-crc'; entry: string }
  | { kind: 'encrypt'; entry: string }
  | { kind: 'rename'; entry: string; to: string }
  | { kind: 'symlink'; entry: string; target: string }
  | { kind: 'duplicate'; entry: string }
  | { kind: 'nest'; as: string };

export interface PluginZipCase {
  files: ZipFile[];
  damage: Damage | null;
  /** Rules this case breaks; empty for a valid plugin. */
  defects: string[];
  expect: Expectation;
  /** What SPS reports for the plugin when the case is valid. */
  manifest: PluginManifest;
}

/**
 * The MANIFEST as a plugin is written: the skeleton plugin's keys, as in the file. What SPS reports for it
 * (Python's str() of each parsed value, camel-cased) is contract/plugin's PluginManifest.
 */
export interface WrittenManifest {
  name: string;
  type: string;
  version: string;
  api: string;
  description: string;
  entry_point: string;
}

export const MAIN_PY = '#!/usr/bin/env pluginwrapper3\n\nclass Plugin:\n    pass\n';
/** The file every broken-zip case can damage without touching MANIFEST, entry point or default.cfg. */
const EXTRA_FILE = 'lib/extra.py';

/** The MANIFEST text for `fields`, keys in the skeleton plugin's order, values written unquoted. */
export function manifestText(fields: WrittenManifest): string {
  return [
    `name: ${fields.name}`,
    `description: ${fields.description}`,
    `version: ${fields.version}`,
    `type: ${fields.type}`,
    `api: ${fields.api}`,
    `entry_point: ${fields.entry_point}`,
    '',
  ].join('\n');
}

export function minimalPluginFiles(fields: WrittenManifest): ZipFile[] {
  return [
    { name: 'MANIFEST', content: manifestText(fields) },
    { name: fields.entry_point, content: MAIN_PY },
  ];
}

/** The minimal plugin's MANIFEST fields: `name`, and defaults for the rest unless overridden. */
export function minimalManifest(fields: Partial<WrittenManifest> & { name: string }): WrittenManifest {
  return {
    type: 'aa',
    version: '1.0.0',
    api: '1.1',
    description: 'sps-conformance test plugin',
    entry_point: 'main.py',
    ...fields,
  };
}

/**
 * The one minimal plugin builder: the zip of MANIFEST (minimalManifest's fields) and its entry point,
 * and `extra` files beside them (e.g. default.cfg). Specs, tests and the stateful model upload this.
 */
export function minimalPlugin(
  fields: Partial<WrittenManifest> & { name: string },
  extra: readonly ZipFile[] = [],
): Promise<Buffer> {
  return buildZip([...minimalPluginFiles(minimalManifest(fields)), ...extra]);
}

/** Names by the packaging rule [a-zA-Z][a-zA-Z0-9_]+ (SDK_NOTES.md §2). */
export function pluginName(): fc.Arbitrary<string> {
  return strictName();
}

function reported(fields: WrittenManifest): PluginManifest {
  return { ...fields, entryPoint: fields.entry_point, scbMinVersion: '', scbMaxVersion: '' };
}

/** A valid minimal plugin: MANIFEST and main.py at the zip root. */
export function minimalPluginZip(types: readonly string[] = ['aa', 'credentialstore']): fc.Arbitrary<PluginZipCase> {
  return fc
    .record({
      name: pluginName().filter((n) => !['null', 'Null', 'NULL'].includes(n)),
      type: fc.constantFrom(...types),
      version: fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((parts) => parts.join('.')),
      api: fc.constantFrom('1.1', '1.0', '1'),
      description: fc.constantFrom('Generated test plugin', 'A plugin', 'Demo plugin for testing'),
      entry_point: fc.constant('main.py'),
    })
    .map((fields) => ({
      files: minimalPluginFiles(fields),
      damage: null,
      defects: [],
      expect: CREATED,
      manifest: reported(fields),
    }));
}

// ---- valid variety ----

const INI = fc.constantFrom(
  '',
  '[plugin]\nlog_level=info\n',
  '[starling]\n# comment\ndisable_echo=yes\n',
  '[aa]\nname=Zoë ünïcode\n; ok\n',
);

function pythonFile(): fc.Arbitrary<ZipFile> {
  const segment = fc.constantFrom('lib', 'plugin', 'util', 'deep', 'a', 'b', 'vendor', 'requests');
  const path = fc.tuple(
    fc.array(segment, { minLength: 1, maxLength: 6 }),
    fc.constantFrom('__init__.py', 'client.py', 'x.py', 'data.json'),
  );
  return fc.record({
    name: path.map(([dirs, file]) => [...dirs, file].join('/')),
    content: fc.constantFrom('import os\n', '# empty module\n', '{"a": 1}\n', 'def f():\n    return 1\n'.repeat(50)),
    store: fc.boolean(),
  });
}

export interface ValidZipOptions {
  /** Add one incompressible file so the zip comes near the 20 MB limit (slow; opt-in). */
  large?: boolean;
}

function largeFile(): fc.Arbitrary<ZipFile> {
  const size = fc.integer({ min: 1 << 20, max: UPLOAD_LIMIT_BYTES - 64 * 1024 });
  return fc
    .record({ seed: fc.integer(), size, store: fc.boolean() })
    .map(({ seed, size, store }) => ({ name: 'lib/blob.bin', content: randomBytes(seed, size), store }));
}

function filesAround(manifest: ManifestCase, extra: ZipFile[], cfg: string | undefined, storeCore: boolean): ZipFile[] {
  const files: ZipFile[] = [{ name: 'MANIFEST', content: manifest.text, store: storeCore }];
  if (manifest.entryFile) files.push({ name: manifest.entryFile, content: MAIN_PY, store: !storeCore });
  if (cfg !== undefined) files.push({ name: 'default.cfg', content: cfg });
  const taken = new Set(files.map((f) => f.name));
  for (const f of extra) {
    if (taken.has(f.name) || [...taken].some((t) => t.startsWith(`${f.name}/`) || f.name.startsWith(`${t}/`))) continue;
    taken.add(f.name);
    files.push(f);
  }
  return files;
}

function plan(
  manifest: fc.Arbitrary<ManifestCase>,
  options: ValidZipOptions = {},
): fc.Arbitrary<{ manifest: ManifestCase; files: ZipFile[] }> {
  return fc
    .record({
      manifest,
      extra: fc.array(pythonFile(), { maxLength: 6 }),
      cfg: fc.option(INI, { nil: undefined }),
      storeCore: fc.boolean(),
      large: options.large ? largeFile().map((f) => [f]) : fc.constant([] as ZipFile[]),
    })
    .map(({ manifest, extra, cfg, storeCore, large }) => ({
      manifest,
      files: filesAround(manifest, [...extra, ...large], cfg, storeCore),
    }));
}

/** Valid plugins in all the shapes real ones come in. */
export function validPluginZip(profile: Profile, options: ValidZipOptions = {}): fc.Arbitrary<PluginZipCase> {
  return plan(validManifest(profile), options).map(({ manifest, files }) => ({
    files,
    damage: null,
    defects: [],
    expect: CREATED,
    manifest: manifest.expected,
  }));
}

// ---- defects ----

/** Every rule a zip case can break that is not about the MANIFEST's content (contract/plugin/rules.ts). */
export const ZIP_DEFECT_RULES: readonly string[] = PACKAGING_RULES.filter(
  (rule) => !rule.startsWith('manifest.') || rule === 'manifest.missing',
);

/** Every rule id a plugin zip case can be labelled with under `profile`. */
export function pluginZipDefectRules(profile: Profile): string[] {
  return [...ZIP_DEFECT_RULES, ...manifestDefectRules(profile)];
}

interface Built {
  files: ZipFile[];
  damage: Damage | null;
}

/** A valid plan that also carries EXTRA_FILE, the entry defects may damage. */
function baseWithExtra(profile: Profile): fc.Arbitrary<{ manifest: ManifestCase; files: ZipFile[] }> {
  return plan(validManifest(profile)).map((p) => ({
    ...p,
    files: [...p.files, { name: EXTRA_FILE, content: 'VALUE = 1\n' }],
  }));
}

function notZipBytes(): fc.Arbitrary<Buffer> {
  // No 0x50 ('P'), so no zip signature can appear anywhere.
  const byte = fc.integer({ min: 0, max: 255 }).filter((b) => b !== 0x50);
  return fc.oneof(
    fc.array(byte, { maxLength: 600 }).map((a) => Buffer.from(a)),
    fc.constantFrom('MANIFEST\nname: x\n', '<html>not a zip</html>', '{"zip": false}').map((t) => Buffer.from(t)),
  );
}

const UNSAFE_NAMES = [
  '../evil.py',
  '../../etc/cron.d/x',
  '/etc/evil.py',
  '/tmp/x.py',
  'lib\\evil.py',
  'C:/evil.py',
  'c:evil.py',
  'lib/../../evil.py',
  '..',
];

function zipDefect(rule: string, p: { manifest: ManifestCase; files: ZipFile[] }): fc.Arbitrary<Built> {
  const { files, manifest } = p;
  const damaged = (damage: Damage): Built => ({ files, damage });
  const withoutCore = files.filter((f) => f.name !== 'MANIFEST');
  switch (rule) {
    case 'zip.not-a-zip':
      return notZipBytes().map((bytes) => damaged({ kind: 'replace', bytes }));
    case 'zip.empty':
      return fc.constant({ files: [], damage: null });
    case 'zip.truncated':
      return fc.double({ min: 0, max: 1, noNaN: true }).map((fraction) => damaged({ kind: 'truncate', fraction }));
    case 'zip.bad-crc':
      return fc.constantFrom(...files.map((f) => f.name)).map((entry) => damaged({ kind: 'corrupt-crc', entry }));
    case 'zip.encrypted-entry':
      return fc.constant(damaged({ kind: 'encrypt', entry: EXTRA_FILE }));
    case 'zip.unsafe-path':
      return fc.constantFrom(...UNSAFE_NAMES).map((to) => damaged({ kind: 'rename', entry: EXTRA_FILE, to }));
    case 'zip.symlink':
      return fc
        .constantFrom('/etc/passwd', '../../main.py', 'main.py')
        .map((target) => damaged({ kind: 'symlink', entry: EXTRA_FILE, target }));
    case 'zip.duplicate-entry':
      return fc.constantFrom(...files.map((f) => f.name)).map((entry) => damaged({ kind: 'duplicate', entry }));
    case 'zip.bomb':
      // Zeros deflate about 1000:1, far past the 200:1 cap once an entry passes 1 MiB.
      return fc
        .integer({ min: 3 << 19, max: 8 << 20 })
        .map((size) => ({ files: [...files, { name: 'lib/zeros.bin', content: Buffer.alloc(size) }], damage: null }));
    case 'zip.too-large':
      return fc.record({ seed: fc.integer(), over: fc.integer({ min: 1, max: 256 * 1024 }) }).map(({ seed, over }) => ({
        files: [...files, { name: 'lib/blob.bin', content: randomBytes(seed, UPLOAD_LIMIT_BYTES + over), store: true }],
        damage: null,
      }));
    case 'zip.nested-archive-only':
      return fc
        .constantFrom('plugin.zip', `${manifest.expected.name}-1.0.zip`, 'dist/plugin.zip')
        .map((as) => damaged({ kind: 'nest', as }));
    case 'manifest.missing':
      return fc.oneof(
        fc.constant({ files: withoutCore, damage: null }),
        // Zipping the plugin's folder instead of its contents: everything one level down.
        fc
          .constantFrom('plugin', 'SPS_plugin', 'a/b')
          .map((dir) => ({ files: files.map((f) => ({ ...f, name: `${dir}/${f.name}` })), damage: null })),
      );
    case 'entry-point.missing':
      return fc.constantFrom('drop', 'nest').map((how) => ({
        files: files.flatMap((f) =>
          f.name !== manifest.entryFile ? [f] : how === 'drop' ? [] : [{ ...f, name: `src/${f.name}` }],
        ),
        damage: null,
      }));
    case 'default-cfg.not-utf8':
      return fc
        .constantFrom(
          Buffer.from('[plugin]\nname=Zo\xeb\n', 'latin1'),
          Buffer.from([0x5b, 0x61, 0x5d, 0x0a, 0xc3, 0x28]),
          Buffer.from([0xff, 0xfe, 0x00]),
        )
        .map((content) => ({
          files: [...files.filter((f) => f.name !== 'default.cfg'), { name: 'default.cfg', content }],
          damage: null,
        }));
    default:
      throw new Error(`no zip defect for rule ${rule}`);
  }
}

/** A plugin zip that breaks exactly `rule` (a zip rule or any MANIFEST rule). */
export function pluginZipWith(rule: string, profile: Profile): fc.Arbitrary<PluginZipCase> {
  const expect = rule === 'zip.too-large' ? PAYLOAD_TOO_LARGE : SEMANTIC_ERROR;
  if (rule.startsWith('manifest.') && rule !== 'manifest.missing') {
    return plan(manifestWith(rule, profile)).map(({ manifest, files }) => ({
      files,
      damage: null,
      defects: [rule],
      expect,
      manifest: manifest.expected,
    }));
  }
  return baseWithExtra(profile).chain((p) =>
    zipDefect(rule, p).map((built) => ({ ...built, defects: [rule], expect, manifest: p.manifest.expected })),
  );
}

/** Any broken plugin zip, its label naming the one rule it breaks. */
export function brokenPluginZip(
  profile: Profile,
  rules: readonly string[] = pluginZipDefectRules(profile),
): fc.Arbitrary<PluginZipCase> {
  return fc.constantFrom(...rules).chain((rule) => pluginZipWith(rule, profile));
}

async function applyDamage(bytes: Buffer, files: ZipFile[], damage: Damage): Promise<Buffer> {
  switch (damage.kind) {
    case 'replace':
      return damage.bytes;
    case 'truncate':
      // Keep the first local header's signature, lose the end of central directory (the last 22 bytes).
      return truncate(bytes, 4 + Math.floor(damage.fraction * (bytes.length - 22 - 4)));
    case 'corrupt-crc':
      return corruptCrc(bytes, damage.entry);
    case 'encrypt':
      return markEncrypted(bytes, damage.entry);
    case 'rename':
      return renameEntry(bytes, damage.entry, damage.to);
    case 'symlink':
      return markSymlink(bytes, damage.entry, damage.target);
    case 'duplicate':
      return duplicateEntry(bytes, damage.entry);
    case 'nest':
      return buildZip([{ name: damage.as, content: await buildZip(files) }]);
  }
}

export async function pluginZipBytes(c: Pick<PluginZipCase, 'files' | 'damage'>): Promise<Buffer> {
  const bytes = await buildZip(c.files);
  return c.damage ? applyDamage(bytes, c.files, c.damage) : bytes;
}
