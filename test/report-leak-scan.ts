// Looks for secret values in everything a run wrote: every file under the given dirs, the zip that
// Playwright's html report embeds in index.html (base64), and captured console output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';

export interface Leak {
  where: string;
  secret: string;
}

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const path = join(dir, n);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function zipEntries(bytes: Buffer): Promise<{ name: string; bytes: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const out: { name: string; bytes: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const EMBEDDED_ZIP = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/g;

/** The file's bytes plus, for zips (blob reports) and the html report, the entries inside. */
async function contentsOf(file: string): Promise<{ where: string; bytes: Buffer<ArrayBufferLike> }[]> {
  const bytes = readFileSync(file);
  const out: { where: string; bytes: Buffer<ArrayBufferLike> }[] = [{ where: file, bytes }];
  if (file.endsWith('.zip'))
    for (const e of await zipEntries(bytes)) out.push({ where: `${file}!${e.name}`, bytes: e.bytes });
  for (const m of bytes.toString('latin1').matchAll(EMBEDDED_ZIP)) {
    for (const e of await zipEntries(Buffer.from(m[1]!, 'base64')))
      out.push({ where: `${file}!${e.name}`, bytes: e.bytes });
  }
  return out;
}

function leaksIn(where: string, bytes: Buffer, secrets: readonly (string | RegExp)[]): Leak[] {
  const text = bytes.toString('latin1');
  const leaks: Leak[] = [];
  for (const s of secrets) {
    const hit = typeof s === 'string' ? text.includes(Buffer.from(s, 'utf8').toString('latin1')) : s.test(text);
    if (hit) leaks.push({ where, secret: String(s) });
  }
  return leaks;
}

export async function findLeaks(
  dirs: readonly string[],
  outputs: Record<string, string>,
  secrets: readonly (string | RegExp)[],
): Promise<{ leaks: Leak[]; scanned: number }> {
  const leaks: Leak[] = [];
  let scanned = 0;
  for (const file of dirs.flatMap(filesUnder)) {
    for (const c of await contentsOf(file)) {
      scanned += 1;
      leaks.push(...leaksIn(c.where, c.bytes, secrets));
    }
  }
  for (const [where, text] of Object.entries(outputs))
    leaks.push(...leaksIn(where, Buffer.from(text, 'utf8'), secrets));
  return { leaks, scanned };
}
