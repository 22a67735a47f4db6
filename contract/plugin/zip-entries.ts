// Opens zip bytes with yauzl and lists the entries of its central directory, without inflating anything.
// Names are decoded here rather than by yauzl, because yauzl refuses unsafe names outright and we must
// report them as a rule instead.
import yauzl from 'yauzl';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** CRC-32 the central directory declares for the inflated data. */
  crc32: number;
  encrypted: boolean;
  /** Unix mode bits from the external attributes (0 when the zip was made elsewhere). */
  unixMode: number;
  isDirectory: boolean;
}

export interface OpenZip {
  zip: yauzl.ZipFile;
  entries: ZipEntryInfo[];
  /** yauzl's entries, same order as `entries`, for opening read streams. */
  raw: yauzl.Entry[];
  /** The archive itself: small entries are inflated straight from it. */
  bytes: Buffer;
}

/** The bytes are not a zip archive, or its structure is damaged (`kind` tells which). */
export class ZipFormatError extends Error {
  constructor(
    message: string,
    readonly kind: 'not-a-zip' | 'truncated' | 'encrypted',
  ) {
    super(message);
  }
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;

/** A zip that lost its end still starts with a local file header; anything else is not a zip at all. */
export function formatError(bytes: Buffer, message: string): ZipFormatError {
  if (/strong encryption/.test(message)) return new ZipFormatError(message, 'encrypted');
  const looksLikeZip = bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL_HEADER_SIGNATURE;
  return new ZipFormatError(message, looksLikeZip ? 'truncated' : 'not-a-zip');
}

function describe(entry: yauzl.Entry): ZipEntryInfo {
  // strictFileNames keeps backslashes, which are themselves an unsafe-path rule.
  const name = yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileName as unknown as Buffer,
    entry.extraFields,
    true,
  );
  return {
    name,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    crc32: entry.crc32,
    encrypted: (entry.generalPurposeBitFlag & 0x1) !== 0,
    unixMode: (entry.externalFileAttributes >>> 16) & 0xffff,
    isDirectory: name.endsWith('/'),
  };
}

export function openZip(bytes: Buffer): Promise<OpenZip> {
  return new Promise((resolve, reject) => {
    const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, strictFileNames: true };
    yauzl.fromBuffer(bytes, options, (openError, zip) => {
      if (openError || !zip) return reject(formatError(bytes, openError?.message ?? 'not a zip archive'));
      const entries: ZipEntryInfo[] = [];
      const raw: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          entries.push(describe(entry));
          raw.push(entry);
          zip.readEntry();
        } catch (error) {
          reject(formatError(bytes, error instanceof Error ? error.message : String(error)));
        }
      });
      zip.on('end', () => resolve({ zip, entries, raw, bytes }));
      zip.on('error', (error: Error) => reject(formatError(bytes, error.message)));
      zip.readEntry();
    });
  });
}
