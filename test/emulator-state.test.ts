// The --state file (committed configuration across restarts, atomic writes, refusal of damaged files),
// TLS, and the emulator command line.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedTls } from '../emulator/tls.ts';
import { SpsClient } from '../suite/client/sps-client.ts';
import { ADMIN, clientFor, COMMIT, emulatorWith, expect, json, test, TX, uploadPlugin } from './emulator-fixtures.ts';
import { familyPath } from '../contract/surface.ts';

const UM = familyPath('usermapping_policies');
const BIN = join(import.meta.dirname, '..', 'bin', 'sps-conformance.js');

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sps-emulator-state-'));
}

test('committed configuration survives a restart; uncommitted changes and plain passwords do not', async () => {
  const stateFile = join(await tempDir(), 'state.json');
  const first = await emulatorWith({ stateFile });
  const admin = await clientFor(first);
  const plugin = await uploadPlugin(admin, 'persisted');
  await admin.post('/api/configuration/passwords', { plain: 'very-secret-text' });
  expect((await admin.put(TX, COMMIT)).status).toBe(200);
  await admin.post(UM, { name: 'never_committed', mappings: [] });
  await first.close();
  expect(await readFile(stateFile, 'utf8')).not.toContain('very-secret-text');

  const second = await emulatorWith({ stateFile });
  try {
    const again = await clientFor(second);
    expect(
      json<{ items: { key: string }[] }>(await again.get('/api/configuration/plugins/aa')).items.map((i) => i.key),
    ).toEqual([plugin]);
    expect(json<{ body: { name: string } }>(await again.get(`/api/configuration/plugins/aa/${plugin}`)).body.name).toBe(
      'persisted',
    );
    expect(json<{ items: unknown[] }>(await again.get(UM)).items).toHaveLength(0);
  } finally {
    await second.close();
  }
});

test('a damaged state file is refused and left as it is', async () => {
  const dir = await tempDir();
  for (const [name, text] of [
    ['garbage.json', '{"format":"sps-conformance-emul'],
    ['wrong.json', '{"format":"other","version":1}'],
    ['torn.json', '{"format":"sps-conformance-emulator-state","version":2,"state":{"plugins":{"aa":[{}]}}}'],
  ]) {
    const file = join(dir, name!);
    await writeFile(file, text!);
    await expect(emulatorWith({ stateFile: file })).rejects.toThrow(/state|JSON|damaged/);
    expect(await readFile(file, 'utf8')).toBe(text);
  }
});

test('TLS: the emulator serves HTTPS with a self-signed certificate', async () => {
  const emu = await emulatorWith({ tls: await selfSignedTls('127.0.0.1') });
  try {
    expect(emu.url).toMatch(/^https:\/\//);
    const client = new SpsClient(emu.url, { verify: false });
    const login = await client.login(ADMIN);
    expect(login.status).toBe(200);
    expect(String(login.headers['set-cookie'])).toContain('Secure');
    await expect(new SpsClient(emu.url, { verify: true }).get('/api/info')).rejects.toThrow();
  } finally {
    await emu.close();
  }
});

interface Spawned {
  child: ChildProcess;
  url: Promise<string>;
  exit: Promise<{ code: number | null; stderr: string }>;
}

function spawnEmulator(args: string[]): Spawned {
  const child = spawn(process.execPath, [BIN, 'emulator', '--port', '0', '--user', 'admin:admin-pw', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`emulator exited before listening: ${stderr}`)));
  });
  url.catch(() => undefined);
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr })),
  );
  return { child, url, exit };
}

test('command line: a damaged --state file is a clear error with exit code 2', async () => {
  const file = join(await tempDir(), 'state.json');
  await writeFile(file, 'not json');
  const run = spawnEmulator(['--state', file]);
  const { code, stderr } = await run.exit;
  expect(code).toBe(2);
  expect(stderr).toContain('--state');
  expect(await readFile(file, 'utf8')).toBe('not json');
});

test('command line: --tls serves HTTPS; --transaction-timeout sets the transaction clock', async () => {
  const run = spawnEmulator(['--tls', '--transaction-timeout', '42']);
  try {
    const url = await run.url;
    expect(url).toMatch(/^https:/);
    const client = await new SpsClient(url, { verify: false }).mustLogin(ADMIN);
    await client.request({ method: 'POST', path: TX, headers: { 'content-length': '0' }, body: Buffer.alloc(0) });
    expect(json<{ meta: { remaining_seconds: number } }>(await client.get(TX)).meta.remaining_seconds).toBe(42);
  } finally {
    run.child.kill('SIGTERM');
    await run.exit;
  }
});

test('kill -9 while committing leaves the old or the new state file, never a torn one', async () => {
  test.setTimeout(60_000);
  const dir = await tempDir();
  const file = join(dir, 'state.json');
  let acknowledged = 0;
  for (let round = 0; round < 3; round++) {
    const run = spawnEmulator(['--state', file]);
    const client = await new SpsClient(await run.url).mustLogin(ADMIN);
    let stopped = false;
    const hammer = (async () => {
      for (let i = 0; ; i++) {
        const created = await client.post(UM, { name: `r${round}_${i}`, mappings: [] });
        if (created.status !== 201) return;
        const committed = await client.put(TX, COMMIT);
        if (committed.status !== 200) return;
        acknowledged++;
      }
    })()
      .catch(() => undefined)
      .finally(() => {
        stopped = true;
      });
    // Killed once this round has committed twice (a loaded machine may take seconds to get there: a
    // fixed sleep could kill it before its first commit, with no file yet), then a little later each
    // round, so the kill lands at different points of the commits that follow.
    const before = acknowledged;
    while (acknowledged < before + 2 && !stopped) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, round * 40));
    run.child.kill('SIGKILL');
    await run.exit;
    await hammer;
    // The file parses and holds at least every acknowledged commit (at most one more, in flight).
    const doc = JSON.parse(await readFile(file, 'utf8')) as {
      state: { policies: { usermapping_policies: unknown[] } };
    };
    const stored = doc.state.policies.usermapping_policies.length;
    expect(stored).toBeGreaterThanOrEqual(acknowledged);
    expect(stored).toBeLessThanOrEqual(acknowledged + 1);
    acknowledged = stored;
  }
  expect(acknowledged).toBeGreaterThan(3);
  const last = spawnEmulator(['--state', file]);
  try {
    const client = await new SpsClient(await last.url).mustLogin(ADMIN);
    expect(json<{ items: unknown[] }>(await client.get(UM)).items).toHaveLength(acknowledged);
  } finally {
    last.child.kill('SIGTERM');
    await last.exit;
  }
  expect((await readdir(dir)).filter((f) => f === 'state.json')).toHaveLength(1);
});
