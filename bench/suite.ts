// Benchmark (prints figures, asserts nothing): wall time of a full conformance run against the embedded
// emulator, emulator start included; and end-to-end upload property throughput in cases per second
// (generate the case, build the zip, upload it in a transaction, check the answer, roll back).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { startEmulator } from '../emulator/server.ts';
import { SpsClient } from '../lib/client/sps-client.ts';
import { openTransaction, rollbackTransaction } from '../lib/client/transactions.ts';
import { brokenPluginZip, pluginZipBytes, validPluginZip, type PluginZipCase } from '../generators/plugin-zip.ts';
import { DEFAULT_PROFILE, profile } from '../lib/target/profiles.ts';
import { EMULATOR_DEFAULT_PASSWORD, EMULATOR_DEFAULT_USER } from '../lib/target/settings.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CASES = Number(process.argv[2] ?? 600);

function fullRunSeconds(): { seconds: number; status: number | null } {
  const started = performance.now();
  const res = spawnSync(process.execPath, ['bin/sps-conformance.js', 'run'], {
    cwd: ROOT,
    env: { ...process.env, SPS_REPORT_DIR: 'reports/bench', SPS_URL: '' },
    stdio: 'ignore',
  });
  return { seconds: (performance.now() - started) / 1000, status: res.status };
}

/** As the upload property specs do: one transaction, one upload per case, one rollback at the end. */
async function throughput(cases: PluginZipCase[], client: SpsClient): Promise<number> {
  const started = performance.now();
  await openTransaction(client);
  for (const c of cases) {
    const res = await client.upload(await pluginZipBytes(c));
    if (res.status !== c.expect.status && res.status !== 200) throw new Error(`case ${c.defects.join(',') || 'valid'} answered ${res.status}`);
  }
  await rollbackTransaction(client);
  return cases.length / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const p = profile(DEFAULT_PROFILE);
  const run = fullRunSeconds();
  process.stdout.write(`full conformance run (emulator start included): ${run.seconds.toFixed(1)} s (exit ${run.status}; target <= 60 s)\n`);

  const emulator = await startEmulator({ port: 0 });
  const client = await new SpsClient(emulator.url).mustLogin({ username: EMULATOR_DEFAULT_USER, password: EMULATOR_DEFAULT_PASSWORD });
  const valid = fc.sample(validPluginZip(p), { numRuns: CASES, seed: 1 });
  const smallDefects = brokenPluginZip(p).filter((c) => c.defects[0] !== 'zip.too-large');
  const broken = fc.sample(smallDefects, { numRuns: CASES, seed: 2 });
  process.stdout.write(`upload property throughput, valid cases: ${(await throughput(valid, client)).toFixed(0)} cases/s (target >= 300)\n`);
  process.stdout.write(`upload property throughput, defect cases (20 MB ones excluded): ${(await throughput(broken, client)).toFixed(0)} cases/s\n`);
  await emulator.close();
}

await main();
