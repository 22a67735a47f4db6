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
  /** JSON { shard, runId, leftovers, changed } of the teardown's inventory comparison (specs/inventory.teardown.ts). */
  safety: 'sps-safety.json',
  /** JSON { shard, identity } of the setup's GET /api/info (specs/target.setup.ts). */
  target: 'sps-target.json',
  /** JSON { shard, reason } of the target-health sentinel, on every test that ended after it tripped. */
  targetHealth: 'sps-target-health.json',
} as const;

/** What a run-level attachment says, and which shard (null: unsharded) said it. */
export interface ShardNote<T> {
  shard: { current: number; total: number } | null;
  value: T;
}
/** The annotation with what a test cost the target (JSON of suite/client/cost.ts's Cost). */
export const COST_ANNOTATION = 'sps-cost';
