// Linter start-up benchmark (prints figures, asserts nothing): wall time of `sps-conformance lint` on
// one zip and on 100 zips, against `node -e 0` measured in the same rounds (the ratio is what a loaded
// machine leaves meaningful). Targets: one zip <= 0.15 s and <= 2x node's own start; 100 zips <= 1 s.
// Run: npx tsx bench/lint.ts [rounds]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimalPluginFiles } from '../generators/plugin-zip.ts';
import { buildZip } from '../generators/zip-bytes.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sps-conformance.js');
const ROUNDS = Number(process.argv[2] ?? 11);

function seconds(args: readonly string[]): number {
  const started = performance.now();
  const res = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (res.status !== 0) throw new Error(`${args.join(' ')} exited ${res.status}`);
  return (performance.now() - started) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'sps-lint-bench-'));
const zips: string[] = [];
for (let i = 0; i < 100; i++) {
  const file = join(dir, `plugin_${i}.zip`);
  writeFileSync(
    file,
    await buildZip(
      minimalPluginFiles({
        name: `bench_plugin_${i}`,
        type: 'aa',
        version: '1.0',
        api: '1.6',
        description: 'bench plugin',
        entry_point: 'main.py',
      }),
    ),
  );
  zips.push(file);
}
// The build is made (or refreshed) before timing, as npm ci would have.
seconds([BIN, 'lint', zips[0]!]);

const node: number[] = [];
const one: number[] = [];
const hundred: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  node.push(seconds(['-e', '0']));
  one.push(seconds([BIN, 'lint', zips[0]!]));
  hundred.push(seconds([BIN, 'lint', ...zips]));
}
const [n, o, h] = [median(node), median(one), median(hundred)];
console.log(`medians of ${ROUNDS} alternating rounds:`);
console.log(`  node -e 0          ${n.toFixed(3)} s`);
console.log(`  lint one zip       ${o.toFixed(3)} s = ${(o / n).toFixed(2)}x node's start (targets <= 0.15 s, <= 2x)`);
console.log(`  lint 100 zips      ${h.toFixed(3)} s (target <= 1 s)`);
