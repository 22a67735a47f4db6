// MANIFEST texts and the verdict the SDK validator gives them (SDK_NOTES.md §2: PyYAML safe_load, then
// the field rules on the parsed values, str(version) kept), under the 9.x profile (plugin API 1.9, the newest; 7.x takes 1.7, 8.x 1.8).
// Written by reasoning from PyYAML's resolver.py and SafeConstructor and semantic_version's partial
// parse, then checked by hand with Debian's PyYAML 6.0 and semantic_version 2.9 (never a dependency).
// `verdict` is the first problem the validator raises ("accepted" when none); `version` is what SPS
// reports. A value the validator would crash on (re.fullmatch on a boolean, a ValueError in PyYAML) is
// a refusal under the field's rule, or manifest.invalid-yaml when PyYAML itself fails.
// Rows marked `unsure` are where the appliance's library versions could decide otherwise.

export interface TableRow {
  title: string;
  text: string;
  verdict: 'accepted' | string;
  version?: string;
  unsure?: string;
}

const BASE: Record<string, string> = { name: 'SPS_x', type: 'aa', api: '1.1', version: '1.0' };

/** The base MANIFEST with some lines replaced (a value of null drops the key); extra lines appended. */
function manifest(over: Record<string, string | null> = {}, extra = ''): string {
  const fields = { ...BASE, ...over };
  const lines = Object.entries(fields).flatMap(([k, v]) => (v === null ? [] : [v === '' ? `${k}:` : `${k}: ${v}`]));
  return `${lines.join('\n')}\n${extra}`;
}

const version = (v: string, verdict = 'accepted', shown?: string, unsure?: string): TableRow => ({
  title: `version: ${v}`,
  text: manifest({ version: v }),
  verdict,
  ...(shown !== undefined ? { version: shown } : {}),
  ...(unsure ? { unsure } : {}),
});
const api = (a: string, verdict = 'accepted', unsure?: string): TableRow => ({
  title: `api: ${a}`,
  text: manifest({ api: a }),
  verdict,
  version: '1.0',
  ...(unsure ? { unsure } : {}),
});
const field = (key: string, value: string, verdict: string): TableRow => ({
  title: `${key}: ${value}`,
  text: manifest({ [key]: value }),
  verdict,
});

