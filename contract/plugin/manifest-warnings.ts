// Where SPS will read a MANIFEST value otherwise than it looks: YAML 1.1 makes "version: 1.10" the
// number 1.1 (shown "1.1"), "description: yes" the boolean True, and a repeated key keeps its last
// value. None of these breaks a rule, so they are warnings: `lint` prints them, and fails on them only
// with --strict.
import { parseApi } from './api-version.ts';
import type { ManifestValue, RepeatedKey } from './manifest-parse.ts';
import { pyStr, pyTruthy, pyTypeName } from './py-value.ts';

export interface Warning {
  /** "manifest.read-as-other-type", "manifest.repeated-key" or "manifest.api-without-minor". */
  rule: string;
  field: string;
  line: number;
  /** 1-based column of the value; absent when only the line is known (a repeated key). */
  column?: number;
  message: string;
}

/** The fields SPS reports or checks; a surprise elsewhere changes nothing the author sees. */
const WATCHED = [
  'name',
  'type',
  'version',
  'api',
  'description',
  'entry_point',
  'author_email',
  'scb_min_version',
  'scb_max_version',
];

const SCALAR_KINDS = new Set(['bool', 'int', 'float', 'date', 'datetime']);

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function readWarning(field: string, v: ManifestValue): Warning | undefined {
  if (!v.implicit || !SCALAR_KINDS.has(v.value.kind)) return undefined;
  const shown = pyStr(v.value);
  const falseEntryPoint = field === 'entry_point' && !pyTruthy(v.value);
  if (shown === v.source && !falseEntryPoint) return undefined;
  const what = `${field}: ${v.source} is read by SPS as the ${pyTypeName(v.value)} ${shown}`;
  const effect = falseEntryPoint
    ? ', so it counts as absent and main.py is the entry point'
    : ` and shown as ${quoted(shown)}`;
  return {
    rule: 'manifest.read-as-other-type',
    field,
    line: v.line,
    column: v.column,
    message: `${what}${effect}; write ${field}: ${quoted(v.source)}`,
  };
}

function repeatWarning(r: RepeatedKey): Warning {
  const last = r.lines[r.lines.length - 1]!;
  return {
    rule: 'manifest.repeated-key',
    field: r.key,
    line: last,
    message: `${r.key} is given ${r.lines.length} times (lines ${r.lines.join(', ')}); SPS keeps only the last one, on line ${last}`,
  };
}

/**
 * An api with only a major ("api: 1") parses, but semantic_version 2.9 cannot compare a partial version
 * without a minor with the SDK's (TypeError in check_api_version); older releases accepted it.
 */
function apiWithoutMinor(v: ManifestValue | undefined): Warning[] {
  if (!v || v.value.kind === 'none' || parseApi(pyStr(v.value))?.minor !== null) return [];
  const shown = pyStr(v.value);
  return [
    {
      rule: 'manifest.api-without-minor',
      field: 'api',
      line: v.line,
      column: v.column,
      message: `api: ${v.source} has no minor version; SPS releases whose semantic_version is 2.9 or later fail comparing it with their SDK version; write api: '${shown}.0'`,
    },
  ];
}

export function manifestWarnings(
  fields: ReadonlyMap<string, ManifestValue>,
  repeated: readonly RepeatedKey[],
): Warning[] {
  const read = WATCHED.flatMap((field) => {
    const v = fields.get(field);
    const w = v && readWarning(field, v);
    return w ? [w] : [];
  });
  return [
    ...read,
    ...apiWithoutMinor(fields.get('api')),
    ...repeated.filter((r) => WATCHED.includes(r.key)).map(repeatWarning),
  ];
}
