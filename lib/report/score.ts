// The conformance score: the share of the profile's requirements this run showed to hold.
// Denominator: every catalog requirement that applies to the run's profile, whatever its verdict:
// FAIL, ERROR, SKIPPED and NOT-TESTED all count against it, so skipping or not testing never raises it.
import type { Verdict } from './verdicts.ts';

export interface Score {
  passed: number;
  applicable: number;
  /** passed / applicable, rounded to 4 decimals; null when no requirement applies. */
  value: number | null;
  definition: string;
}

export const SCORE_DEFINITION =
  'PASS / applicable, where applicable = every catalog requirement for this profile (PASS + FAIL + ERROR + SKIPPED + NOT-TESTED)';

export function conformanceScore(totals: Record<Verdict, number>): Score {
  const applicable = Object.values(totals).reduce((a, b) => a + b, 0);
  const value = applicable === 0 ? null : Math.round((totals.PASS / applicable) * 10_000) / 10_000;
  return { passed: totals.PASS, applicable, value, definition: SCORE_DEFINITION };
}
