// Rules about the plugin's files beside the MANIFEST: the entry point and default.cfg.
import { entryPointFile, type PluginManifest } from './manifest-fields.ts';
import type { Problem } from './problem.ts';
import type { ZipEntryInfo } from './zip-entries.ts';

const ENTRY_POINT = /^[A-Za-z0-9._-]+$/;

export function entryPointProblems(manifest: PluginManifest, entries: readonly ZipEntryInfo[]): Problem[] {
  const file = entryPointFile(manifest);
  // An entry point that breaks its own pattern is already reported; a second problem would only echo it.
  if (!ENTRY_POINT.test(file)) return [];
  if (entries.some((e) => e.name === file)) return [];
  return [{ rule: 'entry-point.missing', message: `The entry point "${file}" is not at the root of the Zip` }];
}

/** default.cfg as text, or a problem when it is not UTF-8. */
export function defaultConfiguration(bytes: Buffer | undefined): { text: string; problems: Problem[] } {
  if (!bytes) return { text: '', problems: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), problems: [] };
  } catch {
    return { text: '', problems: [{ rule: 'default-cfg.not-utf8', message: 'default.cfg is not UTF-8 text' }] };
  }
}
