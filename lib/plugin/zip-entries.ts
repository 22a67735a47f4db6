// Lists a zip's entries from its central directory with yauzl, without inflating anything.
import yauzl from 'yauzl';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
  /** Unix mode bits from the external attributes (0 when the zip was made elsewhere). */
  unixMode: number;
}

export class ZipFormatError extends Error {}

export function readEntries(bytes: Buffer): Promise<ZipEntryInfo[]> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes/strictFileNames off: broken names are rules we report, not reasons to stop.
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true, strictFileNames: false }, (openError, zip) => {
      if (openError || !zip) return reject(new ZipFormatError(openError?.message ?? 'not a zip archive'));
      const entries: ZipEntryInfo[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({
          name: entry.fileName,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          encrypted: (entry.generalPurposeBitFlag & 0x1) !== 0,
          unixMode: (entry.externalFileAttributes >>> 16) & 0xffff,
        });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', (error: Error) => reject(new ZipFormatError(error.message)));
      zip.readEntry();
    });
  });
}
