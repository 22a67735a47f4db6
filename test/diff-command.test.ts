// sps-conformance diff: pristine against pristine finds nothing; pristine against a faulted emulator
// finds differences naming the faulted endpoint; key normalisation and usage errors.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../emulator/server.ts';
import { KeyPlaceholders } from '../commands/diff/key-placeholders.ts';
import type { Difference } from '../commands/diff/compare.ts';

const BIN = fileURLToPath(new URL('../bin/sps-conformance.js', import.meta.url));

/** Runs the CLI without blocking this process, whose in-process emulators must keep answering. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, out, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
      },
    );
  });
}

async function withEmulators(faults: (string | undefined)[], run: (urls: string[]) => Promise<void>): Promise<void> {
  const running: RunningEmulator[] = [];
  try {
    for (const fault of faults) running.push(await startEmulator({ port: 0, ...(fault ? { fault } : {}) }));
    await run(running.map((r) => r.url));
  } finally {
    await Promise.all(running.map((r) => r.close()));
  }
}

test('pristine against pristine: no differences, exit 0', async () => {
  await withEmulators([undefined, undefined], async ([a, b]) => {
    const { code, out } = await cli(['diff', '--a', a!, '--b', b!]);
    expect(out).toContain('no differences');
    expect(code).toBe(0);
  });
});

test('pristine against a faulted emulator: differences naming the faulted endpoint, exit 1', async () => {
  await withEmulators([undefined, 'query-ignored'], async ([a, b]) => {
    const { code, out } = await cli(['diff', '--a', a!, '--b', b!, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { differences: Difference[] };
    expect(report.differences.length).toBeGreaterThan(0);
    const first = report.differences[0]!;
    expect(first).toMatchObject({
      method: 'GET',
      path: '/api/configuration/policies/usermapping_policies?filter=x',
      field: 'status',
      a: 400,
      b: 200,
    });
    // Only the faulted endpoint differs: the rest of the scenario is unaffected by an ignored filter.
    expect(new Set(report.differences.map((d) => d.path))).toEqual(new Set([first.path]));
  });
});

test('a transaction fault shows up at the request that reveals it, in human output', async () => {
  await withEmulators([undefined, 'no-configuration-lock'], async ([a, b]) => {
    const { code, out } = await cli(['diff', '--a', a!, '--b', b!]);
    expect(code).toBe(1);
    expect(out).toMatch(
      /#\d+ POST \/api\/transaction \(another session opens a transaction\): status\n\s+A: 409\n\s+B: 200/,
    );
  });
});

test('each target uses its own account from the settings', async () => {
  const other = await startEmulator({ port: 0, accounts: [{ username: 'bee', password: 'bee-pw', role: 'admin' }] });
  try {
    await withEmulators([undefined], async ([a]) => {
      const { code, out } = await cli(['diff', '--a', a!, '--b', other.url], {
        SPS_B_USERNAME: 'bee',
        SPS_B_PASSWORD: 'bee-pw',
      });
      expect(out).toContain('no differences');
      expect(code).toBe(0);
      expect(out).not.toContain('bee-pw');
    });
  } finally {
    await other.close();
  }
});

test('usage errors exit 2 with one line', async () => {
  for (const args of [
    ['diff', '--b', 'http://127.0.0.1:1'],
    ['diff', '--a', 'ftp://x', '--b', 'http://127.0.0.1:1'],
    ['diff', '--a', 'http://127.0.0.1:1', '--b', 'http://127.0.0.1:1'],
  ]) {
    const { code, err } = await cli(args);
    expect(code, args.join(' ')).toBe(2);
    expect(err.trim().split('\n'), args.join(' ')).toHaveLength(1);
  }
});

test('keys become placeholders in order of appearance; captured keys by name; tree names stay', () => {
  const keys = new KeyPlaceholders();
  keys.learn({ items: [{ key: 'aa' }, { key: 'credentialstore' }] });
  keys.learn({ key: '9f3e-11' }, 'plugin');
  keys.learn({ items: [{ key: '9f3e-11' }, { key: '-100' }, { key: 'abc123' }] });
  keys.learn({ key: 'transaction' });
  expect(keys.replace('/api/configuration/plugins/aa/9f3e-11')).toBe('/api/configuration/plugins/aa/<plugin>');
  expect(keys.normalise({ a: ['x/-100', 'abc123'] })).toEqual({ a: ['x/<key1>', '<key2>'] });
});
