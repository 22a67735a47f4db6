// Inflates one zip entry as a stream: counts the inflated bytes, computes their CRC-32 and stops the
// moment a bomb cap is crossed, so a bomb is never inflated whole.
import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import type { InspectLimits } from './limits.ts';

export type EntryOutcome =
  | { kind: 'ok'; inflated: number; crcMatches: boolean; content?: Buffer }
  | { kind: 'bomb'; inflated: number; reason: string }
  | { kind: 'damaged'; reason: string };

export interface StreamBudget {
  limits: InspectLimits;
  /** Bytes already inflated from earlier entries (the total cap spans the whole zip). */
  inflatedSoFar: number;
  /** Keep the inflated bytes (MANIFEST, default.cfg); others are only counted. */
  keep: boolean;
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    try {
      zip.openReadStream(entry, (error, stream) =>
        error || !stream ? reject(error ?? new Error('no stream')) : resolve(stream),
      );
    } catch (error) {
      reject(error);
    }
  });
}

function bombReason(inflated: number, entry: yauzl.Entry, name: string, budget: StreamBudget): string | undefined {
  const { limits } = budget;
  if (budget.inflatedSoFar + inflated > limits.inflatedBytes) {
    return `the entries inflate to more than ${limits.inflatedBytes} bytes`;
  }
  const ratioCap = Math.max(limits.ratioThresholdBytes, limits.compressionRatio * entry.compressedSize);
  if (inflated > ratioCap)
    return `entry "${name}" inflates more than ${limits.compressionRatio} times its compressed size`;
  return undefined;
}

export async function streamEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  name: string,
  budget: StreamBudget,
): Promise<EntryOutcome> {
  let stream: Readable;
  try {
    stream = await openStream(zip, entry);
  } catch (error) {
    return { kind: 'damaged', reason: `entry "${name}" cannot be read: ${(error as Error).message}` };
  }
  return new Promise<EntryOutcome>((resolve) => {
    let inflated = 0;
    let crc = 0;
    const kept: Buffer[] = [];
    let settled = false;
    const finish = (outcome: EntryOutcome): void => {
      if (settled) return;
      settled = true;
      stream.removeAllListeners('data');
      stream.destroy();
      resolve(outcome);
    };
    stream.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      const bomb = bombReason(inflated, entry, name, budget);
      if (bomb) return finish({ kind: 'bomb', inflated, reason: bomb });
      crc = crc32(chunk, crc);
      if (budget.keep) kept.push(chunk);
    });
    stream.on('error', (error: Error) =>
      finish({ kind: 'damaged', reason: `entry "${name}" is damaged: ${error.message}` }),
    );
    stream.on('end', () => {
      const crcMatches = crc === entry.crc32 && inflated === entry.uncompressedSize;
      finish({ kind: 'ok', inflated, crcMatches, content: budget.keep ? Buffer.concat(kept) : undefined });
    });
  });
}
