// The values a valid MANIFEST field may take, as YAML source: each is generated together with the text
// the REST API must report for it, so the expectation is known by construction.
import fc from 'fast-check';
import type { Profile } from '../contract/profiles.ts';

/** A YAML scalar as written in the MANIFEST, and the string SPS reports for it. */
export interface Rendered {
  yaml: string;
  value: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WORD_CHARS = `${LETTERS}0123456789_`;
// Plain scalars YAML 1.1 reads as null or a boolean (PyYAML's resolver): a name spelled so must be quoted.
const YAML11_WORDS = new Set([
  'null',
  'Null',
  'NULL',
  ...['yes', 'no', 'true', 'false', 'on', 'off'].flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]),
]);

/** Writes `value` plain, single-quoted or double-quoted; each reads back as `value`. */
export function rendered(value: string, plainAllowed = true): fc.Arbitrary<Rendered> {
  const quoted = [
    fc.constant({ yaml: `'${value.replaceAll("'", "''")}'`, value }),
    fc.constant({ yaml: JSON.stringify(value), value }),
  ];
  return plainAllowed
    ? fc.oneof({ weight: 3, arbitrary: fc.constant({ yaml: value, value }) }, ...quoted)
    : fc.oneof(...quoted);
}

/** Names by the strict rule [a-zA-Z][a-zA-Z0-9_]+ (SDK_NOTES.md §2), valid in every profile. */
export function strictName(): fc.Arbitrary<string> {
  const letter = fc.constantFrom(...LETTERS);
  const rest = fc.constantFrom(...WORD_CHARS);
  return fc
    .tuple(letter, fc.array(rest, { minLength: 1, maxLength: 30 }))
    .map(([first, tail]) => first + tail.join(''));
}

