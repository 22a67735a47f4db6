// How many uploads one emulator receives at once. Each upload body is held in memory (up to 20 MiB),
// so stalled clients could otherwise pin 20 × 19 MiB; past MAX_CONCURRENT_UPLOADS the next one is
// refused with 503 and Retry-After before its body is read (inferred limit: the suite uploads one at a
// time, and an appliance admin rarely more).
import type { Emulator } from './route-table.ts';

export const MAX_CONCURRENT_UPLOADS = 4;
const inUse = new WeakMap<Emulator, number>();

/** Takes a slot; false when all are in use. Give it back with `releaseUploadSlot` once the body is read. */
export function takeUploadSlot(emulator: Emulator, max = MAX_CONCURRENT_UPLOADS): boolean {
  const used = inUse.get(emulator) ?? 0;
  if (used >= max) return false;
  inUse.set(emulator, used + 1);
  return true;
}

export function releaseUploadSlot(emulator: Emulator): void {
  inUse.set(emulator, Math.max(0, (inUse.get(emulator) ?? 1) - 1));
}
