// A plugin folder linted as it would be zipped: every file under it (dot files too, as `zip -r` takes
// them), named relative to the folder with "/" separators, deflated into one zip in memory. Symbolic
// links to files are followed, as zip does by default; links to folders are not walked (no loops).
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildZip, type ZipFile } from '../../generators/zip-bytes.ts';
import { UsageError } from './usage-error.ts';

/** Past this many bytes of files the zip is surely over the 20 MB limit: not read further. */
export interface FolderLimits {
  maxBytes: number;
  maxFiles: number;
}

function walk(dir: string, prefix: string, out: string[], limits: FolderLimits): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    const info = lstatSync(path);
    const target = info.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : info;
    if (!target) continue;
    if (target.isDirectory()) {
      if (!info.isSymbolicLink()) walk(path, rel, out, limits);
    } else if (target.isFile()) out.push(rel);
    if (out.length > limits.maxFiles)
      throw new UsageError(`${dir} holds more than ${limits.maxFiles} files: not a plugin folder`);
  }
}

/** The folder's zip bytes; undefined when its files add up to more than maxBytes (too large anyway). */
export async function zipFolder(dir: string, limits: FolderLimits): Promise<Buffer | undefined> {
  const names: string[] = [];
  walk(dir, '', names, limits);
  let total = 0;
  const files: ZipFile[] = [];
  for (const name of names) {
    const content = readFileSync(join(dir, ...name.split('/')));
    total += content.length;
    if (total > limits.maxBytes) return undefined;
    files.push({ name, content });
  }
  return buildZip(files);
}
