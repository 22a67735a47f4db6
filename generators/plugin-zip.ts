// Plugin zips as fast-check arbitraries. A case is a file plan plus its label; bytes come from
// buildZip(plan). Built by construction: a valid case is assembled from valid parts, never checked.
import fc from 'fast-check';
import type { ZipFile } from './zip-bytes.ts';

export interface Expectation {
  status: number;
  code?: string;
}

export interface PluginZipCase {
  files: ZipFile[];
  /** Rules this case breaks; empty for a valid plugin. */
  defects: string[];
  expect: Expectation;
  manifest: ManifestFields;
}

export interface ManifestFields {
  name: string;
  type: string;
  version: string;
  api: string;
  description: string;
  entry_point: string;
}

export const MAIN_PY = '#!/usr/bin/env pluginwrapper3\n\nclass Plugin:\n    pass\n';

/** The MANIFEST text for `fields`, keys in the skeleton plugin's order, values written unquoted. */
export function manifestText(fields: ManifestFields): string {
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

export function minimalPluginFiles(fields: ManifestFields): ZipFile[] {
  return [
    { name: 'MANIFEST', content: manifestText(fields) },
    { name: fields.entry_point, content: MAIN_PY },
  ];
}

/** Names by the packaging rule [a-zA-Z][a-zA-Z0-9_]+ (SDK_NOTES.md §2). */
export function pluginName(): fc.Arbitrary<string> {
  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
  const rest = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_');
  return fc.tuple(letter, fc.array(rest, { minLength: 1, maxLength: 30 })).map(([first, tail]) => first + tail.join(''));
}

/** A valid minimal plugin: MANIFEST and main.py at the zip root. */
export function minimalPluginZip(types: readonly string[] = ['aa', 'credentialstore']): fc.Arbitrary<PluginZipCase> {
  return fc
    .record({
      name: pluginName(),
      type: fc.constantFrom(...types),
      version: fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((parts) => parts.join('.')),
      api: fc.constantFrom('1.1', '1.2', '1.3'),
      description: fc.constantFrom('Generated test plugin', 'A plugin', 'Demo plugin for testing'),
      entry_point: fc.constant('main.py'),
    })
    .map((manifest) => ({ files: minimalPluginFiles(manifest), defects: [], expect: { status: 201 }, manifest }));
}
