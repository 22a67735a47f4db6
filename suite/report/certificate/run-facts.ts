// What one Playwright run (or one shard of it) knows besides its verdicts: seed, settings, target, the
// target-health sentinel and the inventory safety check. The reporter gathers them from Playwright's
// results: the config's metadata and the tests' attachments.
import type { TargetIdentity } from './target-identity.ts';

/** The teardown's comparison of the configuration before and after the run (specs/inventory.teardown.ts). */
export interface SafetyResult {
  clean: boolean;
  leftovers: string[];
  changed: string[];
}

export interface RunFacts {
  shard: { current: number; total: number } | null;
  runId: string;
  profile: string;
  /** Why this profile: "SPS_PROFILE", "from firmware 7.4.1" or "default". */
  profileSource?: string;
  /** strict: inferred violations FAIL; default: they WARN. */
  mode?: 'strict' | 'default';
  /** The expectations file whose recorded answers the run held the target to, with its SHA-256. */
  expectations?: { file: string; sha256: string } | null;
  seed: number;
  fcRuns: number;
  settings: Record<string, unknown>;
  target: TargetIdentity;
  /** Playwright's overall status: passed, failed, timedout or interrupted. */
  playwrightStatus: string;
  /** The target-health sentinel's reason, when it tripped during this run. */
  targetBroke: string | null;
  safety: SafetyResult | null;
  /** Why the run selected a subset of the suite (--grep, a file filter, ...); makes it PARTIAL. */
  selection?: string[];
  /** Set when the facts themselves are missing or doubtful; makes the run INVALID. */
  problem?: string;
}

/** Why the run is INVALID because of the target, from the sentinel's reason (a test annotation); null: it held. */
export function targetBrokeReason(reason: string | undefined): string | null {
  if (reason === undefined) return null;
  return `the target stopped answering during the run${reason ? `: ${reason}` : ''}`;
}

/** The teardown's comparison as attached to its test; null when the teardown attached none. */
export function safetyResult(raw: unknown): SafetyResult | null {
  if (raw === undefined) return null;
  const fields = (raw && typeof raw === 'object' ? raw : {}) as { leftovers?: unknown; changed?: unknown };
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const leftovers = list(fields.leftovers);
  const changed = list(fields.changed);
  const readable = Array.isArray(fields.leftovers) && Array.isArray(fields.changed);
  return { clean: leftovers.length === 0 && changed.length === 0 && readable, leftovers, changed };
}
