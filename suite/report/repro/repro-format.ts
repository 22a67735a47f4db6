// repro.json: the index of one repro bundle, read by `sps-conformance replay`.
export const REPRO_FORMAT = 'sps-conformance-repro/1';
export const REPRO_INDEX = 'repro.json';
export const REPLAY_SCRIPT = 'replay.sh';

export interface ExpectedAnswer {
  status: number;
  /** error.type the test expected; absent when it expected no error or did not say. */
  code?: string;
  /** Where the expectation came from: an attachment, a fast-check label, or the assertion's message. */
  source: string;
}

export interface RecordedAnswer {
  status: number;
  errorType: string | null;
}

export interface ReproExchange {
  n: number;
  /** setup (fixtures before the test), test (the test body), teardown (fixtures after it). */
  phase: 'setup' | 'test' | 'teardown';
  method: string;
  path: string;
  /** Redacted: credentials and cookies are placeholders such as $SPS_SESSION_ID. */
  headers: Record<string, string>;
  /** request-N.bin, the exact body bytes sent (secrets the test knew replaced by $SPS_SECRET). */
  requestFile: string | null;
  responseFile: string;
  response: RecordedAnswer;
}

export interface ReproIndex {
  format: typeof REPRO_FORMAT;
  test: { title: string; file: string; line: number; project: string };
  requirementIds: string[];
  outcome: 'failed' | 'error';
  error: string;
  run: { runId: string; profile: string; seed: number; fcRuns: number; targetUrl: string };
  property: { seed: unknown; path: unknown; numRuns: unknown; counterexample: unknown; error: unknown } | null;
  shrunkCaseFile: string | null;
  /** The request the bundle replays, and how it was chosen. Null when the test recorded no exchange. */
  failing: { exchange: number; selection: string; recorded: RecordedAnswer; expected: ExpectedAnswer | null } | null;
  exchanges: ReproExchange[];
}
