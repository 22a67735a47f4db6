// A run of a subset of the suite cannot look like a certifying one: it is PARTIAL and, unless SPS_REPORT_DIR
// names a folder, reports beside the full run's (reports/latest-partial), --list writes no certificate, a user's --reporter runs beside
// ours, and the exit code follows the documented table (1 for a conformance failure).
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runState } from '../suite/report/certificate/run-status.ts';
import { partialReportDir, subsetReasons } from '../suite/report/reporter/run-selection.ts';
import { sampleFacts } from './report-sample-facts.ts';
import { ADMIN, emulatorWith } from './emulator-fixtures.ts';

const BIN = fileURLToPath(new URL('../bin/sps-conformance.js', import.meta.url));

function run(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SPS_|FC_)/.test(k)));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'run', ...args], { cwd, env: { ...clean, ...env } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

test('the arguments that select a subset are named; a full run has none, and --shard is not one', () => {
  expect(subsetReasons(['--grep', '@AUTH-LOGIN-001'])).toEqual(['--grep @AUTH-LOGIN-001']);
  expect(subsetReasons(['-g=upload'])).toEqual([]);
  expect(subsetReasons(['--grep=upload', 'specs/upload.spec.ts'])).toEqual([
    '--grep upload',
    'only specs/upload.spec.ts',
  ]);
  expect(subsetReasons(['--last-failed', '--project=unit'])).toEqual(['--last-failed', '--project unit']);
  expect(subsetReasons(['--project', 'conformance-setup'])).toEqual(['--project conformance-setup']);
  expect(subsetReasons(['--test-list', 'ids.txt', '--max-failures=1'])).toEqual([
    '--test-list ids.txt',
    '--max-failures (stops early) 1',
  ]);
  expect(subsetReasons(['--project=conformance', '--shard', '1/2', '--output', 'out', '--workers', '2'])).toEqual([]);
  expect(partialReportDir('reports/latest/')).toBe('reports/latest-partial');
  expect(partialReportDir('reports/latest-partial')).toBe('reports/latest-partial');
});

test('a subset run is PARTIAL; INVALID outranks it; a full run is COMPLETE', () => {
  const subset = sampleFacts({ selection: ['--grep upload'] });
  expect(runState([subset], false)).toMatchObject({
    status: 'PARTIAL',
    reasons: [expect.stringContaining('--grep upload')],
  });
  expect(runState([subset], true).status).toBe('INVALID');
  expect(runState([sampleFacts({ selection: [] })], false).status).toBe('COMPLETE');
});

test('run --grep against a failing target: PARTIAL in reports/latest-partial, the user reporter beside ours, exit 1; --list writes none', async () => {
  const emu = await emulatorWith({ fault: 'login-failure-code' });
  const work = mkdtempSync(join(tmpdir(), 'sps-honest-'));
  const env = {
    SPS_URL: emu.url,
    SPS_USERNAME: ADMIN.username,
    SPS_PASSWORD: ADMIN.password,
    SPS_STRICT: 'true',
  };
  try {
    const grep = await run(['--', '--grep', '@AUTH-LOGIN-002', '--reporter=dot'], work, env);
    expect(grep.code, grep.out).toBe(1);
    expect(existsSync(join(work, 'reports', 'latest', 'certificate.json'))).toBe(false);
    const certificate = JSON.parse(readFileSync(join(work, 'reports', 'latest-partial', 'certificate.json'), 'utf8'));
    expect(certificate.run.status).toBe('PARTIAL');
    expect(certificate.run.reasons.join(' ')).toContain('--grep @AUTH-LOGIN-002');
    expect(certificate.requirements.find((v: { id: string }) => v.id === 'AUTH-LOGIN-002')?.verdict).toBe('FAIL');
    // dot prints one character per test (F for the failure) instead of list's numbered lines.
    const plain = grep.out.replace(/\x1b\[[0-9;]*m/g, '');
    expect(plain).toMatch(/^[·°×]*F/m);
    expect(plain).not.toMatch(/^\s+[✓✘-]\s+\d+ \[conformance/m);
    rmSync(join(work, 'reports'), { recursive: true, force: true });
    const list = await run(['--', '--list'], work, env);
    expect(list.code, list.out).toBe(0);
    expect(list.out).toContain('Total:');
    expect(existsSync(join(work, 'reports', 'latest', 'certificate.json'))).toBe(false);
    expect(existsSync(join(work, 'reports', 'latest-partial', 'certificate.json'))).toBe(false);
  } finally {
    await emu.close();
    rmSync(work, { recursive: true, force: true });
  }
});
