// The MANIFEST as the REST API reports it: every value exactly as written ("1.0" stays "1.0").
import type { ManifestValue } from './manifest-parse.ts';

/** MANIFEST fields as the REST API reports them: scalars exactly as written ("1.0" stays "1.0"). */
export interface PluginManifest {
  name: string;
  type: string;
  version: string;
  api: string;
  description: string;
  /** null when the MANIFEST has none (legacy Python 2 plugin). */
  entryPoint: string | null;
  /** "" when absent. */
  scbMinVersion: string;
  scbMaxVersion: string;
}

export function pluginManifest(fields: ReadonlyMap<string, ManifestValue>): PluginManifest {
  const text = (key: string): string => fields.get(key)?.text ?? '';
  const entryPoint = fields.get('entry_point');
  return {
    name: text('name'),
    type: text('type'),
    version: text('version'),
    api: text('api'),
    description: text('description'),
    entryPoint: entryPoint && !entryPoint.isNull && entryPoint.text !== '' ? entryPoint.text : null,
    scbMinVersion: text('scb_min_version'),
    scbMaxVersion: text('scb_max_version'),
  };
}

/** The file the plugin starts from: entry_point, or main.py when the MANIFEST names none. */
export function entryPointFile(manifest: PluginManifest): string {
  return manifest.entryPoint ?? 'main.py';
}
