// What one Playwright run (or one shard of it) knows beyond its test results: seed, settings, target,
// the target-health sentinel and the inventory safety check. A sharded run leaves these facts beside
// its blob report, so `merge` can build the same certificate an unsharded run would.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  /** The target-health sentinel's reason, when it wrote target-health.json during this run. */
  targetBroke: string | null;
  safety: SafetyResult | null;
  /** Why the run selected a subset of the suite (--grep, a file filter, ...); makes it PARTIAL. */
  selection?: string[];
  /** Set when the facts themselves are missing or doubtful; makes the run INVALID. */
  problem?: string;
}

export const TARGET_HEALTH_FILE = 'target-health.json';
export const SAFETY_FILE = 'safety.json';
const SHARD_FACTS = /^sps-shard-(\d+)-of-(\d+)\.json$/;

/** A JSON file of the report dir, only if this run wrote it (older ones are a previous run's). */
function readRunFile(dir: string, name: string, runStartedAt: number): unknown {
  const file = join(dir, name);
  if (!existsSync(file) || statSync(file).mtimeMs < runStartedAt - 1_000) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { unreadable: true };
  }
}

export function targetBrokeReason(dir: string, runStartedAt: number): string | null {
  const health = readRunFile(dir, TARGET_HEALTH_FILE, runStartedAt) as
    | { reason?: unknown; message?: unknown }
    | undefined;
  if (health === undefined) return null;
  const reason =
    typeof health.reason === 'string' ? health.reason : typeof health.message === 'string' ? health.message : undefined;
  return `the target stopped answering during the run${reason ? `: ${reason}` : ` (see ${TARGET_HEALTH_FILE})`}`;
}

export function safetyResult(dir: string, runStartedAt: number): SafetyResult | null {
  const raw = readRunFile(dir, SAFETY_FILE, runStartedAt) as { leftovers?: unknown; changed?: unknown } | undefined;
  if (raw === undefined) return null;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const leftovers = list(raw.leftovers);
  const changed = list(raw.changed);
  return { clean: leftovers.length === 0 && changed.length === 0 && !('unreadable' in raw), leftovers, changed };
}

export function shardFactsFile(dir: string, shard: { current: number; total: number }): string {
  return join(dir, `sps-shard-${shard.current}-of-${shard.total}.json`);
}

export function writeShardFacts(dir: string, facts: RunFacts): string {
  if (!facts.shard) throw new Error('writeShardFacts: the run is not sharded');
  mkdirSync(dir, { recursive: true });
  const file = shardFactsFile(dir, facts.shard);
  writeFileSync(file, `${JSON.stringify(facts, null, 2)}\n`);
  return file;
}

export function readShardFacts(dir: string): RunFacts[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => SHARD_FACTS.test(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RunFacts)
    .sort((a, b) => (a.shard?.current ?? 0) - (b.shard?.current ?? 0));
}
