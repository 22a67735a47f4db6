// Inspects plugin zip bytes by the packaging rules and reports every rule they break. The linter and
// the emulator's upload both use this, so they cannot disagree.
import { readEntries, ZipFormatError, type ZipEntryInfo } from './zip-entries.ts';

export interface Problem {
  /** The rule id, as in the generators' defect labels (e.g. "manifest.missing"). */
  rule: string;
  message: string;
}

export interface Inspection {
  problems: Problem[];
  entries: ZipEntryInfo[];
}

export async function inspectPlugin(bytes: Buffer): Promise<Inspection> {
  let entries: ZipEntryInfo[];
  try {
    entries = await readEntries(bytes);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    return { problems: [{ rule: 'zip.not-a-zip', message: `The file is not a valid zip archive: ${error.message}` }], entries: [] };
  }
  const problems: Problem[] = [];
  if (!entries.some((e) => e.name === 'MANIFEST')) {
    problems.push({ rule: 'manifest.missing', message: 'MANIFEST file not found in the Zip' });
  }
  return { problems, entries };
}
