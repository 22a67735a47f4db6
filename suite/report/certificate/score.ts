// The conformance score: the share of the profile's evidenced requirements this run showed to hold.
// Denominator: every documented, observed or standard catalog requirement that applies to the run's
// profile, whatever its verdict: FAIL, ERROR, SKIPPED and NOT-TESTED all count against it, so skipping
// or not testing never raises it. Inferred requirements (our guesses) get a line of their own.
import { isInferred, type Requirement } from '../../../contract/catalog.ts';
import type { RequirementVerdict, Verdict } from './verdicts.ts';

export interface Score {
  passed: number;
  applicable: number;
  /** passed / applicable, rounded to 4 decimals; null when no requirement applies. */
  value: number | null;
  definition: string;
  /** The inferred requirements: how many held (PASS), and how many a target did not meet (WARN/FAIL). */
  inferred: { passed: number; warned: number; failed: number; applicable: number };
}

export const SCORE_DEFINITION =
  'PASS / applicable over the documented, observed and standard requirements, where applicable = every such catalog requirement for this profile (PASS + FAIL + ERROR + SKIPPED + NOT-TESTED); inferred requirements are counted apart';

function ratio(passed: number, applicable: number): number | null {
  return applicable === 0 ? null : Math.round((passed / applicable) * 10_000) / 10_000;
}

export function conformanceScore(
  verdicts: readonly (Pick<RequirementVerdict, 'verdict'> & Pick<Requirement, 'basis'>)[],
): Score {
  const evidenced = verdicts.filter((v) => !isInferred(v));
  const inferred = verdicts.filter((v) => isInferred(v));
  const count = (list: typeof verdicts, verdict: Verdict) => list.filter((v) => v.verdict === verdict).length;
  const passed = count(evidenced, 'PASS');
  return {
    passed,
    applicable: evidenced.length,
    value: ratio(passed, evidenced.length),
    definition: SCORE_DEFINITION,
    inferred: {
      passed: count(inferred, 'PASS'),
      warned: count(inferred, 'WARN'),
      failed: count(inferred, 'FAIL'),
      applicable: inferred.length,
    },
  };
}
