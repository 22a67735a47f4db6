// Emulator benchmark (prints figures, asserts nothing): list GET throughput against a bare node:http
// server sending the same JSON, RSS after 1,000 plugin uploads, and peak RSS during one ~20 MB upload.
// Beside requests per second it prints each server's CPU time per request (from /proc): on a machine
// other jobs load, the throughput ratio swings with the scheduler, the CPU ratio much less.
// Targets: throughput >= 0.85x bare, RSS <= 120 MiB, peak <= 3x the upload size. Run: npx tsx bench/emulator.ts
// The emulator runs as `npm run emulator` does, from the build in dist/. On a shared machine the
// absolute req/s are noise: the ratio of alternating rounds in one run is the figure.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildZip } from '../generators/zip-bytes.ts';
import { SpsClient } from '../suite/client/sps-client.ts';

interface CannonResult {
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}
type Cannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon;

const ROOT = join(import.meta.dirname, '..');
const ACCOUNT = { username: 'bench', password: 'bench-pw' };
const DURATION_S = 12;
const ROUNDS = 4;
const MB = 1024 * 1024;

function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

/** User plus system CPU time of a process so far, in milliseconds, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** VmRSS (current) or VmHWM (peak) of a process, in MiB, from /proc. */
function memoryMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function pluginZip(name: string, type: string, payload?: Buffer): Promise<Buffer> {
  return buildZip([
    {
      name: 'MANIFEST',
      content: `name: ${name}\ndescription: bench plugin\nversion: 1.0\ntype: ${type}\napi: 1.6\nentry_point: main.py\n`,
    },
    { name: 'main.py', content: 'class Plugin:\n    pass\n' },
    { name: 'default.cfg', content: '[plugin]\nsetting = value\n' },
    ...(payload ? [{ name: 'lib/payload.bin', content: payload, store: true }] : []),
  ]);
}

