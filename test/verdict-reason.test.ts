// The "why" column says the reason of the requirement's own verdict, never a sibling test's.
import { test, expect } from '@playwright/test';
import { verdictReasons } from '../suite/report/certificate/verdict-reason.ts';
import type { RequirementVerdict } from '../suite/report/certificate/verdicts.ts';

const base = { id: 'R-1', area: 'a', statement: 's', basis: 'documented' as const, source: 'seeds/001' };
const passed = { title: 'ok', file: 'f', outcome: 'passed' as const };
const skipped = { title: 'sk', file: 'f', outcome: 'skipped' as const, message: 'writes are off' };
const failed = {
  title: 'bad',
  file: 'f',
  outcome: 'failed' as const,
  message: 'expected 201, got 200',
  repro: 'repro/bad-1',
  report: 'html/index.html#?testId=x',
};

const verdict = (v: Partial<RequirementVerdict>): RequirementVerdict => ({ ...base, verdict: 'PASS', tests: [], ...v });

test('PASS counts passed and skipped tests and shows no skip reason', () => {
  expect(verdictReasons(verdict({ tests: [passed, skipped] }))).toEqual([{ text: '1 test(s) passed, 1 skipped' }]);
});

test('FAIL lists the failing tests with their message and links, not the passing or skipped ones', () => {
  expect(verdictReasons(verdict({ verdict: 'FAIL', tests: [passed, skipped, failed] }))).toEqual([
    {
      test: 'bad',
      text: 'expected 201, got 200',
      repro: 'repro/bad-1',
      report: 'html/index.html#?testId=x',
    },
  ]);
});

test('ERROR lists the broken tests; WARN what was expected and what came back', () => {
  const broken = { ...failed, outcome: 'error' as const, message: 'ECONNRESET' };
  expect(verdictReasons(verdict({ verdict: 'ERROR', tests: [failed, broken] })).map((l) => l.text)).toEqual([
    'ECONNRESET',
  ]);
  const warned = verdict({
    verdict: 'WARN',
    tests: [passed],
    warnings: [{ test: 'ok', where: 'ok', expected: '409', actual: '423' }],
  });
  expect(verdictReasons(warned)).toEqual([{ test: 'ok', text: 'expected 409; got 423' }]);
});

test('SKIPPED and NOT-TESTED give their reason', () => {
  expect(verdictReasons(verdict({ verdict: 'SKIPPED', tests: [skipped], reason: 'writes are off' }))).toEqual([
    { text: 'writes are off' },
  ]);
  expect(verdictReasons(verdict({ verdict: 'NOT-TESTED', reason: 'no test checks this requirement' }))).toEqual([
    { text: 'no test checks this requirement' },
  ]);
});
