// MANIFEST documents as fast-check arbitraries, valid and broken, built by construction (DESIGN.md):
// a valid document is assembled from valid values; a broken one is a valid one with exactly one rule
// broken, and its label names that rule. The reported fields are known from the construction.
import fc from 'fast-check';
import type { PluginManifest } from '../contract/plugin/manifest-fields.ts';
import { PACKAGING_RULES } from '../contract/plugin/rules.ts';
import type { Profile } from '../contract/profiles.ts';
import { CREATED, SEMANTIC_ERROR, type Expectation } from './expectation.ts';
import {
  apiValue,
  authorEmailValue,
  descriptionValue,
  entryPointValue,
  nameValue,
  rendered,
  scbVersionValue,
  typeValue,
  unknownEntry,
  versionValue,
  type Rendered,
} from './manifest-values.ts';

export interface ManifestEntry {
  key: string;
  /** The value as YAML source (may be empty for null, or span lines for a block scalar). */
  yaml: string;
}

/** How the document is laid out; none of it changes what it means. */
export interface ManifestLayout {
  /** Comment lines, inserted before the entry of the same index. */
  comments: Array<string | null>;
  blankLines: boolean[];
  trailingComments: boolean[];
  finalNewline: boolean;
  crlf: boolean;
  bom: boolean;
}

export interface ManifestDoc {
  entries: ManifestEntry[];
  layout: ManifestLayout;
  /** What SPS reports for this MANIFEST when it is valid. */
  expected: PluginManifest;
}

export interface ManifestCase {
  text: string;
  /** The file the zip must hold as entry point (null when the MANIFEST names none readable). */
  entryFile: string | null;
  expected: PluginManifest;
  defects: string[];
  expect: Expectation;
}

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 2 });
}

function layout(count: number): fc.Arbitrary<ManifestLayout> {
  const comment = fc.option(
    fc.constantFrom('# scb_min_version: 5.10.0', '# The tilde at the end means less then 5.11.0', '#', '# name: Other'),
    { freq: 4 },
  );
  return fc.record({
    comments: fc.array(comment, { minLength: count + 1, maxLength: count + 1 }),
    blankLines: fc.array(fc.boolean(), { minLength: count + 1, maxLength: count + 1 }),
    trailingComments: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
    finalNewline: fc.boolean(),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  });
}

interface Fields {
  name: Rendered;
  type: Rendered;
  version: Rendered;
  api: Rendered;
  description?: Rendered;
  entryPoint?: Rendered;
  authorEmail?: Rendered;
  scbMin?: Rendered;
  scbMax?: Rendered;
}

function fields(profile: Profile): fc.Arbitrary<Fields> {
  return fc.record(
    {
      name: nameValue(profile),
      type: typeValue(profile),
      version: versionValue(),
      api: apiValue(profile),
      description: optional(descriptionValue()),
      entryPoint: optional(entryPointValue()),
      authorEmail: optional(authorEmailValue()),
      scbMin: optional(scbVersionValue()),
      scbMax: optional(scbVersionValue()),
    },
    { requiredKeys: ['name', 'type', 'version', 'api'] },
  );
}

function entriesOf(f: Fields, unknown: Array<[string, string]>): ManifestEntry[] {
  const entries: ManifestEntry[] = [
    { key: 'name', yaml: f.name.yaml },
    { key: 'type', yaml: f.type.yaml },
    { key: 'version', yaml: f.version.yaml },
    { key: 'api', yaml: f.api.yaml },
  ];
  const add = (key: string, value: Rendered | undefined): void => {
    if (value) entries.push({ key, yaml: value.yaml });
  };
  add('description', f.description);
  add('entry_point', f.entryPoint);
  add('author_email', f.authorEmail);
  add('scb_min_version', f.scbMin);
  add('scb_max_version', f.scbMax);
  for (const [key, yaml] of unknown) if (!entries.some((e) => e.key === key)) entries.push({ key, yaml });
  return entries;
}

function expectedOf(f: Fields): PluginManifest {
  return {
    name: f.name.value,
    type: f.type.value,
    version: f.version.value,
    api: f.api.value,
    description: f.description?.value ?? '',
    entryPoint: f.entryPoint?.value ?? null,
    scbMinVersion: f.scbMin?.value ?? '',
    scbMaxVersion: f.scbMax?.value ?? '',
  };
}

/**
 * An earlier entry for a key the document gives again: PyYAML keeps the last value, so this one, even
 * broken, changes nothing SPS reports (SDK_NOTES.md §2, yaml.safe_load).
 */
