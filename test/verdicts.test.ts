import { test, expect } from '@playwright/test';
import type { Requirement } from '../lib/report/catalog.ts';
import { areaTotals, judge, totals, unknownIds, type TestRecord } from '../lib/report/verdicts.ts';

const req = (id: string, extra: Partial<Requirement> = {}): Requirement => ({
  id,
  area: 'a',
  statement: 's',
  source: 'seed',
  basis: 'documented',
  profiles: ['all'],
  ...extra,
});
const rec = (ids: string[], outcome: TestRecord['outcome'], message?: string): TestRecord => ({
  title: `t-${ids.join('-')}-${outcome}`,
  file: 'f.spec.ts',
  requirementIds: ids,
  outcome,
  ...(message ? { message } : {}),
});

test('a requirement no test ran is NOT-TESTED, with the catalog reason when there is one', () => {
  const [plain, known] = judge([req('A'), req('B', { not_tested: 'needs a cluster' })], []);
  expect(plain!.verdict).toBe('NOT-TESTED');
  expect(known!.verdict).toBe('NOT-TESTED');
  expect(known!.reason).toBe('needs a cluster');
});

test('one failing test fails the requirement even when others pass', () => {
  const [v] = judge([req('A')], [rec(['A'], 'passed'), rec(['A'], 'failed')]);
  expect(v!.verdict).toBe('FAIL');
});

test('an error outranks a failure and is kept apart from it', () => {
  const [v] = judge([req('A')], [rec(['A'], 'failed'), rec(['A'], 'error')]);
  expect(v!.verdict).toBe('ERROR');
});

test('all skipped is SKIPPED with the reason; skipped plus passed is PASS', () => {
  const [skipped, mixed] = judge([req('A'), req('B')], [rec(['A'], 'skipped', 'writes are off'), rec(['B'], 'skipped'), rec(['B'], 'passed')]);
  expect(skipped!.verdict).toBe('SKIPPED');
  expect(skipped!.reason).toBe('writes are off');
  expect(mixed!.verdict).toBe('PASS');
});

test('totals count every verdict and unknown ids are reported', () => {
  const verdicts = judge([req('A'), req('B'), req('C')], [rec(['A'], 'passed'), rec(['B', 'Z'], 'failed')]);
  expect(totals(verdicts)).toEqual({ PASS: 1, FAIL: 1, 'NOT-TESTED': 1, SKIPPED: 0, ERROR: 0 });
  expect(unknownIds([req('A')], [rec(['A', 'Z'], 'passed')])).toEqual(['Z']);
});

test('totals per area keep the catalog order and add up to the totals', () => {
  const verdicts = judge([req('A', { area: 'x' }), req('B', { area: 'y' }), req('C', { area: 'x' })], [rec(['A'], 'passed'), rec(['B'], 'error')]);
  const areas = areaTotals(verdicts);
  expect(areas.map((a) => a.area)).toEqual(['x', 'y']);
  expect(areas[0]!.totals).toEqual({ PASS: 1, FAIL: 0, 'NOT-TESTED': 1, SKIPPED: 0, ERROR: 0 });
  expect(areas[1]!.totals.ERROR).toBe(1);
});
