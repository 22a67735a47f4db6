// Names of the test attachments and annotations the specs leave for the reporter. Specs never write files
// (STYLE.md, OCI example); they attach, and suite/report turns attachments into repro bundles.
export const ATTACHMENT = {
  /** JSON array of redacted exchanges (see ./exchange-record.ts), the last ones of the test. */
  exchanges: 'sps-exchanges.json',
  /** JSON { seed, path, numRuns, counterexample, defects, expect } of a failed fast-check property. */
  propertyFailure: 'fc-failure.json',
  /** JSON { status, code? } the test expected of its failing request, so `replay` can say FIXED. */
  expected: 'sps-expected.json',
  /** JSON { runId, leftovers, changed } of the teardown's inventory comparison (specs/inventory.teardown.ts). */
  safety: 'sps-safety.json',
} as const;

/** Annotation types the specs leave for the reporter besides requirement ids and evidence marks. */
export const ANNOTATION = {
  /** The target-health sentinel's reason, on every test that ended after it tripped. */
  targetHealth: 'sps-target-health',
} as const;
