// The verdicts of `sps-conformance replay`, for its --help (kept apart so help loads no client code).
export const REPLAY_RULE = `Verdicts:
  FIXED          the answer now has the status (and error.type) the test expects; the expectation
                 comes from repro.json "failing.expected" (an sps-expected.json attachment, a
                 fast-check case label, or the assertion message). Only status and error.type are
                 compared: rerun the test to check the rest of the answer.
  STILL FAILING  with an expectation: the answer does not meet it; without one: the same status and
                 error.type as the recorded failing answer (the body is not compared).
  CHANGED        no expectation recorded and the answer differs from the recorded failure: never
                 called FIXED, since nothing says the new answer is right. Rerun the test.
Exit codes: 0 FIXED, 1 STILL FAILING, 3 CHANGED, 4 no answer (unreachable target, failed login), 2 usage error.`;
