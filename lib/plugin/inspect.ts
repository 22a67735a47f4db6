// Inspects plugin zip bytes by the packaging rules and reports every rule they break. The linter and
// the emulator's upload both use this, so they cannot disagree.
// FIRST VERSION: zip listing + MANIFEST presence only; the full rules are being added (issue 4).
import type { Profile } from '../target/profiles.ts';
import { readEntries, ZipFormatError, type ZipEntryInfo } from './zip-entries.ts';

export interface Problem {
  /** The rule id, as in the generators' defect labels (e.g. "manifest.missing"). */
  rule: string;
  message: string;
}

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

export interface Inspection {
  problems: Problem[];
  entries: ZipEntryInfo[];
  /** Present when the MANIFEST could be read, even if other rules are broken. */
  manifest?: PluginManifest;
  /** default.cfg's text, "" when the zip has none. */
  defaultConfiguration: string;
}

export interface InspectOptions {
  profile: Profile;
}

export async function inspectPlugin(bytes: Buffer, _options: InspectOptions): Promise<Inspection> {
  let entries: ZipEntryInfo[];
  try {
    entries = await readEntries(bytes);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    return {
      problems: [{ rule: 'zip.not-a-zip', message: `The file is not a valid zip archive: ${error.message}` }],
      entries: [],
      defaultConfiguration: '',
    };
  }
  const problems: Problem[] = [];
  if (!entries.some((e) => e.name === 'MANIFEST')) {
    problems.push({ rule: 'manifest.missing', message: 'MANIFEST file not found in the Zip' });
  }
  return { problems, entries, defaultConfiguration: '' };
}