export const TABLE: TableRow[] = [
  // version: str() of what YAML 1.1 made of it
  version('1.10', 'accepted', '1.1'),
  version("'1.10'", 'accepted', '1.10'),
  version('1.0', 'accepted', '1.0'),
  version('0.10', 'accepted', '0.1'),
  version('20.10', 'accepted', '20.1'),
  version('100.0', 'accepted', '100.0'),
  version('1.', 'accepted', '1.0'),
  version('010', 'accepted', '8'),
  version('0_1', 'accepted', '1'),
  version('00', 'accepted', '0'),
  version('08', 'accepted', '08'),
  version('0x1F', 'accepted', '31'),
  version('0b101', 'accepted', '5'),
  version('0o17', 'accepted', '0o17'),
  version('1:30', 'accepted', '90'),
  version('190:20:30', 'accepted', '685230'),
  version('0:30', 'accepted', '0:30'),
  version('1:30.5', 'accepted', '90.5'),
  version('1_000', 'accepted', '1000'),
  version('1__0', 'accepted', '10'),
  version('1_0.5', 'accepted', '10.5'),
  version('+1', 'accepted', '1'),
  version('.5', 'accepted', '0.5'),
  version('1.0e+3', 'accepted', '1000.0'),
  version('1e3', 'accepted', '1e3'),
  version('1.0e3', 'accepted', '1.0e3'),
  version('1.0e+16', 'accepted', '1e+16'),
  version('0.00001', 'accepted', '1e-05'),
  version('3.14159265358979323846', 'accepted', '3.141592653589793'),
  version('12345678901234567890', 'accepted', '12345678901234567890'),
  version('2001-12-14', 'accepted', '2001-12-14'),
  version(
    '2001-12-14t21:59:43.10-05:00',
    'accepted',
    '2001-12-14 21:59:43.100000-05:00',
    'PyYAML before 5.3 folded the offset into a naive UTC time: "2001-12-15 02:59:43.100000"',
  ),
  version(
    '2001-12-14 21:59:43.10 Z',
    'accepted',
    '2001-12-14 21:59:43.100000+00:00',
    'PyYAML before 5.3: "2001-12-14 21:59:43.100000"',
  ),
  version('2001-12-14 1:02:03', 'accepted', '2001-12-14 01:02:03'),
  version('1.1.0-sps7', 'accepted', '1.1.0-sps7'),
  version('2.0.1-a', 'accepted', '2.0.1-a'),
  version('!!str 1.10', 'accepted', '1.10'),
  version('! 1.10', 'accepted', '1.1'),
  version('!!float 1', 'accepted', '1.0'),
  version('-1', 'manifest.version-pattern'),
  version('-.5', 'manifest.version-pattern'),
  version('.inf', 'manifest.version-pattern'),
  version('.nan', 'manifest.version-pattern'),
  version('yes', 'manifest.version-pattern'),
  version('on', 'manifest.version-pattern'),
  version('y', 'manifest.version-pattern'),
  version("''", 'manifest.version-pattern'),
  version('[1, 0]', 'manifest.version-pattern'),
  version('{a: 1}', 'manifest.version-pattern'),
  version('|\n  1.0', 'manifest.version-pattern'),
  version('~', 'manifest.empty-field:version'),
  version('null', 'manifest.empty-field:version'),
  version('', 'manifest.empty-field:version'),
  version('2001-02-30', 'manifest.invalid-yaml'),
  version('0x_', 'manifest.invalid-yaml'),
  version('!!int "abc"', 'manifest.invalid-yaml'),
  version('=', 'manifest.invalid-yaml'),
  version('<<', 'manifest.invalid-yaml'),
  {
    title: 'a repeated version: the last wins',
    text: manifest({ version: '2.0' }, 'version: 1.10\n'),
    verdict: 'accepted',
    version: '1.1',
  },
  // api: semantic_version.Version(str(api), partial=True), then check_api_version against 1.9
  api('1.10'),
  api("'1.10'", 'manifest.api-incompatible'),
  api('1.90'),
  api('1.9'),
  api('1.7.0'),
  api('1.1.1'),
  api("'1.7.0-rc1'"),
  api("'1.0+build'"),
  api('01.2'),
  api("'01.2'", 'manifest.api-format'),
  api('1.02', 'manifest.api-format'),
  api(
    '1',
    'accepted',
    'semantic_version 2.9 cannot compare a partial version without a minor (TypeError in check_api_version); older releases compared it as any minor',
  ),
  api('0x1', 'accepted', 'as api: 1'),
  api('1.0e+3', 'manifest.api-incompatible'),
  api('1:00', 'manifest.api-incompatible'),
  api('2.0', 'manifest.api-incompatible'),
  api('0.9', 'manifest.api-incompatible'),
  api('yes', 'manifest.api-format'),
  api('1.x', 'manifest.api-format'),
  api("'1.'", 'manifest.api-format'),
  // name: re.fullmatch needs a str; a boolean or a number makes the validator fail
  field('name', 'yes', 'manifest.name-pattern'),
  field('name', "'yes'", 'accepted'),
  field('name', 'Off', 'manifest.name-pattern'),
  field('name', '12', 'manifest.name-pattern'),
  field('name', '2001-12-14', 'manifest.name-pattern'),
  field('name', 'y', 'manifest.name-pattern'),
  field('name', 'Null', 'manifest.empty-field:name'),
  { title: 'a repeated name: the last wins', text: manifest({}, 'name: bad name\n'), verdict: 'manifest.name-pattern' },
  // type: compared with ==, so only the str matches
  field('type', 'yes', 'manifest.type-unknown'),
  field('type', '1', 'manifest.type-unknown'),
  field('type', '!!str aa', 'accepted'),
  // entry_point and author_email are checked only when truthy
  field('entry_point', 'no', 'accepted'),
  field('entry_point', '0', 'accepted'),
  field('entry_point', '1', 'manifest.entry-point-pattern'),
  field('author_email', 'yes', 'manifest.author-email'),
  field('author_email', 'no', 'accepted'),
  field('author_email', "''", 'accepted'),
  // the document as a whole
  { title: 'an unknown key whose value is "="', text: manifest({}, 'x: =\n'), verdict: 'manifest.invalid-yaml' },
  { title: 'a key "=" is the string "="', text: manifest({}, '=: x\n'), verdict: 'accepted', version: '1.0' },
  {
    title: 'an impossible date under an unknown key',
    text: manifest({}, 'built: 2001-02-30\n'),
    verdict: 'manifest.invalid-yaml',
  },
  { title: 'an unhashable key', text: manifest({}, '[a]: 1\n'), verdict: 'manifest.invalid-yaml' },
  { title: 'an unknown tag', text: manifest({}, 'x: !foo y\n'), verdict: 'manifest.invalid-yaml' },
  { title: 'two documents', text: `${manifest()}---\nname: SPS_y\n`, verdict: 'manifest.invalid-yaml' },
  { title: 'a control character', text: manifest({ description: 'a\u0001b' }), verdict: 'manifest.invalid-yaml' },
  {
    title: 'version from a merge key',
    text: manifest({ version: null }, '<<: {version: 1.10}\n'),
    verdict: 'accepted',
    version: '1.1',
  },
  {
    title: "a merge key loses to the map's own key",
    text: manifest({ version: '1.10' }, '<<: {version: 2.0}\n'),
    verdict: 'accepted',
    version: '1.1',
  },
  { title: 'a merge of a non-mapping', text: manifest({}, '<<: [1]\n'), verdict: 'manifest.invalid-yaml' },
  {
    title: 'an alias of a float',
    text: manifest({ version: '&v 1.10' }, 'description: *v\n'),
    verdict: 'accepted',
    version: '1.1',
  },
  { title: 'a list, not a mapping', text: '- name: SPS_x\n', verdict: 'manifest.not-a-mapping' },
  { title: 'a tab after the colon', text: manifest({ version: '\t1.0' }), verdict: 'manifest.invalid-yaml' },
  { title: 'a trailing tab', text: manifest({ version: '1.0\t' }), verdict: 'manifest.invalid-yaml' },
  {
    title: 'a tab inside a plain description',
    text: manifest({ description: 'a\tb' }),
    verdict: 'manifest.invalid-yaml',
  },
  {
    title: 'a tab inside a quoted description',
    text: manifest({ description: '"a\tb"' }),
    verdict: 'accepted',
    version: '1.0',
  },
  { title: 'a tab inside a comment', text: manifest({ version: '1.0 #\tnote' }), verdict: 'accepted', version: '1.0' },
  // the first problem is the one the validator meets first
  {
    title: 'name before version before api',
    text: 'name: yes\nversion: v1\ntype: aa\napi: 3\n',
    verdict: 'manifest.name-pattern',
  },
  {
    title: 'author_email before check_api_version',
    text: manifest({ api: '3.0' }, 'author_email: not an email\n'),
    verdict: 'manifest.author-email',
  },
];
