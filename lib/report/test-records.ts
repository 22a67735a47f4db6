// Turns Playwright's test results into the verdict model's records.
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { TARGET_ERROR_MARK } from '../client/http.ts';
import type { TestOutcome, TestRecord } from './verdicts.ts';

export const REQUIREMENT_ANNOTATION = 'requirement';

export function requirementIds(test: TestCase): string[] {
  return test.annotations.filter((a) => a.type === REQUIREMENT_ANNOTATION && a.description).map((a) => a.description!.trim());
}

function outcomeOf(test: TestCase, result: TestResult | undefined): TestOutcome {
  const outcome = test.outcome();
  if (outcome === 'skipped') return 'skipped';
  if (outcome === 'expected') return 'passed';
  const interrupted = result?.status === 'interrupted';
  const targetBroke = result?.errors.some((e) => (e.message ?? '').includes(TARGET_ERROR_MARK));
  return interrupted || targetBroke ? 'error' : 'failed';
}

function messageOf(test: TestCase, result: TestResult | undefined, outcome: TestOutcome): string | undefined {
  if (outcome === 'skipped') return test.annotations.find((a) => a.type === 'skip')?.description;
  if (outcome === 'passed') return undefined;
  return result?.errors[0]?.message?.split('\n')[0];
}

export function recordOf(test: TestCase, result: TestResult | undefined): TestRecord {
  const outcome = outcomeOf(test, result);
  const message = messageOf(test, result, outcome);
  return {
    title: test.titlePath().slice(3).join(' › ') || test.title,
    file: test.location.file,
    requirementIds: requirementIds(test),
    outcome,
    ...(message ? { message } : {}),
  };
}
