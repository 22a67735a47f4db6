// Joins the catalog with test results. A requirement no test ran is NOT-TESTED: never a silent pass.
// Verdicts follow the evidence (README "For vendor QA"): a test's `violated` marks name the requirement
// its failure broke; an inferred requirement a target does not meet is WARN in default mode (a `warn`
// mark), FAIL in strict mode. A failed test's other requirements are not judged by it: not PASS.
import { isInferred, type Requirement } from '../../../contract/catalog.ts';
import type { Cost } from '../../client/cost.ts';
import type { NotTested, Warning } from '../reporter/evidence-marks.ts';

export type Verdict = 'PASS' | 'FAIL' | 'WARN' | 'NOT-TESTED' | 'SKIPPED' | 'ERROR';

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
  /** The test's Playwright trace (in its repro bundle), relative to the report dir, when one was recorded. */
  trace?: string;
  /** The test's page in Playwright's HTML report, relative to the report dir. */
  report?: string;
  /** Requirements the test's failure named (the `violated` marks of specs/evidence.ts). */
  violated?: string[];
  /** Inferred requirements the target did not meet, in default mode. */
  warnings?: Warning[];
  /** Set when the target refused what a check needs: its ids are NOT-TESTED by this test. */
  notTested?: NotTested;
  /** What the test cost the target (its cost annotation); absent when it never started. */
  cost?: Cost;
}

export interface RequirementVerdict {
  id: string;
  area: string;
  statement: string;
  basis: Requirement['basis'];
  source: string;
  verdict: Verdict;
  tests: {
    title: string;
    file: string;
    outcome: TestOutcome;
    /** The test's own check of this requirement failed (not another check, nor the test elsewhere). */
    violated?: true;
    message?: string;
    repro?: string;
    trace?: string;
    report?: string;
  }[];
  reason?: string;
  /** For WARN: what each check expected and what came back. */
  warnings?: (Omit<Warning, 'id'> & { test: string })[];
}

/** What one test says about one requirement; null when it did not get to judge it. */
function contribution(req: Requirement, t: TestRecord, strict: boolean): Verdict | null {
  if (t.notTested && (t.notTested.ids.length === 0 || t.notTested.ids.includes(req.id))) return 'NOT-TESTED';
  if ((t.violated ?? []).includes(req.id)) return t.outcome === 'error' ? 'ERROR' : 'FAIL';
  if (t.outcome === 'error') return 'ERROR';
  const warned = (t.warnings ?? []).some((w) => w.id === req.id);
  if (t.outcome === 'failed') {
    // The failure named other requirements: this one was not reached, or held before it; not a PASS.
    if ((t.violated ?? []).length > 0) return warned ? 'WARN' : null;
    if (!isInferred(req)) return 'FAIL';
    return strict ? 'FAIL' : 'WARN';
  }
  if (t.outcome === 'skipped') return 'SKIPPED';
  return warned ? 'WARN' : 'PASS';
}

const PRECEDENCE: readonly Verdict[] = ['ERROR', 'FAIL', 'WARN', 'PASS', 'SKIPPED', 'NOT-TESTED'];

function verdictOf(contributions: readonly (Verdict | null)[]): Verdict {
  const given = contributions.filter((c): c is Verdict => c !== null);
  return PRECEDENCE.find((v) => given.includes(v)) ?? 'NOT-TESTED';
}

export interface JudgeOptions {
  /** Strict mode: an unattributed failure of an inferred requirement FAILs rather than WARNs. */
  strict?: boolean;
}

export function judge(
  catalog: readonly Requirement[],
  records: readonly TestRecord[],
  options: JudgeOptions = {},
): RequirementVerdict[] {
  const strict = options.strict ?? true;
  return catalog.map((req) => {
    const tests = records.filter((r) => r.requirementIds.includes(req.id));
    const verdict = verdictOf(tests.map((t) => contribution(req, t, strict)));
    const reason = verdict === 'NOT-TESTED' ? notTestedReason(req, tests) : skipReason(verdict, tests);
    const warnings = verdict === 'WARN' ? warningsFor(req, tests) : [];
    return {
      id: req.id,
      area: req.area,
      statement: req.statement,
      basis: req.basis,
      source: req.source,
      verdict,
      tests: tests.map(({ title, file, outcome, message, repro, trace, report, violated }) => ({
        title,
        file,
        outcome,
        ...(violated?.includes(req.id) ? { violated: true as const } : {}),
        ...(message ? { message } : {}),
        ...(repro ? { repro } : {}),
        ...(trace ? { trace } : {}),
        ...(report ? { report } : {}),
      })),
      ...(reason ? { reason } : {}),
      ...(warnings.length ? { warnings } : {}),
    };
  });
}

function notTestedReason(req: Requirement, tests: readonly TestRecord[]): string {
  const refused = tests.find((t) => t.notTested && (t.notTested.ids.length === 0 || t.notTested.ids.includes(req.id)))
    ?.notTested?.reason;
  if (refused) return refused;
  if (tests.length > 0) return 'the tests that check it failed on another requirement before reaching it';
  return req.not_tested ?? 'no test checks this requirement';
}

function warningsFor(req: Requirement, tests: readonly TestRecord[]): NonNullable<RequirementVerdict['warnings']> {
  const out: NonNullable<RequirementVerdict['warnings']> = [];
  for (const t of tests) {
    for (const w of t.warnings ?? [])
      if (w.id === req.id) out.push({ test: t.title, where: w.where, expected: w.expected, actual: w.actual });
    if (t.outcome === 'failed' && !(t.violated ?? []).length && isInferred(req))
      out.push({ test: t.title, where: t.title, expected: req.statement, actual: t.message ?? 'the test failed' });
  }
  return out;
}

function skipReason(verdict: Verdict, tests: readonly TestRecord[]): string | undefined {
  if (verdict !== 'SKIPPED') return undefined;
  return tests.find((t) => t.message)?.message ?? 'skipped by settings';
}

export function totals(verdicts: readonly RequirementVerdict[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { PASS: 0, FAIL: 0, WARN: 0, 'NOT-TESTED': 0, SKIPPED: 0, ERROR: 0 };
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
