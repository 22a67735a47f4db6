// Incompressible filler bytes from a seed, so a case that carries megabytes stays a small, replayable
// value (fast-check keeps and shrinks the seed and the size, never the bytes).
export function randomBytes(seed: number, size: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let state = seed | 0 || 0x9e3779b9;
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    // xorshift32: fast, and deflate finds nothing to squeeze.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out.writeInt32LE(state | 0, i);
  }
  for (; i < size; i++) out[i] = (state >>> (8 * (i % 4))) & 0xff;
  return out;
}