function overridden(): fc.Arbitrary<ManifestEntry | undefined> {
  const entry = fc.constantFrom<ManifestEntry>(
    { key: 'version', yaml: 'v0-overridden' },
    { key: 'name', yaml: "'overridden name'" },
    { key: 'api', yaml: '9.9' },
  );
  return fc.option(entry, { nil: undefined, freq: 4 });
}

/** A valid MANIFEST: the real plugins' field combinations, in any key order, any layout, perhaps a key given twice. */
export function validManifestDoc(profile: Profile): fc.Arbitrary<ManifestDoc> {
  return fc
    .tuple(fields(profile), fc.uniqueArray(unknownEntry(), { maxLength: 2, selector: ([k]) => k }), overridden())
    .chain(([f, unknown, early]) => {
      const entries = entriesOf(f, unknown);
      const count = entries.length + (early ? 1 : 0);
      return fc
        .tuple(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), layout(count))
        .map(
          ([shuffled, l]): ManifestDoc => ({
            entries: early ? [early, ...shuffled] : shuffled,
            layout: l,
            expected: expectedOf(f),
          }),
        );
    });
}

function entryLine(entry: ManifestEntry, trailingComment: boolean): string {
  const line = entry.yaml === '' ? `${entry.key}:` : `${entry.key}: ${entry.yaml}`;
  return trailingComment && !entry.yaml.includes('\n') ? `${line} # note` : line;
}

export function renderManifest(doc: ManifestDoc): string {
  const { layout: l } = doc;
  const lines: string[] = [];
  doc.entries.forEach((entry, i) => {
    if (l.blankLines[i]) lines.push('');
    if (l.comments[i]) lines.push(l.comments[i]!);
    lines.push(entryLine(entry, l.trailingComments[i] ?? false));
  });
  const last = doc.entries.length;
  if (l.blankLines[last]) lines.push('');
  if (l.comments[last]) lines.push(l.comments[last]!);
  const eol = l.crlf ? '\r\n' : '\n';
  const body = lines.join('\n').split('\n').join(eol) + (l.finalNewline ? eol : '');
  return (l.bom ? '\ufeff' : '') + body;
}

function entryFileOf(doc: ManifestDoc): string {
  const entry = doc.entries.find((e) => e.key === 'entry_point');
  return entry ? (doc.expected.entryPoint ?? 'main.py') : 'main.py';
}

function toCase(doc: ManifestDoc, defects: string[], entryFile: string | null = entryFileOf(doc)): ManifestCase {
  return {
    text: renderManifest(doc),
    entryFile,
    expected: doc.expected,
    defects,
    expect: defects.length === 0 ? CREATED : SEMANTIC_ERROR,
  };
}

export function validManifest(profile: Profile): fc.Arbitrary<ManifestCase> {
  return validManifestDoc(profile).map((doc) => toCase(doc, []));
}

// ---- defects: each turns a valid document into one that breaks exactly the named rule ----

function withEntry(doc: ManifestDoc, key: string, yaml: string): ManifestDoc {
  const entries = doc.entries.some((e) => e.key === key)
    ? doc.entries.map((e) => (e.key === key ? { key, yaml } : e))
    : [...doc.entries, { key, yaml }];
  return { ...doc, entries };
}

function withoutEntry(doc: ManifestDoc, key: string): ManifestDoc {
  return { ...doc, entries: doc.entries.filter((e) => e.key !== key) };
}

/** Texts that are not YAML at all; the real one is a MANIFEST with "entry_point=main.py". */
function invalidYaml(doc: ManifestDoc): fc.Arbitrary<string> {
  const text = renderManifest({ ...doc, layout: { ...doc.layout, finalNewline: true, crlf: false, bom: false } });
  return fc.constantFrom(
    `${text}entry_point=main.py\n`,
    `${text}broken: [unclosed\n`,
    `\tindented: x\n${text}`,
    `${text}description: "unterminated\n`,
    `${text}a: b: c\n`,
  );
}

const NOT_A_MAPPING = [
  '- name: SPS_x\n- type: aa\n',
  'just a sentence\n',
  '',
  '# only a comment\n',
  '42\n',
  '[name, type]\n',
];

function strictOnlyBadNames(): string[] {
  return ['Sample-Authentication-Plugin', '1plugin', 'a', 'plugin.name', '_plugin', 'SPS@plugin'];
}

/** Names every profile refuses: empty or with whitespace. */
function alwaysBadNames(): string[] {
  return ['with space', 'tab\there', ' lead'];
}

/** The defect rule ids the manifest generator can produce: every MANIFEST rule but a missing file. */
export function manifestDefectRules(_profile: Profile): string[] {
  return PACKAGING_RULES.filter((rule) => rule.startsWith('manifest.') && rule !== 'manifest.missing');
}

