// Reliability battery, durability: a commit whose --state write fails (disk full, a directory gone)
// changes nothing; two emulators never share a state file; a damaged, newer or unusable state file is
// refused at start-up with a clear message; temp files a crash left are cleaned.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../emulator/store.ts';
import { emptyState } from '../emulator/state.ts';
import { clientFor, COMMIT, emulatorWith, expect, json, test, TX } from './emulator-fixtures.ts';
import { familyPath } from '../contract/surface.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'sps-conformance.js');
const UM = familyPath('usermapping_policies');

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sps-durability-'));
}

const diskFull = async (): Promise<void> => {
  throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
};

test('a commit whose state write fails is not applied: other sessions do not see it, a retry succeeds', async () => {
  const stateFile = join(await tempDir(), 'state.json');
  let full = true;
  const emu = await emulatorWith({
    stateFile,
    stateWrite: async (file, text) => (full ? diskFull() : writeFile(file, text)),
  });
  try {
    const admin = await clientFor(emu);
    const other = await clientFor(emu);
    expect((await admin.post(UM, { name: 'phantom', mappings: [] })).status).toBe(201);
    const failed = await admin.put(TX, COMMIT);
    expect(failed.status).toBe(500);
    expect(json<{ error: { message: string } }>(failed).error.message).toMatch(/nothing was committed/);
    expect(
      json<{ items: unknown[] }>(await other.get(UM)).items,
      'the failed commit is invisible to others',
    ).toHaveLength(0);
    expect(
      json<{ transaction: { status: string } }>(await admin.get(TX)).transaction.status,
      'the transaction stays open',
    ).toBe('open');
    full = false;
    expect((await admin.put(TX, COMMIT)).status).toBe(200);
    expect(json<{ items: unknown[] }>(await other.get(UM)).items).toHaveLength(1);
  } finally {
    await emu.close();
  }
  const second = await emulatorWith({ stateFile });
  try {
    expect(
      json<{ items: unknown[] }>(await (await clientFor(second)).get(UM)).items,
      'the retried commit is durable',
    ).toHaveLength(1);
  } finally {
    await second.close();
  }
});

test('a commit into a directory that vanished answers 500 and changes nothing (no injected seam)', async () => {
  const dir = join(await tempDir(), 'state-dir');
  await mkdir(dir);
  const emu = await emulatorWith({ stateFile: join(dir, 'state.json') });
  try {
    const admin = await clientFor(emu);
    expect((await admin.post(UM, { name: 'lost', mappings: [] })).status).toBe(201);
    // Root ignores permissions: a plain file where the directory was makes every write fail.
    await rm(dir, { recursive: true });
    await writeFile(dir, 'not a directory');
    expect((await admin.put(TX, COMMIT)).status).toBe(500);
    expect(json<{ items: unknown[] }>(await (await clientFor(emu)).get(UM)).items).toHaveLength(0);
  } finally {
    await emu.close();
  }
});

test('Store.commit is all or nothing around its persist step', async () => {
  const store = new Store(emptyState());
  store.open('s');
  store.save('s', false, { ...emptyState(), passwords: [{ key: 'k', sha256: '0'.repeat(64) }] });
  await expect(store.commit('s', diskFull)).rejects.toThrow(/ENOSPC/);
  expect(store.committed.passwords).toHaveLength(0);
  expect(store.remainingSeconds('s')).toBeDefined();
  await store.commit('s');
  expect(store.committed.passwords).toHaveLength(1);
});

test('a second emulator on the same --state file is refused while the first runs, and may start after it', async () => {
  const stateFile = join(await tempDir(), 'state.json');
  const first = await emulatorWith({ stateFile });
  try {
    await expect(emulatorWith({ stateFile })).rejects.toThrow(/in use by another emulator/);
    const cli = spawnSync(process.execPath, [BIN, 'emulator', '--port', '0', '--state', stateFile], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/--state: .* in use by another emulator \(process \d+/);
  } finally {
    await first.close();
  }
  const after = await emulatorWith({ stateFile });
  await after.close();
});

test('a stale lock (its process is gone) and stale temp files are cleaned at start-up', async () => {
  const dir = await tempDir();
  const stateFile = join(dir, 'state.json');
  // pid 2^22+1 is above Linux's pid_max default: no such process.
  await writeFile(`${stateFile}.lock`, '4194305\n');
  await writeFile(join(dir, '.state.json.12345.tmp'), '{"torn');
  const emu = await emulatorWith({ stateFile });
  try {
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await readFile(`${stateFile}.lock`, 'utf8')).toBe(`${process.pid}\n`);
  } finally {
    await emu.close();
  }
});

test('an unwritable --state directory is found at start-up, not at the first commit', async () => {
  const dir = await tempDir();
  await writeFile(join(dir, 'file'), '');
  await expect(emulatorWith({ stateFile: join(dir, 'file', 'state.json') })).rejects.toThrow(/writable/);
});

test('a shape-valid but damaged state file is refused by its JSON Schema; a newer version is named', async () => {
  const dir = await tempDir();
  const base = { format: 'sps-conformance-emulator-state', version: 2 };
  const policies = {
    aa_plugin_instances: [],
    credentialstores: [],
    trusted_ca_lists: [],
    usermapping_policies: [{ key: 'k', body: null }],
  };
  const cases: [string, unknown, RegExp][] = [
    ['null-body.json', { ...base, state: { plugins: {}, policies, passwords: [] } }, /damaged.*body/],
    [
      'bad-plugin.json',
      {
        ...base,
        state: {
          plugins: { aa: [{ key: 'k', type: 'aa', name: 'n', version: '1', api: '1', sha256sum: 'x' }] },
          policies: { ...policies, usermapping_policies: [] },
          passwords: [],
        },
      },
      /damaged/,
    ],
    ['newer.json', { ...base, version: 3, state: {} }, /version 3, newer than this emulator reads \(version 2\)/],
  ];
  for (const [name, doc, message] of cases) {
    const file = join(dir, name);
    const text = JSON.stringify(doc);
    await writeFile(file, text);
    await expect(emulatorWith({ stateFile: file })).rejects.toThrow(message);
    expect(await readFile(file, 'utf8')).toBe(text);
  }
});

test('--state that is a FIFO, a device or a huge file is refused without blocking', async () => {
  await expect(emulatorWith({ stateFile: '/dev/zero' })).rejects.toThrow(/not a regular file|writable/);
  const dir = await tempDir();
  await mkdir(join(dir, 'state.json'));
  await expect(emulatorWith({ stateFile: join(dir, 'state.json') })).rejects.toThrow(/not a regular file/);
  const fifo = join(dir, 'fifo');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  await expect(emulatorWith({ stateFile: fifo })).rejects.toThrow(/not a regular file/);
});
