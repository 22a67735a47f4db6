// Whether a run's verdicts can be trusted as a whole. INVALID when the run's setup failed, the target
// stopped answering (the target-health sentinel), the run was interrupted or timed out, shards are
// missing from a merge, or the run's facts are missing: its FAILs and PASSes then say more about the run than about the target.
// PARTIAL when it ran a subset of the suite (--grep, a file filter, ...): its verdicts stand, but it certifies nothing.
// Only a full run whose every check ran as designed is COMPLETE.
import type { RunFacts } from './run-facts.ts';

export type RunStatus = 'COMPLETE' | 'PARTIAL' | 'INVALID';

export interface RunState {
  status: RunStatus;
  /** Why the run is INVALID, or else why it is PARTIAL (the selection); empty when COMPLETE. */
  reasons: string[];
  /** Worth knowing but not invalidating, e.g. shards that used different seeds. */
  notes: string[];
}

function missingShards(facts: readonly RunFacts[]): string[] {
  const total = facts[0]?.shard?.total;
  if (!total) return [];
  const present = new Set(facts.map((f) => f.shard?.current));
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((n) => !present.has(n));
  return missing.map((n) => `shard ${n} of ${total} is missing from the merge`);
}

export function runState(facts: readonly RunFacts[], setupFailed: boolean): RunState {
  const reasons: string[] = [];
  if (setupFailed)
    reasons.push('the run setup (project conformance-setup) failed, so the specs did not run as designed');
  for (const f of facts) {
    const where = f.shard ? ` (shard ${f.shard.current} of ${f.shard.total})` : '';
    if (f.problem) reasons.push(f.problem);
    if (f.targetBroke) reasons.push(`${f.targetBroke}${where}`);
    if (f.playwrightStatus === 'interrupted') reasons.push(`the run was interrupted${where}`);
    if (f.playwrightStatus === 'timedout') reasons.push(`the run hit its global timeout${where}`);
  }
  reasons.push(...missingShards(facts));
  const notes: string[] = [];
  const seeds = [...new Set(facts.map((f) => f.seed))];
  if (seeds.length > 1)
    notes.push(`shards used different fast-check seeds (${seeds.join(', ')}); set FC_SEED for sharded runs`);
  if (reasons.length) return { status: 'INVALID', reasons, notes };
  const selection = [...new Set(facts.flatMap((f) => f.selection ?? []))];
  if (selection.length)
    return { status: 'PARTIAL', reasons: [`a subset of the suite ran (${selection.join(', ')})`], notes };
  return { status: 'COMPLETE', reasons, notes };
}