function badTypes(profile: Profile): string[] {
  return ['ticketing', 'AA', 'credential_store', 'plugin', 'aa ', 'signingca', 'configuration_sync'].filter(
    (t) => !profile.manifestTypes.includes(t.trim()) || t !== t.trim(),
  );
}

function incompatibleApis(profile: Profile): string[] {
  const { major, minor } = profile.pluginApi;
  return [
    `${major + 1}.0`,
    `${major + 1}`,
    `${major}.${minor + 1}`,
    `${major}.${minor + 1}.0`,
    `${major}.${minor + 10}`,
    ...(major > 0 ? [`${major - 1}.9`] : []),
  ];
}

/** Plain values YAML 1.1 reads as a boolean, a number or a date: not text, so the validator cannot match them. */
const NOT_TEXT = ['yes', 'Off', 'TRUE', '12', '1.5', '2001-12-14'];

/** Plain apis whose str() is not a partial semantic version: True, 1.02 (a leading zero), inf. */
const PLAIN_BAD_APIS = ['yes', '1.02', '.inf'];

/** Plain versions whose str() does not start with a digit: True, -1, inf, and -.5 (a string to PyYAML). */
const PLAIN_BAD_VERSIONS = ['yes', 'on', '-1', '.inf', '-.5'];

/** A plain "x.y0" is the float x.y to PyYAML; written so, an incompatible api must be quoted. */
function plainKeepsText(value: string): boolean {
  return !/\.[0-9]+0$/.test(value);
}

/** One mutation per rule: the broken document and the entry file the zip should still carry. */
function breakDoc(rule: string, doc: ManifestDoc, profile: Profile): fc.Arbitrary<ManifestCase> {
  const same = (d: ManifestDoc): ManifestCase => toCase(d, [rule]);
  const set = (key: string, values: string[], plain = true, raw: string[] = []): fc.Arbitrary<ManifestCase> => {
    const written = fc.constantFrom(...values).chain((v) => rendered(v, plain && plainKeepsText(v)));
    const all =
      raw.length > 0
        ? fc.oneof(
            written,
            fc.constantFrom(...raw).map((yaml) => ({ yaml, value: yaml })),
          )
        : written;
    return all.map((r) => same(withEntry(doc, key, r.yaml)));
  };
  const [kind, field] = rule.split(':');
  switch (kind) {
    case 'manifest.invalid-yaml':
      return invalidYaml(doc).map((text) => ({ ...toCase(doc, [rule], 'main.py'), text }));
    case 'manifest.not-a-mapping':
      return fc.constantFrom(...NOT_A_MAPPING).map((text) => ({ ...toCase(doc, [rule], 'main.py'), text }));
    case 'manifest.missing-field':
      return fc.constant(same(withoutEntry(doc, field!)));
    case 'manifest.empty-field':
      return fc.constantFrom('', '~', 'null', 'Null').map((yaml) => same(withEntry(doc, field!, yaml)));
    case 'manifest.type-unknown':
      return set('type', badTypes(profile), false);
    case 'manifest.name-pattern':
      // Quoted, so YAML keeps every character; an empty name breaks the pattern, not presence.
      return set(
        'name',
        [...(profile.strictPluginNames ? strictOnlyBadNames() : []), ...alwaysBadNames(), ''],
        false,
        NOT_TEXT,
      );
    case 'manifest.entry-point-pattern':
      return set('entry_point', ['lib/main.py', 'plugin/main.py', 'main py', '/main.py', 'main.py;rm'], false, [
        '1',
        'yes',
        '2001-12-14',
      ]);
    case 'manifest.version-pattern':
      return set('version', ['v1.0', 'latest', 'x.1', '.5', '-1'], false, PLAIN_BAD_VERSIONS);
    case 'manifest.api-format':
      // semantic_version's partial parse takes 1.7.0-rc1 and 1.1+build; 01.2 has a leading zero.
      return set('api', ['1.x', 'one', '1.2.3.4', 'v1.1', '01.2', '1.02', '', '1.'], false, PLAIN_BAD_APIS);
    case 'manifest.api-incompatible':
      return set('api', incompatibleApis(profile));
    case 'manifest.author-email':
      return set('author_email', ['not an email', 'a@', '@example.com', 'a@b..c', 'a@b.c d'], false, ['yes', '12']);
    default:
      throw new Error(`no manifest defect for rule ${rule}`);
  }
}

export function manifestWith(rule: string, profile: Profile): fc.Arbitrary<ManifestCase> {
  return validManifestDoc(profile).chain((doc) => breakDoc(rule, doc, profile));
}
