// The values a valid MANIFEST field may take, as YAML source: each is generated together with the text
// the REST API must report for it, so the expectation is known by construction.
import fc from 'fast-check';
import type { Profile } from '../lib/target/profiles.ts';

/** A YAML scalar as written in the MANIFEST, and the string SPS reports for it. */
export interface Rendered {
  yaml: string;
  value: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WORD_CHARS = `${LETTERS}0123456789_`;
// Plain scalars YAML would read as null; a name spelled so is "empty", not a name.
const YAML_NULLS = new Set(['null', 'Null', 'NULL']);

/** Writes `value` plain, single-quoted or double-quoted; each reads back as `value`. */
export function rendered(value: string, plainAllowed = true): fc.Arbitrary<Rendered> {
  const quoted = [
    fc.constant({ yaml: `'${value.replaceAll("'", "''")}'`, value }),
    fc.constant({ yaml: JSON.stringify(value), value }),
  ];
  return plainAllowed ? fc.oneof({ weight: 3, arbitrary: fc.constant({ yaml: value, value }) }, ...quoted) : fc.oneof(...quoted);
}

/** Names by the strict rule [a-zA-Z][a-zA-Z0-9_]+ (SDK_NOTES.md §2), valid in every profile. */
export function strictName(): fc.Arbitrary<string> {
  const letter = fc.constantFrom(...LETTERS);
  const rest = fc.constantFrom(...WORD_CHARS);
  return fc.tuple(letter, fc.array(rest, { minLength: 1, maxLength: 30 })).map(([first, tail]) => first + tail.join(''));
}

/** Names only the loose rule accepts ("cannot contain whitespace"), like the 5.x docs' Sample-Authentication-Plugin. */
export function looseOnlyName(): fc.Arbitrary<string> {
  const part = fc.array(fc.constantFrom(...WORD_CHARS), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
  return fc.tuple(fc.constantFrom(...LETTERS), part, fc.constantFrom('-', '.'), part).map(([a, b, sep, c]) => `${a}${b}${sep}${c}`);
}

export function nameValue(profile: Profile): fc.Arbitrary<Rendered> {
  const names = profile.strictPluginNames ? strictName() : fc.oneof(strictName(), looseOnlyName());
  return names.chain((name) => rendered(name, !YAML_NULLS.has(name)));
}

/** Versions as real plugins write them: 1.0.0, float-looking 1.0 / 1.10 / 0.1, pre-release 2.0.1-a. */
export function versionValue(): fc.Arbitrary<Rendered> {
  const n = fc.nat(20);
  const forms = fc.oneof(
    fc.tuple(n, n, n).map(([a, b, c]) => `${a}.${b}.${c}`),
    fc.tuple(n, fc.constantFrom('0', '1', '10', '3', '9')).map(([a, b]) => `${a}.${b}`),
    n.map(String),
    fc.tuple(n, n, n, fc.constantFrom('-a', '-sps7', '-rc1', '-20200101T000000')).map(([a, b, c, s]) => `${a}.${b}.${c}${s}`),
  );
  return forms.chain((v) => rendered(v));
}

/** An api the profile accepts: its major, a minor up to its own, written x, x.y or x.y.z. */
export function apiValue(profile: Profile): fc.Arbitrary<Rendered> {
  const { major, minor } = profile.pluginApi;
  const forms = fc.oneof(
    fc.constant(String(major)),
    fc.integer({ min: 0, max: minor }).map((m) => `${major}.${m}`),
    fc.integer({ min: 0, max: minor }).map((m) => `${major}.${m}.0`),
  );
  return forms.chain((v) => rendered(v));
}

export function typeValue(profile: Profile): fc.Arbitrary<Rendered> {
  return fc.constantFrom(...profile.manifestTypes).chain((t) => rendered(t));
}

export function descriptionValue(): fc.Arbitrary<Rendered> {
  return fc.oneof(
    fc.constantFrom('OneIdentity TPAM plugin', 'Demo plugin for testing', 'RADIUS (RSA) MFA plugin plugin', 'An example.').chain((d) => rendered(d)),
    // Colons and hashes need quotes; the reported value is the text inside them.
    fc.constantFrom('Mode: strict', 'Plugin #2', "It's quoted").chain((d) => rendered(d, false)),
  );
}

export function entryPointValue(): fc.Arbitrary<Rendered> {
  return fc.constantFrom('main.py', 'plugin_main.py', 'entry-point.py', 'Main.py').chain((e) => rendered(e));
}

export function authorEmailValue(): fc.Arbitrary<Rendered> {
  return fc
    .constantFrom('QDL.QBU-OI.RD.Safeguard.Integration@oneidentity.com', 'OneIdentity.RD.Safeguard.Team.Rangers@quest.com', 'a+b@example', 'dev_1@x-y.z')
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