async function mustUpload(client: SpsClient, zip: Buffer): Promise<void> {
  const res = await client.upload(zip);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.body.toString().slice(0, 200)}`);
}

async function commit(client: SpsClient): Promise<void> {
  const res = await client.put('/api/transaction', { status: 'commit' });
  if (res.status !== 200) throw new Error(`commit failed: ${res.status}`);
}

async function peakDuringBigUpload(client: SpsClient, pid: number): Promise<void> {
  const zip = await pluginZip('big_plugin', 'signingca', randomBytes(19.5 * MB));
  const before = memoryMiB(pid, 'VmRSS');
  const hwmBefore = memoryMiB(pid, 'VmHWM');
  await mustUpload(client, zip);
  const peak = memoryMiB(pid, 'VmHWM');
  await client.delete('/api/transaction');
  const size = zip.length / MB;
  const growth = peak - Math.max(before, 0);
  console.log(
    `upload of ${size.toFixed(1)} MiB: RSS before ${before.toFixed(1)} MiB, peak ${peak.toFixed(1)} MiB (peak before it ${hwmBefore.toFixed(1)} MiB)`,
  );
  console.log(
    `  peak growth ${growth.toFixed(1)} MiB = ${(growth / size).toFixed(2)}x the upload (target <= 3x); absolute peak = ${(peak / size).toFixed(2)}x`,
  );
}

async function rssAfterThousand(client: SpsClient, pid: number): Promise<void> {
  const started = Date.now();
  for (let i = 0; i < 1000; i++) await mustUpload(client, await pluginZip(`bench_plugin_${i}`, 'credentialstore'));
  await commit(client);
  const rss = memoryMiB(pid, 'VmRSS');
  console.log(
    `1,000 uploads in ${((Date.now() - started) / 1000).toFixed(1)} s; RSS after: ${rss.toFixed(1)} MiB (target <= 120 MiB)`,
  );
}

/** One round against a server, with the CPU time the server spent on it. */
async function measured(run: () => Promise<CannonResult>, pid: number): Promise<CannonResult & { cpuMs: number }> {
  const before = cpuMs(pid);
  const result = await run();
  return { ...result, cpuMs: cpuMs(pid) - before };
}

async function throughput(emulatorUrl: string, emulatorPid: number, client: SpsClient, cookie: string): Promise<void> {
  const path = '/api/configuration/plugins/aa';
  const sample = await client.get(path);
  const bare = await start(['-e', BARE_SERVER, sample.body.toString('utf8')]);
  const emulatorRun = (duration: number) =>
    autocannon({ url: `${emulatorUrl}${path}`, connections: 10, duration, headers: { cookie } });
  // The same requests to both servers, the session cookie included (the bare one ignores it).
  const bareRun = (duration: number) =>
    autocannon({ url: `${bare.url}${path}`, connections: 10, duration, headers: { cookie } });
  try {
    // autocannon itself (and both servers) need warming up, or whichever runs first loses.
    await bareRun(2);
    await emulatorRun(2);
    const runs = {
      emulator: [] as (CannonResult & { cpuMs: number })[],
      bare: [] as (CannonResult & { cpuMs: number })[],
    };
    for (let round = 0; round < ROUNDS; round++) {
      runs.emulator.push(await measured(() => emulatorRun(DURATION_S / ROUNDS), emulatorPid));
      runs.bare.push(await measured(() => bareRun(DURATION_S / ROUNDS), bare.child.pid!));
    }
    const cpuPerRequest = (results: { cpuMs: number; requests: { total: number } }[]) =>
      (results.reduce((sum, r) => sum + r.cpuMs, 0) * 1000) / results.reduce((sum, r) => sum + r.requests.total, 0);
    const mean = (results: CannonResult[]) => results.reduce((sum, r) => sum + r.requests.average, 0) / results.length;
    const ratio = mean(runs.emulator) / mean(runs.bare);
    const failures = runs.emulator.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
    console.log(
      `GET ${path} (${sample.body.length} bytes, 10 connections, ${ROUNDS} x ${DURATION_S / ROUNDS} s each, alternating, after warm-up):`,
    );
    console.log(`  emulator ${mean(runs.emulator).toFixed(0)} req/s (non-2xx or errors: ${failures})`);
    console.log(`  bare node:http ${mean(runs.bare).toFixed(0)} req/s; ratio ${ratio.toFixed(2)}x (target >= 0.85x)`);
    const [emulatorCpu, bareCpu] = [cpuPerRequest(runs.emulator), cpuPerRequest(runs.bare)];
    console.log(
      `  CPU per request: emulator ${emulatorCpu.toFixed(0)} µs, bare ${bareCpu.toFixed(0)} µs; ratio ${(bareCpu / emulatorCpu).toFixed(2)}x`,
    );
  } finally {
    bare.child.kill();
  }
}

/** The reference: node:http sending the same bytes, nothing else. */
const BARE_SERVER = `
const body = Buffer.from(process.argv[1]);
const server = require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

/** A fresh emulator, logged in, with the 10 aa plugins the list GET lists committed. */
async function withEmulator(run: (client: SpsClient, pid: number, url: string) => Promise<void>): Promise<void> {
  const emulator = await start([
    'bin/sps-conformance.js',
    'emulator',
    '--port',
    '0',
    '--user',
    `${ACCOUNT.username}:${ACCOUNT.password}`,
  ]);
  try {
    const pid = emulator.child.pid!;
    const client = await new SpsClient(emulator.url).mustLogin(ACCOUNT);
    for (let i = 0; i < 10; i++) await mustUpload(client, await pluginZip(`listed_plugin_${i}`, 'aa'));
    await commit(client);
    await run(client, pid, emulator.url);
  } finally {
    emulator.child.kill();
  }
}

// Each figure from an emulator of its own, so one measurement does not carry another's history:
// after the ~20 MB upload glibc keeps the freed memory (its mmap threshold rises to the largest block
// freed), so RSS measured after it is mostly that upload, and list GETs run slower for a while.
await withEmulator(async (client, pid) => {
  console.log(`emulator pid ${pid}, RSS with 10 plugins ${memoryMiB(pid, 'VmRSS').toFixed(1)} MiB`);
  await rssAfterThousand(client, pid);
  await peakDuringBigUpload(client, pid);
  console.log(`RSS after both: ${memoryMiB(pid, 'VmRSS').toFixed(1)} MiB (no target: shown so nothing is hidden)`);
});
await withEmulator(async (client, pid, url) => {
  const login = await client.login(ACCOUNT);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  await throughput(url, pid, client, cookie);
});
