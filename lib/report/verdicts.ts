// Joins the catalog with test results. A requirement no test ran is NOT-TESTED: never a silent pass.
import type { Requirement } from './catalog.ts';

export type Verdict = 'PASS' | 'FAIL' | 'NOT-TESTED' | 'SKIPPED' | 'ERROR';

export type TestOutcome = 'passed' | 'failed' | 'skipped' | 'error';

export interface TestRecord {
  title: string;
  file: string;
  requirementIds: string[];
  outcome: TestOutcome;
  /** The skip reason or the first error line. */
  message?: string;
  /** The test's repro bundle, relative to the report dir, when it failed. */
  repro?: string;
}

export interface RequirementVerdict {
  id: string;
  area: string;
  statement: string;
  basis: Requirement['basis'];
  source: string;
  verdict: Verdict;
  tests: { title: string; file: string; outcome: TestOutcome; message?: string; repro?: string }[];
  reason?: string;
}

function verdictOf(tests: readonly TestRecord[]): Verdict {
  if (tests.length === 0) return 'NOT-TESTED';
  if (tests.some((t) => t.outcome === 'error')) return 'ERROR';
  if (tests.some((t) => t.outcome === 'failed')) return 'FAIL';
  if (tests.every((t) => t.outcome === 'skipped')) return 'SKIPPED';
  return 'PASS';
}

export function judge(catalog: readonly Requirement[], records: readonly TestRecord[]): RequirementVerdict[] {
  return catalog.map((req) => {
    const tests = records.filter((r) => r.requirementIds.includes(req.id));
    const verdict = verdictOf(tests);
    const reason = verdict === 'NOT-TESTED' ? (req.not_tested ?? 'no test checks this requirement') : skipReason(verdict, tests);
    return {
      id: req.id,
      area: req.area,
      statement: req.statement,
      basis: req.basis,
      source: req.source,
      verdict,
      tests: tests.map(({ title, file, outcome, message, repro }) => ({ title, file, outcome, ...(message ? { message } : {}), ...(repro ? { repro } : {}) })),
      ...(reason ? { reason } : {}),
    };
  });
}

function skipReason(verdict: Verdict, tests: readonly TestRecord[]): string | undefined {
  if (verdict !== 'SKIPPED') return undefined;
  return tests.find((t) => t.message)?.message ?? 'skipped by settings';
}

export function totals(verdicts: readonly RequirementVerdict[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { PASS: 0, FAIL: 0, 'NOT-TESTED': 0, SKIPPED: 0, ERROR: 0 };
  for (const v of verdicts) counts[v.verdict] += 1;
  return counts;
}

/** Ids named by tests but absent from the catalog: a spec claiming a rule nobody wrote down. */
export function unknownIds(catalog: readonly Requirement[], records: readonly TestRecord[]): string[] {
  const known = new Set(catalog.map((r) => r.id));
  return [...new Set(records.flatMap((r) => r.requirementIds))].filter((id) => !known.has(id)).sort();
}

export interface AreaTotals {
  area: string;
  totals: Record<Verdict, number>;
}

/** Totals per requirement area, areas in the catalog's order. */
export function areaTotals(verdicts: readonly RequirementVerdict[]): AreaTotals[] {
  const areas = [...new Set(verdicts.map((v) => v.area))];
  return areas.map((area) => ({ area, totals: totals(verdicts.filter((v) => v.area === area)) }));
}
