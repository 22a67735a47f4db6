// Turns Playwright's test results into the verdict model's records.
import { stripVTControlCharacters } from 'node:util';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { TARGET_ERROR_MARK } from '../../client/target-error.ts';
import { COST_ANNOTATION } from './attachments.ts';
import { notTestedOf, violatedIds, warningsOf } from './evidence-marks.ts';
import type { Cost } from '../../client/cost.ts';
import type { TestOutcome, TestRecord } from '../certificate/verdicts.ts';

export const REQUIREMENT_ANNOTATION = 'requirement';

export function requirementIds(test: TestCase): string[] {
  return test.annotations
    .filter((a) => a.type === REQUIREMENT_ANNOTATION && a.description)
    .map((a) => a.description!.trim());
}

/** A test skipped without a reason of its own was skipped because the run's setup failed: an ERROR. */
function skippedBySetup(test: TestCase): boolean {
  return !test.annotations.some((a) => a.type === 'skip');
}

function outcomeOf(test: TestCase, result: TestResult | undefined, setupFailed: boolean): TestOutcome {
  const outcome = test.outcome();
  if (outcome === 'skipped') {
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? '';
    return (setupFailed && skippedBySetup(test)) || reason.includes(TARGET_ERROR_MARK) ? 'error' : 'skipped';
  }
  if (outcome === 'expected') return 'passed';
  const interrupted = result?.status === 'interrupted';
  const targetBroke = result?.errors.some((e) => (e.message ?? '').includes(TARGET_ERROR_MARK));
  return interrupted || targetBroke ? 'error' : 'failed';
}

function messageOf(test: TestCase, result: TestResult | undefined, outcome: TestOutcome): string | undefined {
  if (outcome === 'skipped') return test.annotations.find((a) => a.type === 'skip')?.description;
  if (outcome === 'error' && !result?.errors.length) return 'not run: the run setup (conformance-setup) failed';
  if (outcome === 'passed') return undefined;
  // Playwright colours its error messages for a terminal; a report file keeps the words, not the escapes.
  const first = result?.errors[0]?.message?.split('\n')[0];
  return first === undefined ? undefined : stripVTControlCharacters(first);
}

const COST_FIELDS = ['requests', 'logins', 'commits', 'rollbacks', 'bytesUploaded'] as const;

/** The test's cost annotation (specs/fixtures.ts `cost`), when it has a well-formed one. */
function costOf(marks: readonly { type: string; description?: string }[]): Cost | undefined {
  const text = [...marks].reverse().find((a) => a.type === COST_ANNOTATION)?.description;
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (!COST_FIELDS.every((f) => Number.isInteger(value[f]) && (value[f] as number) >= 0)) return undefined;
    return Object.fromEntries(COST_FIELDS.map((f) => [f, value[f]])) as unknown as Cost;
  } catch {
    return undefined;
  }
}

export function recordOf(test: TestCase, result: TestResult | undefined, setupFailed = false): TestRecord {
  const outcome = outcomeOf(test, result, setupFailed);
  const message = messageOf(test, result, outcome);
  // Marks pushed while the test ran live on the result (testInfo.annotations), not on the test case.
  const seen = new Set<string>();
  const marks = [...test.annotations, ...(result?.annotations ?? [])].filter(
    (a) => !seen.has(`${a.type}\u0000${a.description}`) && seen.add(`${a.type}\u0000${a.description}`),
  );
  const violated = violatedIds(marks);
  const warnings = warningsOf(marks);
  const notTested = outcome === 'skipped' ? notTestedOf(marks)[0] : undefined;
  const cost = costOf(marks);
  return {
    title: test.titlePath().slice(3).join(' › ') || test.title,
    file: test.location.file,
    requirementIds: [
      ...new Set(
        marks.filter((a) => a.type === REQUIREMENT_ANNOTATION && a.description).map((a) => a.description!.trim()),
      ),
    ],
    outcome,
    ...(message ? { message } : {}),
    ...(violated.length ? { violated } : {}),
    ...(warnings.length ? { warnings } : {}),
    ...(notTested ? { notTested } : {}),
    ...(cost ? { cost } : {}),
  };
}
