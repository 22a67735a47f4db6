// What a replay's answer means. The rule (also in `sps-conformance replay --help`):
// - The test's expectation is known (repro.json failing.expected): FIXED when the status and, if
//   expected, error.type now match it; otherwise STILL FAILING.
// - It is not known: STILL FAILING when status and error.type equal the recorded failing answer (the
//   body is not compared); CHANGED otherwise: the target answers differently, but nothing says the new
//   answer is right, so it is never called FIXED. Rerun the test for the verdict.
// FIXED covers status and error.type only; the test may check more (body, meta): rerun it to be sure.
import type { ExpectedAnswer, RecordedAnswer } from './repro-format.ts';

export type ReplayVerdict = 'FIXED' | 'STILL FAILING' | 'CHANGED';

export interface ReplayJudgement {
  verdict: ReplayVerdict;
  why: string;
}

const show = (a: { status: number; errorType?: string | null; code?: string }) =>
  `HTTP ${a.status}${(a.errorType ?? a.code) ? ` ${a.errorType ?? a.code}` : ''}`;

export function judgeReplay(
  failing: { recorded: RecordedAnswer; expected: ExpectedAnswer | null },
  now: RecordedAnswer,
): ReplayJudgement {
  const { expected, recorded } = failing;
  if (expected) {
    const matches = now.status === expected.status && (expected.code === undefined || now.errorType === expected.code);
    return matches
      ? { verdict: 'FIXED', why: `answered ${show(now)}, as the test expects (${expected.source})` }
      : {
          verdict: 'STILL FAILING',
          why: `answered ${show(now)}; the test expects ${show(expected)} (${expected.source})`,
        };
  }
  if (now.status === recorded.status && now.errorType === recorded.errorType) {
    return { verdict: 'STILL FAILING', why: `answered ${show(now)}, the same as when the test failed` };
  }
  return {
    verdict: 'CHANGED',
    why: `answered ${show(now)} instead of the recorded ${show(recorded)}; the test's expectation is not recorded, so this is not called fixed: rerun the test`,
  };
}
