// Valid plugin zip generation rate, as a ratio to calling archiver directly on the same files in the
// same run (target: at least 0.8x). Prints figures only; there is no pass or fail on time.
// Run: npx tsx bench/generators.ts [cases]
import { ZipArchive } from 'archiver';
import fc from 'fast-check';
import { pluginZipBytes, validPluginZip, type PluginZipCase } from '../generators/plugin-zip.ts';
import type { ZipFile } from '../generators/zip-bytes.ts';
import { profile } from '../contract/profiles.ts';

const CASES = Number(process.argv[2] ?? 400);
const ROUNDS = 7;

/** archiver on its own: the floor any zip generator built on it is measured against. */
function archiverDirect(files: readonly ZipFile[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const archive = new ZipArchive({ zlib: { level: 6 } });
    const chunks: Buffer[] = [];
    archive.on('data', (c: Buffer) => chunks.push(c));
    archive.on('end', () => resolve(Buffer.concat(chunks)));
    archive.on('error', reject);
    for (const f of files) archive.append(f.content, { name: f.name, store: f.store ?? false });
    void archive.finalize();
  });
}

async function timed(label: string, run: () => Promise<number>): Promise<number> {
  const start = process.hrtime.bigint();
  const bytes = await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = CASES / seconds;
  console.log(
    `${label.padEnd(34)} ${rate.toFixed(0).padStart(6)} zips/s  ${(bytes / seconds / 1e6).toFixed(1).padStart(6)} MB/s`,
  );
  return rate;
}

async function main(): Promise<void> {
  // Generating the case (fast-check) is part of the generator's cost; sampling is done inside the timing.
  const arbitrary = validPluginZip(profile('7.x'));
  const sample = (seed: number): PluginZipCase[] => fc.sample(arbitrary, { seed, numRuns: CASES });
  const fixed = sample(1);
  console.log(
    `${CASES} valid plugin zips per round, ${ROUNDS} rounds, files per zip ${(fixed.reduce((n, c) => n + c.files.length, 0) / CASES).toFixed(1)} on average`,
  );
  // Warm-up (JIT, zlib), not counted.
  for (let i = 0; i < 2; i++) {
    for (const c of fixed) {
      await archiverDirect(c.files);
      await pluginZipBytes(c);
    }
  }
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const direct = await timed('archiver directly (same files)', async () => {
      let total = 0;
      for (const c of fixed) total += (await archiverDirect(c.files)).length;
      return total;
    });
    const generated = await timed('validPluginZip + pluginZipBytes', async () => {
      let total = 0;
      // The same seed as `fixed`: the same files, with the generator's own sampling cost included.
      for (const c of sample(1)) total += (await pluginZipBytes(c)).length;
      return total;
    });
    ratios.push(generated / direct);
    console.log(`round ${round + 1}: ratio ${(generated / direct).toFixed(2)}x`);
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(`median ratio ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)}x (target >= 0.80x)`);
}

await main();
