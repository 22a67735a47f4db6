// The self-test's test selection: a fault runs the tests carrying its declared ids (setup and teardown
// only when they carry one), or the fixed sample when no listed test carries them; and on a sample of
// faults the kill matrix of the selected runs is the one of --full (every fault against the whole suite).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { selftestCommand } from '../commands/cli/selftest-command.ts';
import { nonInferredIds, strictRunServesDefault, type FaultPlan } from '../commands/selftest/fault-plan.ts';
import type { SelftestReport } from '../commands/selftest/selftest-report.ts';
import {
  coveringTests,
  SAMPLE_EVERY,
  selectTests,
  testListText,
  type ListedTest,
} from '../commands/selftest/test-selection.ts';

const BIN = fileURLToPath(new URL('../bin/sps-conformance.js', import.meta.url));

const listed = (project: string, file: string, title: string, ids: string[]): ListedTest => ({
  project,
  file,
  titlePath: ['area', title],
  requirementIds: ids,
});
const SUITE: ListedTest[] = [
  listed('conformance-setup', 'specs/inventory.setup.ts', 'setup', ['SAFETY-1']),
  listed('conformance-teardown', 'specs/inventory.teardown.ts', 'teardown', ['SAFETY-1']),
  ...Array.from({ length: 20 }, (_, i) =>
    listed('conformance', `specs/f${i % 3}.spec.ts`, `test ${i}`, [`ID-${i}`, ...(i % 5 === 0 ? ['SHARED-1'] : [])]),
  ),
];

test('a fault runs the tests that carry its ids, without setup and teardown, and no sample', () => {
  const selection = selectTests(SUITE, ['ID-3', 'SHARED-1', 'EVERY-RESPONSE-1']);
  expect(selection.tests.map((t) => t.titlePath[1])).toEqual(['test 0', 'test 3', 'test 5', 'test 10', 'test 15']);
  expect(selection).toMatchObject({
    targeted: ['ID-3', 'SHARED-1'],
    sampled: ['EVERY-RESPONSE-1'],
    sample: false,
    withDependencies: false,
  });
});

test('a fault declaring an id the setup or teardown carries runs them too', () => {
  const selection = selectTests(SUITE, ['ID-3', 'SAFETY-1']);
  expect(selection.tests.map((t) => t.titlePath[1])).toEqual(['setup', 'teardown', 'test 3']);
  expect(selection.withDependencies).toBe(true);
});

test('a fault whose ids no listed test carries runs the fixed sample', () => {
  const selection = selectTests(SUITE, ['EVERY-RESPONSE-1']);
  const sampled = selection.tests.filter((t) => t.project === 'conformance').map((t) => t.titlePath[1]);
  expect(sampled).toEqual(Array.from({ length: Math.ceil(20 / SAMPLE_EVERY) }, (_, k) => `test ${k * SAMPLE_EVERY}`));
  expect(selection.sample).toBe(true);
  expect(selection.tests).toHaveLength(sampled.length);
});

test('the first try is a few selected tests that carry every targeted id between them', () => {
  // test 0 carries ID-0 and SHARED-1, test 5 ID-5 and SHARED-1: the greedy cover takes test 0 first.
  const selection = selectTests(SUITE, ['ID-0', 'ID-5', 'SHARED-1', 'EVERY-RESPONSE-1']);
  const cover = coveringTests(selection)!;
  expect(cover.map((t) => t.titlePath[1])).toEqual(['test 0', 'test 5']);
  const shared = coveringTests(selectTests(SUITE, ['SHARED-1']))!;
  expect(shared.map((t) => t.titlePath[1])).toEqual(['test 0']);
  for (const ids of [['ID-0', 'ID-5', 'SHARED-1'], ['SHARED-1'], ['SHARED-1', 'ID-3', 'ID-7']]) {
    const carried = new Set(coveringTests(selectTests(SUITE, ids))!.flatMap((t) => t.requirementIds));
    expect(ids.filter((id) => !carried.has(id))).toEqual([]);
  }
  // No shortcut: one test per id already, the sample, or a selection that keeps setup and teardown.
  expect(coveringTests(selectTests(SUITE, ['ID-3', 'ID-4']))).toBeUndefined();
  expect(coveringTests(selectTests(SUITE, ['EVERY-RESPONSE-1']))).toBeUndefined();
  expect(coveringTests(selectTests(SUITE, ['SHARED-1', 'SAFETY-1']))).toBeUndefined();
});

test('the test list names project, file and title path; a title holding the delimiter lists its whole file', () => {
  const odd = listed('conformance', 'specs/x.spec.ts', 'a › b', []);
  expect(testListText([SUITE[2]!, odd])).toBe(
    '[conformance] › specs/f0.spec.ts › area › test 0\n[conformance] › specs/x.spec.ts\n',
  );
});

test('default mode judges the ids that are not inferred (unknown ids count as inferred)', () => {
  const basis = new Map([
    ['D-1', 'documented'],
    ['I-1', 'inferred'],
    ['O-1', 'observed'],
    ['S-1', 'standard'],
  ]);
  expect(nonInferredIds(['D-1', 'I-1', 'O-1', 'S-1', 'X-1'], basis)).toEqual(['D-1', 'O-1', 'S-1']);
});

