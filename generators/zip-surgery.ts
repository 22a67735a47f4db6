// Byte surgery on well-formed zips, for the broken archives archiver will not write (unsafe names,
// duplicate entries, bad CRCs, encryption flags, symlinks). It parses a zip into its records, lets a
// defect change one of them, and writes the records back out as a zip with the change and nothing else.
import { crc32 } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UNIX_HOST = 3;
const SYMLINK_ATTRS = (0o120777 << 16) >>> 0;

export interface ZipRecord {
  name: Buffer;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc32: number;
  uncompressedSize: number;
  externalAttrs: number;
  /** The compressed bytes exactly as stored. */
  data: Buffer;
}

function findEnd(bytes: Buffer): number {
  for (let i = bytes.length - 22; i >= 0; i--) if (bytes.readUInt32LE(i) === END) return i;
  throw new Error('zip-surgery: no end of central directory');
}

/** Reads the records of a zip this project wrote (archiver: no zip64, no comments). */
export function parseZip(bytes: Buffer): ZipRecord[] {
  const end = findEnd(bytes);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const records: ZipRecord[] = [];
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(at) !== CENTRAL) throw new Error('zip-surgery: bad central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const localAt = bytes.readUInt32LE(at + 42);
    if (bytes.readUInt32LE(localAt) !== LOCAL) throw new Error('zip-surgery: bad local header');
    const dataAt = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    records.push({
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)),
      versionMadeBy: bytes.readUInt16LE(at + 4),
      versionNeeded: bytes.readUInt16LE(at + 6),
      flags: bytes.readUInt16LE(at + 8) & ~0x8, // sizes go into the local header; no data descriptor
      method: bytes.readUInt16LE(at + 10),
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      crc32: bytes.readUInt32LE(at + 16),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      externalAttrs: bytes.readUInt32LE(at + 38),
      data: Buffer.from(bytes.subarray(dataAt, dataAt + compressedSize)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return records;
}

function localHeader(r: ZipRecord): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(r.versionNeeded, 4);
  h.writeUInt16LE(r.flags, 6);
  h.writeUInt16LE(r.method, 8);
  h.writeUInt16LE(r.time, 10);
  h.writeUInt16LE(r.date, 12);
  h.writeUInt32LE(r.crc32 >>> 0, 14);
  h.writeUInt32LE(r.data.length, 18);
  h.writeUInt32LE(r.uncompressedSize, 22);
  h.writeUInt16LE(r.name.length, 26);
  return Buffer.concat([h, r.name]);
}

function centralHeader(r: ZipRecord, localAt: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL, 0);
  h.writeUInt16LE(r.versionMadeBy, 4);
  h.writeUInt16LE(r.versionNeeded, 6);
  h.writeUInt16LE(r.flags, 8);
  h.writeUInt16LE(r.method, 10);
  h.writeUInt16LE(r.time, 12);
  h.writeUInt16LE(r.date, 14);
  h.writeUInt32LE(r.crc32 >>> 0, 16);
  h.writeUInt32LE(r.data.length, 20);
  h.writeUInt32LE(r.uncompressedSize, 24);
  h.writeUInt16LE(r.name.length, 28);
  h.writeUInt32LE(r.externalAttrs >>> 0, 38);
  h.writeUInt32LE(localAt, 42);
  return Buffer.concat([h, r.name]);
}

export function writeZip(records: readonly ZipRecord[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const r of records) {
    const local = Buffer.concat([localHeader(r), r.data]);
    centrals.push(centralHeader(r, offset));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

/** Rewrites the zip with `change` applied to the record named `name` (the first one). */
export function editEntry(bytes: Buffer, name: string, change: (r: ZipRecord) => ZipRecord): Buffer {
  const records = parseZip(bytes);
  const index = records.findIndex((r) => r.name.toString('utf8') === name);
  if (index < 0) throw new Error(`zip-surgery: no entry ${name}`);
  records[index] = change(records[index]!);
  return writeZip(records);
}

export function renameEntry(bytes: Buffer, name: string, to: string): Buffer {
  return editEntry(bytes, name, (r) => ({ ...r, name: Buffer.from(to, 'utf8'), flags: r.flags | 0x800 }));
}

/** The stored CRC no longer matches the data (the data itself is intact). */
export function corruptCrc(bytes: Buffer, name: string): Buffer {
  return editEntry(bytes, name, (r) => ({ ...r, crc32: (r.crc32 ^ 0x5a5a5a5a) >>> 0 }));
}

/** Sets the traditional-encryption flag, which is all a reader needs to see an encrypted entry. */
export function markEncrypted(bytes: Buffer, name: string): Buffer {
  return editEntry(bytes, name, (r) => ({ ...r, flags: r.flags | 0x1 }));
}

/** Marks the entry a Unix symbolic link (its data becomes the link target). */
export function markSymlink(bytes: Buffer, name: string, target: string): Buffer {
  const data = Buffer.from(target, 'utf8');
  return editEntry(bytes, name, (r) => ({
    ...r,
    versionMadeBy: (UNIX_HOST << 8) | 20,
    externalAttrs: SYMLINK_ATTRS,
    method: 0,
    data,
    uncompressedSize: data.length,
    crc32: crc32(data) >>> 0,
  }));
}

/** Appends a copy of the entry `name` under the same name. */
export function duplicateEntry(bytes: Buffer, name: string): Buffer {
  const records = parseZip(bytes);
  const original = records.find((r) => r.name.toString('utf8') === name);
  if (!original) throw new Error(`zip-surgery: no entry ${name}`);
  return writeZip([...records, { ...original }]);
}

/** Keeps the first `length` bytes: the end of the archive (its central directory) is lost. */
export function truncate(bytes: Buffer, length: number): Buffer {
  return Buffer.from(bytes.subarray(0, length));
}
