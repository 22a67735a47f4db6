// Names of the test attachments the specs leave for the reporter. Specs never write files
// (STYLE.md, OCI example); they attach, and suite/report turns attachments into repro bundles.
export const ATTACHMENT = {
  /** JSON array of redacted exchanges (see ./exchange-record.ts), the last ones of the test. */
  exchanges: 'sps-exchanges.json',
  /** JSON { seed, path, numRuns, counterexample, defects, expect } of a failed fast-check property. */
  propertyFailure: 'fc-failure.json',
  /**
   * JSON { status, code?, id, label?, request? } the test expected of its failing request, written by
   * specs/evidence.ts's expectError, so `replay` can say FIXED.
   */
  expected: 'sps-expected.json',
} as const;

/** The annotation with what a test cost the target (JSON of suite/client/cost.ts's Cost). */
export const COST_ANNOTATION = 'sps-cost';
