// The certificate: what was tested (suite version and content hash), against what (target, profile,
// seed, settings without secrets), whether the run itself held up, and the verdict per requirement.
import type { Requirement } from '../../../contract/catalog.ts';
import { costSummary, type CostSummary } from './cost-summary.ts';
import type { Seal } from './seal.ts';
import { seal } from './seal.ts';
import type { RunFacts, SafetyResult } from './run-facts.ts';
import { runState, type RunStatus } from './run-status.ts';
import { conformanceScore, type Score } from './score.ts';
import type { SuiteHash } from './suite-hash.ts';
import { SUITE_NAME, SUITE_VERSION } from './suite-version.ts';
import type { TargetIdentity } from './target-identity.ts';
import {
  areaTotals,
  judge,
  totals,
  unknownIds,
  type AreaTotals,
  type RequirementVerdict,
  type TestRecord,
  type Verdict,
} from './verdicts.ts';

export const CERTIFICATE_FORMAT = 'sps-conformance-certificate/1';

export interface Certificate {
  format: typeof CERTIFICATE_FORMAT;
  suite: { name: string; version: string; contentHash: SuiteHash };
  generatedAt: string;
  run: { id: string; status: RunStatus; reasons: string[]; notes: string[]; shards: number; playwrightStatus: string };
  target: TargetIdentity;
  profile: string;
  /** Why this profile: "SPS_PROFILE", "from firmware <version>" or "default". */
  profileSource: string;
  /** strict: an inferred requirement a target does not meet FAILs; default: it is WARN. */
  mode: 'strict' | 'default';
  /** The expectations file (sps-conformance observe) the run held the target to; null without one. */
  expectations: { file: string; sha256: string } | null;
  seed: number;
  fcRuns: number;
  settings: Record<string, unknown>;
  score: Score;
  totals: Record<Verdict, number>;
  areas: AreaTotals[];
  tests: { passed: number; failed: number; skipped: number; error: number };
  /** The inventory check of specs/inventory.teardown.ts; null when it did not run (e.g. writes off). */
  safety: SafetyResult | null;
  /** What the run cost the target: requests, logins, commits, rollbacks, bytes sent, per area. */
  cost: CostSummary;
  unknownRequirementIds: string[];
  requirements: RequirementVerdict[];
  integrity: Seal;
}

export interface CertificateInput {
  catalog: readonly Requirement[];
  records: readonly TestRecord[];
  /** One entry for an unsharded run, one per shard for a merge. */
  facts: readonly RunFacts[];
  setupFailed: boolean;
  suiteHash: SuiteHash;
  generatedAt?: Date;
}

function mergedSafety(facts: readonly RunFacts[]): SafetyResult | null {
  const checked = facts.map((f) => f.safety).filter((s): s is SafetyResult => s !== null);
  if (checked.length === 0) return null;
  const leftovers = [...new Set(checked.flatMap((s) => s.leftovers))].sort();
  const changed = [...new Set(checked.flatMap((s) => s.changed))].sort();
  return { clean: checked.every((s) => s.clean), leftovers, changed };
}

/** The worst Playwright status of the shards: failed > timedout > interrupted > passed. */
function overallStatus(facts: readonly RunFacts[]): string {
  for (const status of ['failed', 'timedout', 'interrupted'])
    if (facts.some((f) => f.playwrightStatus === status)) return status;
  return facts[0]?.playwrightStatus ?? 'unknown';
}

export function buildCertificate(input: CertificateInput): Certificate {
  const first = input.facts[0];
  if (!first) throw new Error('buildCertificate: no run facts');
  const mode = first.mode ?? 'strict';
  const verdicts = judge(input.catalog, input.records, { strict: mode === 'strict' });
  const count = (outcome: TestRecord['outcome']) => input.records.filter((r) => r.outcome === outcome).length;
  const state = runState(input.facts, input.setupFailed);
  const sums = totals(verdicts);
  return seal<Omit<Certificate, 'integrity'>>({
    format: CERTIFICATE_FORMAT,
    suite: { name: SUITE_NAME, version: SUITE_VERSION, contentHash: input.suiteHash },
    generatedAt: (input.generatedAt ?? new Date()).toISOString(),
    run: { id: first.runId, ...state, shards: first.shard?.total ?? 1, playwrightStatus: overallStatus(input.facts) },
    target: first.target,
    profile: first.profile,
    profileSource: first.profileSource ?? 'default',
    mode,
    expectations: first.expectations ?? null,
    seed: first.seed,
    fcRuns: first.fcRuns,
    settings: first.settings,
    score: conformanceScore(verdicts),
    totals: sums,
    areas: areaTotals(verdicts),
    tests: { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), error: count('error') },
    safety: mergedSafety(input.facts),
    cost: costSummary(input.catalog, input.records),
    unknownRequirementIds: unknownIds(input.catalog, input.records),
    requirements: verdicts,
  });
}
