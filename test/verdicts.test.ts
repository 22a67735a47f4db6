import { test, expect } from '@playwright/test';
import type { Requirement } from '../contract/catalog.ts';
import { areaTotals, judge, totals, unknownIds, type TestRecord } from '../suite/report/certificate/verdicts.ts';

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
  const [skipped, mixed] = judge(
    [req('A'), req('B')],
    [rec(['A'], 'skipped', 'writes are off'), rec(['B'], 'skipped'), rec(['B'], 'passed')],
  );
  expect(skipped!.verdict).toBe('SKIPPED');
  expect(skipped!.reason).toBe('writes are off');
  expect(mixed!.verdict).toBe('PASS');
});

test('totals count every verdict and unknown ids are reported', () => {
  const verdicts = judge([req('A'), req('B'), req('C')], [rec(['A'], 'passed'), rec(['B', 'Z'], 'failed')]);
  expect(totals(verdicts)).toEqual({ PASS: 1, FAIL: 1, WARN: 0, 'NOT-TESTED': 1, SKIPPED: 0, ERROR: 0 });
  expect(unknownIds([req('A')], [rec(['A', 'Z'], 'passed')])).toEqual(['Z']);
});

test('totals per area keep the catalog order and add up to the totals', () => {
  const verdicts = judge(
    [req('A', { area: 'x' }), req('B', { area: 'y' }), req('C', { area: 'x' })],
    [rec(['A'], 'passed'), rec(['B'], 'error')],
  );
  const areas = areaTotals(verdicts);
  expect(areas.map((a) => a.area)).toEqual(['x', 'y']);
  expect(areas[0]!.totals).toEqual({ PASS: 1, FAIL: 0, WARN: 0, 'NOT-TESTED': 1, SKIPPED: 0, ERROR: 0 });
  expect(areas[1]!.totals.ERROR).toBe(1);
});

// Evidence-graded verdicts (issue 10): the basis and the test's marks decide.
const inferred = (id: string) => req(id, { basis: 'inferred', reasoning: 'our guess' });
const warning = (id: string) => ({ id, where: 'w', expected: 'HTTP 409 TransactionLocked', actual: 'HTTP 423 Locked' });

test('an inferred requirement a passing test warned about is WARN, with what was expected and what came back', () => {
  const [v] = judge([inferred('I')], [{ ...rec(['I'], 'passed'), warnings: [warning('I')] }], { strict: false });
  expect(v!.verdict).toBe('WARN');
  expect(v!.warnings).toEqual([
    { test: 't-I-passed', where: 'w', expected: 'HTTP 409 TransactionLocked', actual: 'HTTP 423 Locked' },
  ]);
});

test("a failure names what it violated: that requirement FAILs, the test's others are not judged by it", () => {
  const [a, b, c] = judge(
    [req('A'), req('B'), inferred('C')],
    [{ ...rec(['A', 'B', 'C'], 'failed'), violated: ['A'] }],
  );
  expect(a!.verdict).toBe('FAIL');
  expect(b!.verdict).toBe('NOT-TESTED');
  expect(c!.verdict).toBe('NOT-TESTED');
  // The certificate says whose own check failed: A's, not B's or C's.
  expect([a, b, c].map((v) => v!.tests[0]!.violated)).toEqual([true, undefined, undefined]);
});

test('an unattributed failure FAILs the documented ids; the inferred ones WARN in default mode and FAIL in strict mode', () => {
  const records = [rec(['D', 'I'], 'failed', 'boom')];
  const [d, i] = judge([req('D'), inferred('I')], records, { strict: false });
  expect([d!.verdict, i!.verdict]).toEqual(['FAIL', 'WARN']);
  const [ds, is] = judge([req('D'), inferred('I')], records, { strict: true });
  expect([ds!.verdict, is!.verdict]).toEqual(['FAIL', 'FAIL']);
});

test('a refused precondition makes its requirements NOT-TESTED with the reason, never PASS or FAIL', () => {
  const refused = {
    ...rec(['A', 'B'], 'skipped'),
    notTested: { ids: ['B'], reason: 'the target refused to create a credential store' },
  };
  const [a, b] = judge([req('A'), req('B')], [refused, rec(['B'], 'passed')]);
  expect(a!.verdict).toBe('SKIPPED');
  expect(b!.verdict).toBe('PASS');
  const [only] = judge([req('B')], [refused]);
  expect(only!.verdict).toBe('NOT-TESTED');
  expect(only!.reason).toBe('the target refused to create a credential store');
});

test('FAIL outranks WARN; WARN outranks PASS', () => {
  const [v] = judge([inferred('I')], [{ ...rec(['I'], 'passed'), warnings: [warning('I')] }, rec(['I'], 'passed')], {
    strict: false,
  });
  expect(v!.verdict).toBe('WARN');
  const [w] = judge(
    [inferred('I')],
    [
      { ...rec(['I'], 'passed'), warnings: [warning('I')] },
      { ...rec(['I'], 'failed'), violated: ['I'] },
    ],
    { strict: false },
  );
  expect(w!.verdict).toBe('FAIL');
});
