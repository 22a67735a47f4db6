// A cache of text derived from the contract's data files: the parsed YAML of the requirement catalog and
// the OpenAPI document (about 0.3 and 0.25 s to parse, contract/parsed-yaml.ts) and the compiled JSON
// Schema validators (about 0.5 s with ajv). Every Playwright worker of every run needs them, and a
// self-test starts hundreds of workers. An entry lives in this process and in a per-user folder of the
// temp directory, named by the SHA-256 of what it was derived from: an edited input has another name, so
// a stale entry is never read. A missing, unreadable or damaged entry (the caller's `usable` says no) is
// derived anew; a cache that cannot be written costs the derivation, never a failure. The validators'
// entry is code this process runs, so an entry is read only from a folder and a file this user owns that
// nobody else can write (the temp directory is shared: another local user could otherwise plant a folder
// or a file there).
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const inProcess = new Map<string, string>();

function cacheDir(): string {
  let user = 'user';
  try {
    user = String(userInfo().uid);
  } catch {
    // No user entry (some containers): one shared name, still keyed by content.
  }
  return join(tmpdir(), `sps-conformance-cache-${user}`);
}

function hashOf(input: string): string {
  return createHash('sha256').update(input).digest('hex');
}

/** Where the entry derived from `input` is kept on disk. */
export function cacheFileOf(input: string): string {
  return join(cacheDir(), hashOf(input));
}

/** Owned by this user, not a symlink, and writable by nobody else. */
function ownedPrivately(stats: Stats): boolean {
  const uid = process.getuid?.();
  return !stats.isSymbolicLink() && (uid === undefined || stats.uid === uid) && (stats.mode & 0o022) === 0;
}

/** Whether the cache folder and the entry may be trusted; false when either is missing or foreign. */
export function trustedEntry(file: string): boolean {
  try {
    const dir = lstatSync(cacheDir());
    const entry = lstatSync(file);
    return dir.isDirectory() && ownedPrivately(dir) && entry.isFile() && ownedPrivately(entry);
  } catch {
    return false;
  }
}

function readEntry(file: string): string | undefined {
  if (!trustedEntry(file)) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function writeEntry(file: string, text: string): void {
  try {
    mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
    // A folder someone else made (or a symlink) is not ours to write into.
    if (!ownedPrivately(lstatSync(cacheDir()))) return;
    // Written beside its final name and renamed: a concurrent reader sees all of it or nothing.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, text, { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // ignored: see the top of the file
  }
}

/**
 * `derive()`, the text derived from `input` (which must name everything the result depends on), from
 * the cache when it holds a usable entry for that input.
 */
export function cachedDerivation(input: string, derive: () => string, usable: (text: string) => boolean): string {
  const hash = hashOf(input);
  const known = inProcess.get(hash);
  if (known !== undefined) return known;
  const file = cacheFileOf(input);
  let text = readEntry(file);
  if (text === undefined || !usable(text)) {
    text = derive();
    writeEntry(file, text);
  }
  inProcess.set(hash, text);
  return text;
}
