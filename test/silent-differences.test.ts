// Issue 10 "Done when": against a target that differs from the emulator only where the documents are
// silent (test/silent-differences-proxy.ts), a default-mode run exits 0, lists those differences as
// WARN, and FAILs no documented, observed or standard requirement. The same target in strict mode fails.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/server.ts';
import { schemaProblems } from '../contract/validators.ts';
import type { Certificate } from '../suite/report/certificate/certificate.ts';
import { runCli } from './report-suite-run.ts';
import { startSilentDifferences, type SilentProxy } from './silent-differences-proxy.ts';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

const accounts = [
  { username: 'silent-admin', password: 'silent-admin-pw', role: 'admin' as const },
  { username: 'silent-reader', password: 'silent-reader-pw', role: 'readonly' as const },
  { username: 'silent-outsider', password: 'silent-outsider-pw', role: 'none' as const },
];

let emulator: RunningEmulator;
let proxy: SilentProxy;
let dir: string;

test.beforeAll(async () => {
  emulator = await startEmulator({ port: 0, accounts });
  proxy = await startSilentDifferences(emulator.url);
  dir = mkdtempSync(join(tmpdir(), 'sps-silent-'));
});

test.afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(reportDir: string, strict: boolean): Record<string, string> {
  return {
    SPS_URL: proxy.url,
    SPS_USERNAME: accounts[0]!.username,
    SPS_PASSWORD: accounts[0]!.password,
    SPS_READONLY_USERNAME: accounts[1]!.username,
    SPS_READONLY_PASSWORD: accounts[1]!.password,
    SPS_NOACCESS_USERNAME: accounts[2]!.username,
    SPS_NOACCESS_PASSWORD: accounts[2]!.password,
    SPS_ALLOW_WRITES: 'true',
    SPS_STRICT: String(strict),
    SPS_REPORT_DIR: reportDir,
    FC_SEED: '424242',
    FC_RUNS: '5',
  };
}

/** The differences the proxy makes, each an inferred requirement the run must report as WARN. */
const EXPECTED_WARNINGS = [
  'TX-LOCK-001', // 423 ConfigurationLocked
  'ROBUST-CONTENT-TYPE-001', // 400 InvalidContentType
  'UPLOAD-CONTENT-TYPE-002',
  'ROBUST-JSON-001', // ParseError
  'UPLOAD-SIZE-001', // 400 FileTooLarge
  'UPLOAD-INVALID-001', // PluginValidationError
  'UPLOAD-PROBLEMS-001', // no details
  'ERROR-DETAILS-001',
  'ERROR-ENVELOPE-002', // no meta on errors
  'ERROR-SEMANTIC-001', // no problems list
  'TX-COMMIT-NONE-001',
  'PLUGINS-INVALID-QUERY-001',
  'UPLOAD-METHOD-001',
  'META-BODY-FIELDS-001', // the extra body field
  'AUTH-LOGOUT-001', // no REST logout
  'TX-LOGOUT-001',
  'ROBUST-ALLOW-001', // no Allow header
  'UPLOAD-EXPECT-001', // the front proxy's own 100 Continue
];

test('default mode: exit 0, the silent differences are WARN, no evidenced requirement fails', async () => {
  const reportDir = join(dir, 'default');
  const run = await runCli(['run', '--', '--output', join(dir, 'default-results')], env(reportDir, false));
  const certificate = JSON.parse(readFileSync(join(reportDir, 'certificate.json'), 'utf8')) as Certificate;
  const bad = certificate.requirements
    .filter((r) => r.verdict === 'FAIL' || r.verdict === 'ERROR')
    .map((r) => `${r.id} (${r.basis}) ${r.verdict}: ${r.tests.map((t) => t.message).join('; ')}`);
  expect(bad, run.stdout.slice(-3000)).toEqual([]);
  expect(run.code, run.stdout.slice(-3000)).toBe(0);
  expect(certificate.mode).toBe('default');
  expect(schemaProblems('certificate', certificate)).toEqual([]);
  const warned = certificate.requirements.filter((r) => r.verdict === 'WARN');
  for (const r of warned) expect(r.basis, r.id).toBe('inferred');
  expect(warned.map((r) => r.id).sort()).toEqual(expect.arrayContaining([...EXPECTED_WARNINGS].sort()));
  expect(certificate.totals.WARN).toBe(warned.length);
  expect(certificate.score.inferred.warned).toBe(warned.length);
  // Every WARN says what was expected and what came back, in the certificate and on the console.
  for (const r of warned) expect(r.warnings?.length ?? 0, r.id).toBeGreaterThan(0);
  expect(run.stdout).toContain('WARN TX-LOCK-001 (inferred)');
  expect(readFileSync(join(reportDir, 'certificate.md'), 'utf8')).toContain(
    '## WARN: inferred requirements this target does not meet',
  );
  expect(readFileSync(join(reportDir, 'certificate.html'), 'utf8')).toContain('data-warn="TX-LOCK-001"');
});

test('strict mode: the same target fails on the inferred requirements', async () => {
  const reportDir = join(dir, 'strict');
  // Two tests are enough to show the switch: the lock and the Allow header.
  const grep = 'another session cannot change the configuration|with an Allow header';
  const run = await runCli(
    ['run', '--', '--output', join(dir, 'strict-results'), '--grep', grep],
    env(reportDir, true),
  );
  const certificate = JSON.parse(readFileSync(join(reportDir, 'certificate.json'), 'utf8')) as Certificate;
  expect(run.code).not.toBe(0);
  expect(certificate.mode).toBe('strict');
  const failed = certificate.requirements.filter((r) => r.verdict === 'FAIL');
  expect(failed.map((r) => r.id)).toEqual(expect.arrayContaining(['TX-LOCK-001', 'ROBUST-ALLOW-001']));
  expect(certificate.requirements.filter((r) => r.verdict === 'WARN')).toEqual([]);
});
