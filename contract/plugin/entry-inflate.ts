// Inflates one small zip entry straight from the archive bytes, synchronously, with the output capped:
// for the kilobyte-sized files of a plugin this avoids a read stream per entry (most of an upload's
// inspection time). It gives up (undefined) on anything it cannot settle cheaply, and the caller then
// streams the entry as before; bombs are caught either way, since inflation stops at the cap.
import { crc32, inflateRawSync } from 'node:zlib';
import type yauzl from 'yauzl';
import type { EntryOutcome, StreamBudget } from './entry-stream.ts';

/** Entries up to this size (compressed and declared inflated) take the fast path. */
const SMALL_ENTRY_BYTES = 256 * 1024;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Where the entry's data starts: after its local header, whose name and extra field lengths may differ from the central directory's. */
function dataStart(bytes: Buffer, entry: yauzl.Entry): number | undefined {
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) return undefined;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  return start + entry.compressedSize <= bytes.length ? start : undefined;
}

function inflated(data: Buffer, method: number, cap: number): Buffer | undefined {
  if (method === STORED) return data.length <= cap ? data : undefined;
  if (method !== DEFLATED) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: cap });
  } catch {
    return undefined; // damaged or over the cap: the stream path says which, with its own words
  }
}

export function inflateSmallEntry(bytes: Buffer, entry: yauzl.Entry, budget: StreamBudget): EntryOutcome | undefined {
  if (entry.compressedSize > SMALL_ENTRY_BYTES || entry.uncompressedSize > SMALL_ENTRY_BYTES) return undefined;
  const start = dataStart(bytes, entry);
  if (start === undefined) return undefined;
  const room = budget.limits.inflatedBytes - budget.inflatedSoFar;
  const content = inflated(
    bytes.subarray(start, start + entry.compressedSize),
    entry.compressionMethod,
    Math.min(SMALL_ENTRY_BYTES, room),
  );
  if (!content) return undefined;
  const crcMatches = crc32(content) === entry.crc32 && content.length === entry.uncompressedSize;
  return {
    kind: 'ok',
    inflated: content.length,
    crcMatches,
    ...(budget.keep ? { content: Buffer.from(content) } : {}),
  };
}
