// `sps-conformance observe` and expectations files (issue 10, deliverable 4): record what a target
// answers to the inferred checks, then hold other targets (or later builds) to exactly that. Against
// a fault that changes an inferred answer the run FAILs even in default mode; against the target it
// was recorded from it passes; a file that would overrule a documented requirement is refused.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startEmulator, type RunningEmulator } from '../emulator/server.ts';
import type { Certificate } from '../suite/report/certificate/certificate.ts';
import { EXPECTATIONS_FORMAT, type ExpectationsFile } from '../suite/report/certificate/expectations.ts';
import { runCli } from './report-suite-run.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const admin = { username: 'observer', password: 'observer-pw', role: 'admin' as const };
/** The transaction checks: enough inferred answers to record, a few seconds per run. */
const GREP = ['--grep', 'committing with nothing open|a commit body other than'];
const FAULT = 'commit-without-transaction';

let dir: string;
let pristine: RunningEmulator;
let faulty: RunningEmulator;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sps-observe-'));
  pristine = await startEmulator({ port: 0, accounts: [admin] });
  faulty = await startEmulator({ port: 0, accounts: [admin], fault: FAULT });
});

test.afterAll(async () => {
  await pristine?.close();
  await faulty?.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(url: string, name: string): Record<string, string> {
  return {
    SPS_URL: url,
    SPS_USERNAME: admin.username,
    SPS_PASSWORD: admin.password,
    SPS_ALLOW_WRITES: 'true',
    SPS_REPORT_DIR: join(dir, name),
    FC_SEED: '7',
    FC_RUNS: '3',
  };
}

const file = () => join(dir, 'expectations.yaml');
const certificateOf = (name: string) =>
  JSON.parse(readFileSync(join(dir, name, 'certificate.json'), 'utf8')) as Certificate;

test("observe writes the target's inferred answers as reviewable YAML", async () => {
  const run = await runCli(
    ['observe', '--out', file(), '--', ...GREP, '--output', join(dir, 'observe-results')],
    env(pristine.url, 'observe'),
  );
  expect(run.code, run.stdout.slice(-2000)).toBe(0);
  const data = parse(readFileSync(file(), 'utf8')) as ExpectationsFile;
  expect(data.format).toBe(EXPECTATIONS_FORMAT);
  expect(data.target.url).toBe(pristine.url);
  expect(data.recorded_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  const none = data.expectations['TX-COMMIT-NONE-001'];
  expect(none?.[0]?.answer).toMatchObject({ status: 400, type: 'SemanticError' });
  expect(Object.keys(data.expectations).length).toBeGreaterThan(1);
  expect(certificateOf('observe').mode).toBe('default');
});

test('with the recorded answers, a fault that changes an inferred answer FAILs in default mode', async () => {
  const run = await runCli(
    ['run', '--expectations', file(), '--', ...GREP, '--output', join(dir, 'fault-results')],
    env(faulty.url, 'fault'),
  );
  expect(run.code).not.toBe(0);
  const c = certificateOf('fault');
  expect(c.mode).toBe('default');
  expect(c.requirements.find((r) => r.id === 'TX-COMMIT-NONE-001')?.verdict).toBe('FAIL');
  expect(c.expectations).toEqual({
    file: file(),
    sha256: createHash('sha256').update(readFileSync(file())).digest('hex'),
  });
});

test('with the recorded answers, the target they were recorded from passes', async () => {
  const run = await runCli(
    ['run', '--expectations', file(), '--', ...GREP, '--output', join(dir, 'again-results')],
    env(pristine.url, 'again'),
  );
  expect(run.code, run.stdout.slice(-2000)).toBe(0);
  expect(certificateOf('again').requirements.find((r) => r.id === 'TX-COMMIT-NONE-001')?.verdict).toBe('PASS');
  expect(run.stdout).toContain(`Expectations: ${file()}`);
});

test('a recorded answer for a documented requirement is refused with a clear message', async () => {
  const forged = join(dir, 'forged.yaml');
  const data = parse(readFileSync(file(), 'utf8')) as ExpectationsFile;
  data.expectations['AUTH-LOGIN-002'] = [{ where: 'anything', answer: { status: 200, type: null, keys: [] } }];
  writeFileSync(forged, JSON.stringify(data));
  const run = await runCli(['run', '--expectations', forged], env(pristine.url, 'forged'));
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('AUTH-LOGIN-002, a documented requirement');
  expect(run.stderr).not.toMatch(/\n\s+at /);
});
