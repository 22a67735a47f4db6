// The emulator as a simulated remote appliance: --latency delays every answer, --commit-delay each
// commit. Only lower bounds are checked (a loaded machine makes things slower, never faster), and the
// answers are the same as without the delays.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { startEmulator } from '../emulator/server.ts';
import { SpsClient } from '../suite/client/sps-client.ts';

const BIN = fileURLToPath(new URL('../bin/sps-conformance.js', import.meta.url));
const ACCOUNT = { username: 'sim-admin', password: 'sim-password', role: 'admin' as const };

test('every answer waits --latency, and a commit also waits --commit-delay; the answers are unchanged', async () => {
  const running = await startEmulator({ accounts: [ACCOUNT], latencyMs: 120, commitDelayMs: 400 });
  try {
    const client = await new SpsClient(running.url).mustLogin(ACCOUNT);
    let started = performance.now();
    const info = await client.get('/api/info');
    expect(info.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect((await client.post('/api/transaction', {})).status).toBe(200);
    started = performance.now();
    const commit = await client.put('/api/transaction', { status: 'commit' });
    expect(commit.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115 + 395);
  } finally {
    await running.close();
  }
});

test('--latency and --commit-delay take whole milliseconds; anything else is a usage error', () => {
  const res = spawnSync(process.execPath, [BIN, 'emulator', '--latency', 'soon'], { encoding: 'utf8' });
  expect(res.status).toBe(2);
  expect(res.stderr).toContain('--latency must be a whole number of milliseconds');
  expect(res.stderr).not.toMatch(/\n\s+at /);
  const bad = spawnSync(process.execPath, [BIN, 'emulator', '--commit-delay', '-5'], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
});
