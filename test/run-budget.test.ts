// A full default run against the embedded emulator keeps the run budget (suite/report/certificate/
// budget.ts): at most so many commits and successful logins, as its certificate's cost counts them.
// Counts, not time: the figure of a run against a slow appliance is printed by bench/suite.ts.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Certificate } from '../suite/report/certificate/certificate.ts';
import { overBudget, RUN_BUDGET } from '../suite/report/certificate/budget.ts';
import { INNER_RUN_TEST_TIMEOUT_MS, runCli } from './report-suite-run.ts';

test('a full default run keeps the budget of commits and logins, counted in its certificate', async () => {
  test.setTimeout(INNER_RUN_TEST_TIMEOUT_MS);
  const work = mkdtempSync(join(tmpdir(), 'sps-budget-'));
  const run = await runCli(['run', '--output', join(work, 'results')], { SPS_REPORT_DIR: join(work, 'report') });
  expect(run.code, `${run.stdout.slice(-800)}${run.stderr.slice(-800)}`).toBe(0);
  const certificate = JSON.parse(readFileSync(join(work, 'report', 'certificate.json'), 'utf8')) as Certificate;
  expect(certificate.run.status).toBe('COMPLETE');
  const { cost } = certificate;
  // Every test that ran reported its cost, and the areas add up to the total.
  const ran = certificate.tests.passed + certificate.tests.failed + certificate.tests.error;
  expect(cost.tests).toBeGreaterThanOrEqual(ran);
  const areas = Object.values(cost.byArea);
  for (const field of ['requests', 'logins', 'commits', 'rollbacks', 'bytesUploaded'] as const)
    expect(
      areas.reduce((sum, a) => sum + a[field], 0),
      field,
    ).toBe(cost[field]);
  // The run did commit and log in: a meter that counts nothing would keep any budget.
  expect(cost.commits).toBeGreaterThan(0);
  expect(cost.logins).toBeGreaterThan(0);
  expect(overBudget(cost), `budget: ${JSON.stringify(RUN_BUDGET)}; cost: ${JSON.stringify(cost)}`).toEqual([]);
});