/** Names only the loose rule accepts ("cannot contain whitespace"), like the 5.x docs' Sample-Authentication-Plugin. */
export function looseOnlyName(): fc.Arbitrary<string> {
  const part = fc.array(fc.constantFrom(...WORD_CHARS), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
  return fc
    .tuple(fc.constantFrom(...LETTERS), part, fc.constantFrom('-', '.'), part)
    .map(([a, b, sep, c]) => `${a}${b}${sep}${c}`);
}

export function nameValue(profile: Profile): fc.Arbitrary<Rendered> {
  const names = profile.strictPluginNames ? strictName() : fc.oneof(strictName(), looseOnlyName());
  return names.chain((name) => rendered(name, !YAML11_WORDS.has(name)));
}

/**
 * str() of the float PyYAML reads from a plain "a.b" (a, b small): Python's repr drops the trailing zeros
 * of the fraction but keeps one digit, so 1.10 is "1.1" and 2.0 stays "2.0" (SDK_NOTES.md §2).
 */
export function floatLooking(a: number, fraction: string): string {
  return `${a}.${fraction.replace(/0+$/, '') || '0'}`;
}

/**
 * Plain versions YAML 1.1 reads as numbers or dates, with the string SPS reports (str() of the value),
 * worked out by hand from PyYAML's resolver and checked with PyYAML (test/manifest-yaml11-table.ts).
 */
export const YAML11_VERSIONS: ReadonlyArray<readonly [yaml: string, reported: string]> = [
  ['010', '8'],
  ['0x1F', '31'],
  ['0b11', '3'],
  ['1:30', '90'],
  ['1_000', '1000'],
  ['+1', '1'],
  ['.5', '0.5'],
  ['1.0e+3', '1000.0'],
  ['1e3', '1e3'],
  ['0o17', '0o17'],
  ['08', '08'],
  ['0:30', '0:30'],
  ['1.', '1.0'],
  ['2001-12-14', '2001-12-14'],
  ['1.0e+16', '1e+16'],
  ['20.10', '20.1'],
  ['1_0.5', '10.5'],
  ['1:30.5', '90.5'],
];

/** Versions as real plugins write them (1.0.0, 1.0, 0.1, 2.0.1-a) and as YAML 1.1 reads them: 1.10 is "1.1". */
export function versionValue(): fc.Arbitrary<Rendered> {
  const n = fc.nat(20);
  const written = fc.oneof(
    fc.tuple(n, n, n).map(([a, b, c]) => `${a}.${b}.${c}`),
    fc
      .tuple(n, n, n, fc.constantFrom('-a', '-sps7', '-rc1', '-20200101T000000'))
      .map(([a, b, c, s]) => `${a}.${b}.${c}${s}`),
  );
  const floatForm = fc
    .tuple(n, fc.constantFrom('0', '1', '10', '3', '9', '50', '25'))
    .chain(([a, b]) =>
      fc.oneof(fc.constant({ yaml: `${a}.${b}`, value: floatLooking(a, b) }), ...quotedForms(`${a}.${b}`)),
    );
  const trap = fc.constantFrom(...YAML11_VERSIONS).chain(([yaml, value]) =>
    // Quoted, the text is the version, but only one starting with a digit is valid.
    /^[0-9]/.test(yaml) ? fc.oneof(fc.constant({ yaml, value }), ...quotedForms(yaml)) : fc.constant({ yaml, value }),
  );
  return fc.oneof(
    written.chain((v) => rendered(v)),
    n.map((i) => ({ yaml: String(i), value: String(i) })),
    floatForm,
    trap,
  );
}

function quotedForms(value: string): Array<fc.Arbitrary<Rendered>> {
  return [fc.constant({ yaml: `'${value}'`, value }), fc.constant({ yaml: JSON.stringify(value), value })];
}

/** An api the profile accepts: its major, a minor up to its own, written x, x.y or x.y.z. */
export function apiValue(profile: Profile): fc.Arbitrary<Rendered> {
  const { major, minor } = profile.pluginApi;
  const forms = fc.oneof(
    fc.constant(String(major)),
    fc.integer({ min: 0, max: minor }).map((m) => `${major}.${m}`),
    fc.integer({ min: 0, max: minor }).map((m) => `${major}.${m}.0`),
  );
  // Plain 1.10 is the float 1.1 to PyYAML: api minor 1, reported "1.1" (quoted it would be minor 10).
  const tenths = fc
    .integer({ min: 0, max: minor })
    .map((m) => ({ yaml: `${major}.${m}0`, value: floatLooking(major, `${m}0`) }));
  return fc.oneof({ weight: 3, arbitrary: forms.chain((v) => rendered(v)) }, tenths);
}

export function typeValue(profile: Profile): fc.Arbitrary<Rendered> {
  return fc.constantFrom(...profile.manifestTypes).chain((t) => rendered(t));
}

export function descriptionValue(): fc.Arbitrary<Rendered> {
  return fc.oneof(
    fc
      .constantFrom(
        'OneIdentity TPAM plugin',
        'Demo plugin for testing',
        'RADIUS (RSA) MFA plugin plugin',
        'An example.',
      )
      .chain((d) => rendered(d)),
    // Colons and hashes need quotes; the reported value is the text inside them.
    fc.constantFrom('Mode: strict', 'Plugin #2', "It's quoted").chain((d) => rendered(d, false)),
    // Plain, YAML 1.1 reads these as a boolean, a number, a date: SPS reports str() of the value.
    fc.constantFrom<Rendered>(
      { yaml: 'yes', value: 'True' },
      { yaml: 'off', value: 'False' },
      { yaml: '1.10', value: '1.1' },
      { yaml: '0x10', value: '16' },
      { yaml: '2001-12-14', value: '2001-12-14' },
    ),
  );
}

export function entryPointValue(): fc.Arbitrary<Rendered> {
  return fc.constantFrom('main.py', 'plugin_main.py', 'entry-point.py', 'Main.py').chain((e) => rendered(e));
}

export function authorEmailValue(): fc.Arbitrary<Rendered> {
  return fc
    .constantFrom(
      'QDL.QBU-OI.RD.Safeguard.Integration@oneidentity.com',
      'OneIdentity.RD.Safeguard.Team.Rangers@quest.com',
      'a+b@example',
      'dev_1@x-y.z',
    )
    .chain((e) => rendered(e));
}

/** scb_min_version / scb_max_version: a version, a "~" bound, or YAML null (reported as ""). */
export function scbVersionValue(): fc.Arbitrary<Rendered> {
  return fc.oneof(
    fc.constantFrom('5.1.0', '8.1.0', '5.10.0').chain((v) => rendered(v)),
    fc.constantFrom('6.1.0~', '8.0.0~', '6.13.0~').chain((v) => rendered(v)),
    fc.constant({ yaml: '~', value: '' }),
    fc.constant({ yaml: '', value: '' }),
  );
}

/** Keys SPS ignores: real plugins carry author_name and a non-standard author. */
export function unknownEntry(): fc.Arbitrary<[string, string]> {
  return fc.constantFrom<[string, string]>(
    ['author_name', 'One Identity PAM Integration Team'],
    ['author', 'ferenc.sipos@oneidentity.com'],
    ['python_version', '"3.6"'],
    ['x_custom', '[1, 2, {a: b}]'],
    ['notes', '|\n  multi\n  line'],
  );
}
