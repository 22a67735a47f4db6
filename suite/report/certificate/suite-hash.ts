// The suite's content hash: what a certificate's checks were made of. SHA-256 over every file under
// contract/, generators/, schemas/, specs/ and suite/ (they define the checks), in sorted path order, each as
// "<path>\0<byte length>\0<bytes>", so two suites hash alike only if every path and byte agree.
import { createHash } from 'node:crypto';
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUITE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const HASHED_DIRS = ['contract', 'generators', 'schemas', 'specs', 'suite'] as const;

export interface SuiteHash {
  algorithm: 'sha256';
  covers: string[];
  files: number;
  value: string;
}

function filesUnder(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : [],
  );
}

/** Relative, '/'-separated paths, so the hash is the same on every OS and checkout location. */
export function suiteFiles(root: string = SUITE_ROOT): string[] {
  return HASHED_DIRS.flatMap((d) => filesUnder(join(root, d)))
    .map((f) => relative(root, f).split(sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function suiteHash(root: string = SUITE_ROOT): SuiteHash {
  const hash = createHash('sha256');
  const files = suiteFiles(root);
  for (const path of files) {
    const bytes = readFileSync(join(root, path));
    hash.update(`${path}\0${bytes.length}\0`, 'utf8');
    hash.update(bytes);
  }
  return { algorithm: 'sha256', covers: [...HASHED_DIRS], files: files.length, value: hash.digest('hex') };
}
