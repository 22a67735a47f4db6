// The MANIFEST as the REST API reports it: Python's str() of each value PyYAML built, since the
// validator stores str(version) (SDK_NOTES.md §2): "version: 1.10" is reported as "1.1", "1.0" as "1.0".
import type { ManifestValue } from './manifest-parse.ts';
import { pyStr, pyTruthy } from './py-value.ts';

/** MANIFEST fields as the REST API reports them: str() of the parsed value, "" for null or absent. */
export interface PluginManifest {
  name: string;
  type: string;
  version: string;
  api: string;
  description: string;
  /** null when the MANIFEST has none, or a false one (legacy Python 2 plugin; "entry_point: no"). */
  entryPoint: string | null;
  /** "" when absent. */
  scbMinVersion: string;
  scbMaxVersion: string;
}

export function pluginManifest(fields: ReadonlyMap<string, ManifestValue>): PluginManifest {
  const text = (key: string): string => {
    const value = fields.get(key)?.value;
    return value && value.kind !== 'none' ? pyStr(value) : '';
  };
  const entryPoint = fields.get('entry_point');
  return {
    name: text('name'),
    type: text('type'),
    version: text('version'),
    api: text('api'),
    description: text('description'),
    // The validator skips a false entry_point (`if self.entry_point and ...`): main.py it is (inferred).
    entryPoint: entryPoint && pyTruthy(entryPoint.value) ? pyStr(entryPoint.value) : null,
    scbMinVersion: text('scb_min_version'),
    scbMaxVersion: text('scb_max_version'),
  };
}

/** The file the plugin starts from: entry_point, or main.py when the MANIFEST names none. */
export function entryPointFile(manifest: PluginManifest): string {
  return manifest.entryPoint ?? 'main.py';
}
