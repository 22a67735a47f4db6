// Builds well-formed zip bytes with archiver. Dates are fixed so the same files give the same bytes.
// archiver loads on first use: it is the heaviest import of the suite, and Playwright starts a fresh
// worker after every failing test, most of which build no zip.
type Archiver = typeof import('archiver');
let archiver: Promise<Archiver> | undefined;

export interface ZipFile {
  name: string;
  content: Buffer | string;
  /** Stored (no compression) instead of deflated. */
  store?: boolean;
}

const FIXED_DATE = new Date('2020-01-01T00:00:00Z');

export async function buildZip(files: readonly ZipFile[]): Promise<Buffer> {
  archiver ??= import('archiver');
  const { ZipArchive } = await archiver;
  return new Promise<Buffer>((resolve, reject) => {
    const archive = new ZipArchive({ zlib: { level: 6 } });
    const chunks: Buffer[] = [];
    archive.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.on('end', () => resolve(Buffer.concat(chunks)));
    archive.on('error', reject);
    archive.on('warning', reject);
    for (const file of files) {
      archive.append(file.content, { name: file.name, date: FIXED_DATE, store: file.store ?? false });
    }
    void archive.finalize();
  });
}
