// The MANIFEST rules of a zip upload: the SDK validator's "compatible" mode (SDK_NOTES.md §2), read
// through the profile where SPS versions differ (plugin types, api range, the name rule). Checks run
// in the validator's order, so the first problem is the one the appliance would name.
import type { Profile } from '../target/profiles.ts';
import type { ManifestValue } from './manifest-parse.ts';
import type { Problem } from './problem.ts';

/** Fields a zip upload's MANIFEST must have and must not leave empty (YAML null). */
export const REQUIRED_FIELDS = ['name', 'api', 'version', 'type'] as const;

const STRICT_NAME = /^[a-zA-Z][a-zA-Z0-9_]+$/;
const LOOSE_NAME = /^\S+$/;
const ENTRY_POINT = /^[A-Za-z0-9._-]+$/;
const VERSION = /^[0-9]/;
const API = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;
const AUTHOR_EMAIL = /^(?:[-+_.a-zA-Z0-9]+@[-_a-zA-Z0-9]+(?:\.[-_a-zA-Z0-9]+)*)?$/;

type Fields = ReadonlyMap<string, ManifestValue>;

/** A present value that is neither null nor empty. */
function given(fields: Fields, key: string): ManifestValue | undefined {
  const value = fields.get(key);
  return value && !value.isNull && value.text !== '' ? value : undefined;
}

function presenceProblems(fields: Fields): Problem[] {
  const problems: Problem[] = [];
  for (const field of REQUIRED_FIELDS) {
    const value = fields.get(field);
    if (!value) problems.push({ rule: `manifest.missing-field:${field}`, message: `MANIFEST '${field}' is missing` });
    else if (value.isNull) problems.push({ rule: `manifest.empty-field:${field}`, message: `MANIFEST '${field}' is empty` });
  }
  return problems;
}

/** A required field that is present and not null, so its format can be judged. */
function judged(fields: Fields, key: string): ManifestValue | undefined {
  const value = fields.get(key);
  return value && !value.isNull ? value : undefined;
}

function typeProblems(fields: Fields, profile: Profile): Problem[] {
  const type = judged(fields, 'type');
  if (!type || (type.isScalar && profile.manifestTypes.includes(type.text))) return [];
  return [{ rule: 'manifest.type-unknown', message: `${type.text} not in (${profile.manifestTypes.join(', ')})` }];
}

function nameProblems(fields: Fields, profile: Profile): Problem[] {
  const name = judged(fields, 'name');
  if (!name) return [];
  if (profile.strictPluginNames && STRICT_NAME.test(name.text)) return [];
  if (!profile.strictPluginNames && name.isScalar && LOOSE_NAME.test(name.text)) return [];
  const message = profile.strictPluginNames
    ? 'MANIFEST name should start with letter and continue with letter, digit or underscore'
    : 'MANIFEST name must not be empty or contain whitespace';
  return [{ rule: 'manifest.name-pattern', message }];
}

function entryPointProblems(fields: Fields): Problem[] {
  const entryPoint = given(fields, 'entry_point');
  if (!entryPoint || ENTRY_POINT.test(entryPoint.text)) return [];
  return [{ rule: 'manifest.entry-point-pattern', message: 'MANIFEST entry point should only contain letters, digits, dot, dash or underscore' }];
}

function versionProblems(fields: Fields): Problem[] {
  const version = judged(fields, 'version');
  if (!version || VERSION.test(version.text)) return [];
  return [{ rule: 'manifest.version-pattern', message: 'MANIFEST version should start with a digit' }];
}

function apiProblems(fields: Fields, profile: Profile): Problem[] {
  const api = judged(fields, 'api');
  if (!api) return [];
  const match = API.exec(api.text);
  if (!match) {
    return [{ rule: 'manifest.api-format', message: "The value of the attribute 'api' can not be parsed as valid semantic version The valid format should be: x.y.z where z is optional" }];
  }
  const major = Number(match[1]);
  const minor = Number(match[2] ?? 0);
  const supported = `${profile.pluginApi.major}.${profile.pluginApi.minor}`;
  if (major !== profile.pluginApi.major) {
    return [{ rule: 'manifest.api-incompatible', message: `MANIFEST api major version must equal the supported plugin API major version (${supported})` }];
  }
  if (minor > profile.pluginApi.minor) {
    return [{ rule: 'manifest.api-incompatible', message: `MANIFEST api version may not be larger than the supported plugin API version (${supported})` }];
  }
  return [];
}

function authorEmailProblems(fields: Fields): Problem[] {
  const email = given(fields, 'author_email');
  if (!email || (email.isScalar && AUTHOR_EMAIL.test(email.text))) return [];
  return [{ rule: 'manifest.author-email', message: 'The given author email address is not valid' }];
}

export function manifestProblems(fields: Fields, profile: Profile): Problem[] {
  return [
    ...presenceProblems(fields),
    ...typeProblems(fields, profile),
    ...nameProblems(fields, profile),
    ...entryPointProblems(fields),
    ...versionProblems(fields),
    ...apiProblems(fields, profile),
    ...authorEmailProblems(fields),
  ];
}
