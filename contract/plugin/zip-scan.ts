// The data pass over a zip: inflates every entry (small ones at once, others as a stream) to check its
// CRC-32 and the bomb caps, and keeps the few small root files the other rules read (MANIFEST, default.cfg).
import { inflateSmallEntry } from './entry-inflate.ts';
import { streamEntry } from './entry-stream.ts';
import type { InspectLimits } from './limits.ts';
import type { Problem } from './problem.ts';
import type { OpenZip } from './zip-entries.ts';

export const KEPT_FILES = ['MANIFEST', 'default.cfg'] as const;

export interface ScanResult {
  problems: Problem[];
  /** Inflated bytes of the first root entry of each KEPT_FILES name that could be read. */
  kept: Map<string, Buffer>;
}

/** Kept files first, so a bomb found later does not hide the MANIFEST from the other rules. */
function scanOrder(open: OpenZip): number[] {
  const indexes = open.entries.map((_, i) => i);
  const keptFirst = (i: number): number => ((KEPT_FILES as readonly string[]).includes(open.entries[i]!.name) ? 0 : 1);
  return indexes.sort((a, b) => keptFirst(a) - keptFirst(b) || a - b);
}

export async function scanZip(open: OpenZip, limits: InspectLimits): Promise<ScanResult> {
  const problems: Problem[] = [];
  const kept = new Map<string, Buffer>();
  let inflatedSoFar = 0;
  for (const i of scanOrder(open)) {
    const info = open.entries[i]!;
    if (info.isDirectory || info.encrypted) continue;
    const keep = (KEPT_FILES as readonly string[]).includes(info.name) && !kept.has(info.name);
    const budget = { limits, inflatedSoFar, keep };
    const outcome =
      inflateSmallEntry(open.bytes, open.raw[i]!, budget) ??
      (await streamEntry(open.zip, open.raw[i]!, info.name, budget));
    if (outcome.kind === 'bomb') {
      problems.push({ rule: 'zip.bomb', message: `The zip archive looks like a compression bomb: ${outcome.reason}` });
      break;
    }
    if (outcome.kind === 'damaged') {
      problems.push({ rule: 'zip.bad-crc', message: outcome.reason });
      continue;
    }
    inflatedSoFar += outcome.inflated;
    if (!outcome.crcMatches)
      problems.push({ rule: 'zip.bad-crc', message: `Zip entry "${info.name}" fails its CRC-32 check` });
    if (keep && outcome.content) kept.set(info.name, outcome.content);
  }
  return { problems, kept };
}