test('the strict run serves as the default-mode run only when no inferred check failed and it ran the same tests', () => {
  const list = (text: string) => ({ text, tests: 1, stopAtFirstFailure: false, withDependencies: false });
  const run = (text: string) => ({ declared: ['D-1'], testList: list(text) });
  const plan = (strict: string, defaultMode: string): FaultPlan => ({
    fault: { name: 'f', description: 'f', violates: ['D-1'] },
    strict: run(strict),
    defaultMode: run(defaultMode),
    inferred: new Set(['I-1']),
  });
  expect(strictRunServesDefault(plan('a', 'a'), ['D-1', 'D-2'])).toBe(true);
  // An inferred failure: the default-mode run would have WARNed there and gone on, another path.
  expect(strictRunServesDefault(plan('a', 'a'), ['D-1', 'I-1'])).toBe(false);
  expect(strictRunServesDefault(plan('a', 'b'), ['D-1'])).toBe(false);
  // --full: both run the whole suite.
  const full: FaultPlan = { ...plan('a', 'a'), strict: { declared: ['D-1'] }, defaultMode: { declared: ['D-1'] } };
  expect(strictRunServesDefault(full, ['D-1'])).toBe(true);
  expect(strictRunServesDefault({ ...full, defaultMode: run('a') }, ['D-1'])).toBe(false);
  expect(strictRunServesDefault({ ...plan('a', 'a'), defaultMode: undefined }, ['D-1'])).toBe(false);
});

function selftest(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'selftest', ...args], { maxBuffer: 16 << 20 }, (error, stdout) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout });
    });
  });
}

function matrix(dir: string): [string, string, string][] {
  const report = JSON.parse(readFileSync(join(dir, 'selftest.json'), 'utf8')) as SelftestReport;
  return report.faults.map((f) => [f.fault, f.outcome, f.defaultMode?.outcome ?? 'n/a']);
}

// Slow (two self-tests, one of them whole-suite per fault) and never timed: no test timeout at all, each
// run inside is bounded by the self-test's own per-run limit (TIMED OUT). Under --full the sample fault
// that fails every test took over 30 minutes on a 2-core machine shared by four builds.
test('on a sample of faults the selected kill matrix is the --full one', async () => {
  test.setTimeout(0);
  // The sample path (content-type-text-plain declares only an every-response id), a fault with
  // documented ids (integrity-all-ops) and one with inferred ids only (usermapping-alias).
  const only = ['--only', 'content-type-text-plain,integrity-all-ops,usermapping-alias'];
  const selected = mkdtempSync(join(tmpdir(), 'sps-selftest-selected-'));
  const full = mkdtempSync(join(tmpdir(), 'sps-selftest-full-'));
  const [a, b] = await Promise.all([
    selftest([...only, '--out', selected]),
    selftest([...only, '--full', '--out', full]),
  ]);
  expect(a.stdout).toContain('selected (each fault runs the tests of its ids)');
  expect(b.stdout).toContain('full (every fault runs the whole suite)');
  expect(matrix(selected)).toEqual(matrix(full));
  expect(matrix(full)).toEqual([
    ['integrity-all-ops', 'killed', 'killed'],
    ['content-type-text-plain', 'killed', 'killed'],
    ['usermapping-alias', 'killed', 'n/a'],
  ]);
  expect(a.stdout).toMatch(/selftest: 3\/3 faults killed; default mode 2\/2 killed; pristine passes/);
  expect([a.code, b.code]).toEqual([0, 0]);
  const report = JSON.parse(readFileSync(join(selected, 'selftest.json'), 'utf8')) as SelftestReport;
  expect(report.faults.find((f) => f.fault === 'usermapping-alias')!.failing).toContain('USERMAP-PATH-001');
  expect(readFileSync(join(selected, 'selftest.md'), 'utf8')).toMatch(
    /\| usermapping-alias \| USERMAP-PATH-001 \| killed \| n\/a[^|]*\|/,
  );
  // The accounts' passwords travel only in the runs' environment, never into the reports.
  for (const dir of [selected, full])
    expect(readFileSync(join(dir, 'selftest', 'pristine', 'certificate.json'), 'utf8')).not.toMatch(
      /"password":\s*"(?!<redacted>)/,
    );
});

// The default column judged on the strict run (no inferred check failed there) is the one a
// default-mode run of its own gives: faults that fail no inferred requirement (integrity-all-ops), and
// ones whose tests fail outside any check, which fails inferred every-response ids in strict mode only
// (href-trailing-slash, object-is-own-first-and-last).
test('a default column judged on the strict run is the one a run of its own gives', async () => {
  test.setTimeout(0);
  const only = 'integrity-all-ops,href-trailing-slash,object-is-own-first-and-last';
  const shortcut = mkdtempSync(join(tmpdir(), 'sps-selftest-shortcut-'));
  const separate = mkdtempSync(join(tmpdir(), 'sps-selftest-separate-'));
  const codes = await Promise.all([
    selftestCommand({ only, out: shortcut }),
    selftestCommand({ only, out: separate, separateDefaultRuns: true }),
  ]);
  expect(codes).toEqual([0, 0]);
  expect(matrix(shortcut)).toEqual(matrix(separate));
  const runs = (dir: string) =>
    (JSON.parse(readFileSync(join(dir, 'selftest.json'), 'utf8')) as SelftestReport).faults.map(
      (f) => f.defaultMode?.separateRun === true,
    );
  expect(runs(shortcut)).toEqual([false, false, false]);
  expect(runs(separate)).toEqual([true, true, true]);
});
