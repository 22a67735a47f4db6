// The self-test's kill judgement on its own: a fault is killed only when every id it declares fails; a
// run stopped at the time limit is TIMED OUT, never SURVIVED. test/selftest-selection.test.ts runs the
// command itself over a sample of faults. The CLI runs get no kill timer: the test timeout bounds them.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeFault, judgePristine } from '../commands/selftest/kill-matrix.ts';
import { selftestAccounts, suiteRun } from '../commands/selftest/suite-run.ts';

const BIN = fileURLToPath(new URL('../bin/sps-conformance.js', import.meta.url));

function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 16 << 20 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err });
    });
  });
}

const certificate = (failing: string[], passing: string[] = []) => ({
  requirements: [
    ...failing.map((id) => ({ id, verdict: 'FAIL' as const })),
    ...passing.map((id) => ({ id, verdict: 'PASS' as const })),
  ],
});

test('a fault is killed when the run fails and every declared id fails', () => {
  const row = judgeFault('x', ['A-1', 'B-1'], {
    exitCode: 1,
    certificate: certificate(['A-1', 'B-1', 'C-1']),
    seconds: 1,
  });
  expect(row).toMatchObject({ killed: true, missing: [], failing: ['A-1', 'B-1', 'C-1'] });
});

test('a fault survives when a declared id passes, or the run passes, or there is no certificate', () => {
  expect(
    judgeFault('x', ['A-1', 'B-1'], { exitCode: 1, certificate: certificate(['A-1'], ['B-1']), seconds: 1 }),
  ).toMatchObject({ killed: false, missing: ['B-1'] });
  expect(judgeFault('x', ['A-1'], { exitCode: 0, certificate: certificate(['A-1']), seconds: 1 }).killed).toBe(false);
  expect(judgeFault('x', ['A-1'], { exitCode: 1, certificate: undefined, seconds: 1 })).toMatchObject({
    killed: false,
    missing: ['A-1'],
  });
});

test('a timed-out run is TIMED OUT in either mode, never killed or survived, and fails the pristine check', () => {
  const timedOut = { exitCode: 1, certificate: undefined, seconds: 1800, timedOut: true };
  const row = judgeFault('x', ['A-1'], timedOut, { declared: ['A-1'], run: timedOut });
  expect(row).toMatchObject({ outcome: 'TIMED OUT', killed: false, runStatus: 'TIMED OUT' });
  expect(row.defaultMode).toMatchObject({ outcome: 'TIMED OUT', killed: false });
  expect(judgePristine(timedOut)).toMatchObject({ passed: false, timedOut: true });
});

test('a run that outlives its limit is stopped and comes back timed out, without a certificate', async () => {
  const reportDir = join(mkdtempSync(join(tmpdir(), 'sps-selftest-limit-')), 'run');
  const settings = { fcSeed: 1, fcRuns: 1, concurrency: 1 };
  const run = await suiteRun({
    label: 'limit',
    fault: undefined,
    reportDir,
    settings,
    accounts: selftestAccounts(),
    strict: true,
    limitMs: 50,
  });
  expect(run).toMatchObject({ timedOut: true, certificate: undefined });
  expect(judgeFault('x', ['A-1'], run).outcome).toBe('TIMED OUT');
});

test('default mode is judged on its own declared ids and its own run', () => {
  const strict = { exitCode: 1, certificate: certificate(['A-1', 'D-1']), seconds: 1 };
  const lenient = {
    exitCode: 1,
    certificate: {
      requirements: [
        { id: 'A-1', verdict: 'WARN' },
        { id: 'D-1', verdict: 'FAIL' },
      ],
    },
    seconds: 1,
  };
  const row = judgeFault('x', ['A-1', 'D-1'], strict, { declared: ['D-1'], run: lenient });
  expect(row).toMatchObject({ outcome: 'killed', defaultMode: { outcome: 'killed', declared: ['D-1'] } });
  // WARN is not failing: strict judged on a WARN certificate survives.
  expect(judgeFault('x', ['A-1'], lenient)).toMatchObject({ outcome: 'SURVIVED', missing: ['A-1'] });
});

test('the pristine run passes only with exit 0 and no failing requirement', () => {
  expect(judgePristine({ exitCode: 0, certificate: certificate([], ['A-1']), seconds: 1 }).passed).toBe(true);
  expect(judgePristine({ exitCode: 0, certificate: certificate(['A-1']), seconds: 1 }).passed).toBe(false);
  expect(judgePristine({ exitCode: 1, certificate: certificate([], ['A-1']), seconds: 1 }).passed).toBe(false);
});

test('an unknown fault in --only is a usage error', async () => {
  const { code, err } = await cli(['selftest', '--only', 'no-such-fault']);
  expect(code).toBe(2);
  expect(err).toContain('unknown fault "no-such-fault"');
});
