// Benchmark (prints figures, asserts nothing): wall time of a full conformance run against the embedded
// emulator, emulator start included; and end-to-end upload property throughput in cases per second,
// measured on the real spec (Playwright worker, emulator process, every check) and, for comparison, on
// the bare upload path in one process (generate the case, build the zip, upload it, check the status).
// Last, the wall time of a full run against a simulated appliance: the emulator with --latency 50
// (every answer 50 ms later) and --commit-delay 3000 (each commit 3 s longer).
// Run: npx tsx bench/suite.ts [cases]   (npx tsx bench/suite.ts --simulated: that figure only)
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { startEmulator } from '../emulator/server.ts';
import { SpsClient } from '../suite/client/sps-client.ts';
import { openTransaction, rollbackTransaction } from '../suite/client/transactions.ts';
import { brokenPluginZip, pluginZipBytes, validPluginZip, type PluginZipCase } from '../generators/plugin-zip.ts';
import { DEFAULT_PROFILE, profile } from '../contract/profiles.ts';
import { childEnvironment, EMULATOR_DEFAULT_PASSWORD, EMULATOR_DEFAULT_USER } from '../suite/target/settings.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SIMULATED_ONLY = process.argv[2] === '--simulated';
const CASES = SIMULATED_ONLY ? 0 : Number(process.argv[2] ?? 600);

/** The valid-upload property of specs/upload.spec.ts with FC_RUNS=cases: its own duration from JSON. */
function specThroughput(cases: number): number {
  const res = spawnSync(
    process.execPath,
    [
      'bin/sps-conformance.js',
      'run',
      '--',
      'specs/upload.spec.ts',
      '--grep',
      'generated valid plugins',
      '--reporter=json',
    ],
    {
      cwd: ROOT,
      env: childEnvironment({ SPS_REPORT_DIR: 'reports/bench', SPS_URL: '', FC_RUNS: String(cases), FC_SEED: '1' }),
      encoding: 'utf8',
      maxBuffer: 256 << 20,
    },
  );
  const report = JSON.parse(res.stdout.slice(res.stdout.indexOf('{'))) as {
    suites: {
      suites?: { specs: { title: string; tests: { results: { duration: number; status: string }[] }[] }[] }[];
    }[];
  };
  const spec = report.suites
    .flatMap((s) => s.suites ?? [])
    .flatMap((s) => s.specs)
    .find((s) => s.title.startsWith('generated valid plugins'));
  const result = spec?.tests[0]?.results[0];
  if (result?.status !== 'passed') throw new Error(`the property did not pass: ${result?.status ?? 'not run'}`);
  return cases / (result.duration / 1000);
}

function fullRunSeconds(): { seconds: number; status: number | null } {
  const started = performance.now();
  const res = spawnSync(process.execPath, ['bin/sps-conformance.js', 'run'], {
    cwd: ROOT,
    env: childEnvironment({ SPS_REPORT_DIR: 'reports/bench', SPS_URL: '' }),
    stdio: 'ignore',
  });
  return { seconds: (performance.now() - started) / 1000, status: res.status };
}

const SIMULATED = { latencyMs: 50, commitDelayMs: 3000 };

/** The emulator as a remote appliance, in its own process (as the embedded one runs), listening on a free port. */
function simulatedAppliance(): Promise<{ url: string; stop: () => void }> {
  const args = [
    'bin/sps-conformance.js',
    'emulator',
    '--port',
    '0',
    '--latency',
    String(SIMULATED.latencyMs),
    '--commit-delay',
    String(SIMULATED.commitDelayMs),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
  });
}

async function simulatedRunSeconds(): Promise<{ seconds: number; status: number | null }> {
  const appliance = await simulatedAppliance();
  try {
    const started = performance.now();
    const res = await new Promise<number | null>((resolve) => {
      const env = childEnvironment({
        SPS_REPORT_DIR: 'reports/bench-simulated',
        SPS_URL: appliance.url,
        SPS_USERNAME: EMULATOR_DEFAULT_USER,
        SPS_PASSWORD: EMULATOR_DEFAULT_PASSWORD,
        SPS_ALLOW_WRITES: 'true',
      });
      spawn(process.execPath, ['bin/sps-conformance.js', 'run'], { cwd: ROOT, env, stdio: 'ignore' }).on(
        'exit',
        (code) => resolve(code),
      );
    });
    return { seconds: (performance.now() - started) / 1000, status: res };
  } finally {
    appliance.stop();
  }
}

/** As the upload property specs do: one transaction, one upload per case, one rollback at the end. */
async function throughput(cases: PluginZipCase[], client: SpsClient): Promise<number> {
  const started = performance.now();
  await openTransaction(client);
  for (const c of cases) {
    const res = await client.upload(await pluginZipBytes(c));
    if (res.status !== c.expect.status && res.status !== 200)
      throw new Error(`case ${c.defects.join(',') || 'valid'} answered ${res.status}`);
  }
  await rollbackTransaction(client);
  return cases.length / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  if (!SIMULATED_ONLY) await localFigures();
  const simulated = await simulatedRunSeconds();
  process.stdout.write(
    `full conformance run against a simulated appliance (${SIMULATED.latencyMs} ms per answer, ${SIMULATED.commitDelayMs / 1000} s per commit): ${simulated.seconds.toFixed(1)} s (exit ${simulated.status})\n`,
  );
}

async function localFigures(): Promise<void> {
  const p = profile(DEFAULT_PROFILE);
  const run = fullRunSeconds();
  process.stdout.write(
    `full conformance run (emulator start included): ${run.seconds.toFixed(1)} s (exit ${run.status}; target <= 60 s)\n`,
  );

  process.stdout.write(
    `upload property throughput in the real spec (${CASES} valid cases): ${specThroughput(CASES).toFixed(0)} cases/s (target >= 300)\n`,
  );

  const emulator = await startEmulator({ port: 0 });
  const client = await new SpsClient(emulator.url).mustLogin({
    username: EMULATOR_DEFAULT_USER,
    password: EMULATOR_DEFAULT_PASSWORD,
  });
  const valid = fc.sample(validPluginZip(p), { numRuns: CASES, seed: 1 });
  const smallDefects = brokenPluginZip(p).filter((c) => c.defects[0] !== 'zip.too-large');
  const broken = fc.sample(smallDefects, { numRuns: CASES, seed: 2 });
  process.stdout.write(
    `bare upload path in one process, valid cases: ${(await throughput(valid, client)).toFixed(0)} cases/s\n`,
  );
  process.stdout.write(
    `bare upload path in one process, defect cases (20 MB ones excluded): ${(await throughput(broken, client)).toFixed(0)} cases/s\n`,
  );
  await emulator.close();
}

await main();
