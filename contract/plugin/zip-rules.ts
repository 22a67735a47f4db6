// Packaging rules that the central directory alone decides: nothing here inflates a byte.
import type { Problem } from './problem.ts';
import type { ZipEntryInfo } from './zip-entries.ts';

const SYMLINK_MODE = 0o120000;
const FILE_TYPE_MASK = 0o170000;
const ARCHIVE_SUFFIX = /\.(zip|jar|whl|egg|tar|tgz|tar\.gz|gz|bz2|xz|7z|rar)$/i;

/** `..` segments, absolute paths, backslashes and drive letters could escape the plugin directory. */
export function isUnsafePath(name: string): boolean {
  if (name.includes('\\')) return true;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return true;
  return name.split('/').includes('..');
}

function unsafePaths(entries: readonly ZipEntryInfo[]): Problem[] {
  return entries
    .filter((e) => isUnsafePath(e.name))
    .map((e) => ({
      rule: 'zip.unsafe-path',
      message: `Zip entry "${e.name}" has an unsafe path (absolute, "..", backslash or drive letter)`,
    }));
}

function symlinks(entries: readonly ZipEntryInfo[]): Problem[] {
  return entries
    .filter((e) => (e.unixMode & FILE_TYPE_MASK) === SYMLINK_MODE)
    .map((e) => ({ rule: 'zip.symlink', message: `Zip entry "${e.name}" is a symbolic link` }));
}

function encrypted(entries: readonly ZipEntryInfo[]): Problem[] {
  return entries
    .filter((e) => e.encrypted)
    .map((e) => ({ rule: 'zip.encrypted-entry', message: `Zip entry "${e.name}" is encrypted` }));
}

function duplicates(entries: readonly ZipEntryInfo[]): Problem[] {
  const seen = new Set<string>();
  const reported = new Set<string>();
  const problems: Problem[] = [];
  for (const { name } of entries) {
    if (seen.has(name) && !reported.has(name)) {
      problems.push({ rule: 'zip.duplicate-entry', message: `Zip entry "${name}" appears more than once` });
      reported.add(name);
    }
    seen.add(name);
  }
  return problems;
}

/** Someone zipped the plugin zip: every file inside is itself an archive. */
export function isNestedArchiveOnly(entries: readonly ZipEntryInfo[]): boolean {
  const files = entries.filter((e) => !e.isDirectory);
  return files.length > 0 && files.every((e) => ARCHIVE_SUFFIX.test(e.name));
}

export function zipStructureProblems(entries: readonly ZipEntryInfo[]): Problem[] {
  if (entries.length === 0) return [{ rule: 'zip.empty', message: 'The zip archive has no entries' }];
  const problems = [...unsafePaths(entries), ...symlinks(entries), ...encrypted(entries), ...duplicates(entries)];
  if (isNestedArchiveOnly(entries)) {
    problems.push({
      rule: 'zip.nested-archive-only',
      message: 'The zip archive holds only another archive; upload the plugin zip itself',
    });
  }
  return problems;
}
