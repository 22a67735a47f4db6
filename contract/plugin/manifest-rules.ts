// The MANIFEST rules of a zip upload: the SDK validator's "compatible" mode (SDK_NOTES.md §2) run on the
// values PyYAML built, read through the profile where SPS versions differ (plugin types, api range, the
// name rule). Checks run in the validator's order (presence, type, name, entry_point, version, api,
// author_email, then check_api_version), so the first problem is the one the appliance would name.
// Where the validator would crash on a value of the wrong type (re.fullmatch on a boolean), the value
// is refused under the field's rule with a message saying why.
import type { Profile } from '../profiles.ts';
import { parseApi, type ApiVersion } from './api-version.ts';
import type { ManifestValue } from './manifest-parse.ts';
import { pyStr, pyTruthy, pyTypeName, strRepr, type PyValue } from './py-value.ts';
import type { Problem } from './problem.ts';

/** Fields a zip upload's MANIFEST must have and must not leave empty (YAML null). */
export const REQUIRED_FIELDS = ['name', 'api', 'version', 'type'] as const;

const STRICT_NAME = /^[a-zA-Z][a-zA-Z0-9_]+$/;
const LOOSE_NAME = /^\S+$/;
const ENTRY_POINT = /^[A-Za-z0-9._-]+$/;
// re.fullmatch("[0-9].*", ...): Python's "." stops at a newline, so "1.0\n" (a block scalar) fails.
const VERSION = /^[0-9][^\n]*$/;
const AUTHOR_EMAIL = /^(?:[-+_.a-zA-Z0-9]+@[-_a-zA-Z0-9]+(?:\.[-_a-zA-Z0-9]+)*)?$/;
const API_FORMAT =
  "The value of the attribute 'api' can not be parsed as valid semantic version The valid format should be: x.y.z where z is optional";

type Fields = ReadonlyMap<string, ManifestValue>;

/** A value the validator hands to re.fullmatch must be a str; anything else makes it fail. */
function notText(field: string, v: ManifestValue): string {
  const how =
    v.implicit && v.value.kind !== 'str'
      ? `YAML 1.1 reads ${v.source} as the ${pyTypeName(v.value)} ${pyStr(v.value)}`
      : `it is a ${pyTypeName(v.value)}`;
  return `MANIFEST ${field} must be text, but ${how}, which the SDK validator cannot check; write ${field}: '${v.source.replaceAll("'", "''")}'`;
}

function presenceProblems(fields: Fields): Problem[] {
  const problems: Problem[] = [];
  for (const field of REQUIRED_FIELDS) {
    const value = fields.get(field);
    if (!value) problems.push({ rule: `manifest.missing-field:${field}`, message: `MANIFEST '${field}' is missing` });
    else if (value.value.kind === 'none')
      problems.push({ rule: `manifest.empty-field:${field}`, message: `MANIFEST '${field}' is empty` });
  }
  return problems;
}

/** A required field that is present and not null, so its format can be judged. */
function judged(fields: Fields, key: string): ManifestValue | undefined {
  const value = fields.get(key);
  return value && value.value.kind !== 'none' ? value : undefined;
}

/** An optional field the validator checks only when it is truthy (`if self.entry_point and ...`). */
function truthy(fields: Fields, key: string): ManifestValue | undefined {
  const value = fields.get(key);
  return value && pyTruthy(value.value) ? value : undefined;
}

const isStr = (v: PyValue): v is { kind: 'str'; value: string } => v.kind === 'str';

function typeProblems(fields: Fields, profile: Profile): Problem[] {
  const type = judged(fields, 'type');
  if (!type || (isStr(type.value) && profile.manifestTypes.includes(type.value.value))) return [];
  // "{} not in {}".format(type, KNOWN_PLUGIN_TYPES): str() of the value, the tuple's repr.
  const known = `(${profile.manifestTypes.map(strRepr).join(', ')})`;
  return [{ rule: 'manifest.type-unknown', message: `${pyStr(type.value)} not in ${known}` }];
}

function nameProblems(fields: Fields, profile: Profile): Problem[] {
  const name = judged(fields, 'name');
  if (!name) return [];
  if (!isStr(name.value)) return [{ rule: 'manifest.name-pattern', message: notText('name', name) }];
  const pattern = profile.strictPluginNames ? STRICT_NAME : LOOSE_NAME;
  if (pattern.test(name.value.value)) return [];
  const message = profile.strictPluginNames
    ? 'MANIFEST name should start with letter and continue with letter, digit or underscore'
    : 'MANIFEST name must not be empty or contain whitespace';
  return [{ rule: 'manifest.name-pattern', message }];
}

function entryPointProblems(fields: Fields): Problem[] {
  const entryPoint = truthy(fields, 'entry_point');
  if (!entryPoint) return [];
  if (!isStr(entryPoint.value))
    return [{ rule: 'manifest.entry-point-pattern', message: notText('entry_point', entryPoint) }];
  if (ENTRY_POINT.test(entryPoint.value.value)) return [];
  return [
    {
      rule: 'manifest.entry-point-pattern',
      message: 'MANIFEST entry point should only contain letters, digits, dot, dash or underscore',
    },
  ];
}

function versionProblems(fields: Fields): Problem[] {
  const version = judged(fields, 'version');
  if (!version || VERSION.test(pyStr(version.value))) return [];
  return [{ rule: 'manifest.version-pattern', message: 'MANIFEST version should start with a digit' }];
}

function apiOf(fields: Fields): ApiVersion | undefined {
  const api = judged(fields, 'api');
  return api ? parseApi(pyStr(api.value)) : undefined;
}

function apiFormatProblems(fields: Fields): Problem[] {
  if (!judged(fields, 'api') || apiOf(fields)) return [];
  return [{ rule: 'manifest.api-format', message: API_FORMAT }];
}

/** check_api_version: api <= the SDK version (patch 0), then the same major; one problem at most. */
function apiCompatibilityProblems(fields: Fields, profile: Profile): Problem[] {
  const api = apiOf(fields);
  if (!api) return [];
  const { major, minor } = profile.pluginApi;
  const supported = `${major}.${minor}`;
  // A missing minor ("api: 1") compares as any minor, as semantic_version's partial versions did.
  const notLarger = api.major < major || (api.major === major && (api.minor === null || api.minor <= minor));
  if (!notLarger) {
    return [
      {
        rule: 'manifest.api-incompatible',
        message: `MANIFEST api version may not be larger than the supported plugin API version (${supported})`,
      },
    ];
  }
  if (api.major !== major) {
    return [
      {
        rule: 'manifest.api-incompatible',
        message: `MANIFEST api major version must equal the supported plugin API major version (${supported})`,
      },
    ];
  }
  return [];
}

function authorEmailProblems(fields: Fields): Problem[] {
  const email = truthy(fields, 'author_email');
  if (!email) return [];
  if (!isStr(email.value)) return [{ rule: 'manifest.author-email', message: notText('author_email', email) }];
  if (AUTHOR_EMAIL.test(email.value.value)) return [];
  return [{ rule: 'manifest.author-email', message: 'The given author email address is not valid' }];
}

export function manifestProblems(fields: Fields, profile: Profile): Problem[] {
  return [
    ...presenceProblems(fields),
    ...typeProblems(fields, profile),
    ...nameProblems(fields, profile),
    ...entryPointProblems(fields),
    ...versionProblems(fields),
    ...apiFormatProblems(fields),
    ...authorEmailProblems(fields),
    ...apiCompatibilityProblems(fields, profile),
  ];
}
