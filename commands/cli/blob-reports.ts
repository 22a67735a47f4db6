// Checks that a folder holds Playwright blob reports before `merge` hands it to Playwright, which would
// unpack any zip into the folder and end in a stack trace on one that is not a blob report. A blob
// report is a zip whose report.jsonl opens with Playwright's onBlobReportMetadata event.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** The first line of report.jsonl is the metadata event: a few hundred bytes, read no further than this. */
const FIRST_LINE_LIMIT = 64 * 1024;

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
}

function findEntry(zip: ZipFile, name: string): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => (entry.fileName === name ? resolve(entry) : zip.readEntry()));
    zip.on('end', () => resolve(undefined));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function firstLine(zip: ZipFile, entry: Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      let text = '';
      stream.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('\n') || text.length > FIRST_LINE_LIMIT) stream.destroy();
      });
      stream.on('close', () => resolve(text.split('\n')[0] ?? ''));
      stream.on('end', () => resolve(text.split('\n')[0] ?? ''));
      stream.on('error', reject);
    });
  });
}

/** Why this zip is not a blob report, or undefined when it is one. */
async function blobProblem(file: string): Promise<string | undefined> {
  let zip: ZipFile | undefined;
  try {
    zip = await openZip(file);
    const entry = await findEntry(zip, 'report.jsonl');
    if (!entry) return 'it has no report.jsonl';
    const event = JSON.parse(await firstLine(zip, entry)) as { method?: unknown };
    return event.method === 'onBlobReportMetadata' ? undefined : 'its report.jsonl does not start with blob metadata';
  } catch (error) {
    return `it cannot be read as a blob report (${(error as Error).message.split('\n')[0]})`;
  } finally {
    zip?.close();
  }
}

/** The blob reports in `dir`; throws a one-line Error naming the first file that is not one. */
export async function checkBlobReports(dir: string): Promise<string[]> {
  const zips = readdirSync(dir).filter((f) => f.endsWith('.zip'));
  if (zips.length === 0) throw new Error(`no blob reports (*.zip) in ${dir}: run the shards with --shard i/n first`);
  for (const name of zips) {
    const problem = await blobProblem(join(dir, name));
    if (problem) throw new Error(`${join(dir, name)} is not a Playwright blob report: ${problem}`);
  }
  return zips;
}
