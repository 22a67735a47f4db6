// What the "why" column of certificate.md/.html says for a requirement: the reason that belongs to its
// verdict, never another one. A PASS says how many tests passed (a skipped sibling's reason is not why
// it passed); FAIL and ERROR list the failing tests with their message, repro bundle and trace; WARN
// what was expected and what came back; SKIPPED and NOT-TESTED their reason.
import type { RequirementVerdict } from './verdicts.ts';

export interface ReasonLine {
  text: string;
  /** The test the line is about, when it is about one. */
  test?: string;
  /** Paths relative to the report dir. */
  repro?: string;
  trace?: string;
  report?: string;
}

function passLine(r: RequirementVerdict): ReasonLine {
  const passed = r.tests.filter((t) => t.outcome === 'passed').length;
  const skipped = r.tests.filter((t) => t.outcome === 'skipped').length;
  return { text: `${passed} test(s) passed${skipped ? `, ${skipped} skipped` : ''}` };
}

function failingLines(r: RequirementVerdict): ReasonLine[] {
  const outcome = r.verdict === 'ERROR' ? 'error' : 'failed';
  const lines = r.tests
    .filter((t) => t.outcome === outcome)
    .map((t) => ({
      test: t.title,
      text: t.message ?? t.outcome,
      ...(t.repro ? { repro: t.repro } : {}),
      ...(t.trace ? { trace: t.trace } : {}),
      ...(t.report ? { report: t.report } : {}),
    }));
  return lines.length ? lines : [{ text: r.reason ?? `the test(s) ${outcome}` }];
}

function warnLines(r: RequirementVerdict): ReasonLine[] {
  const lines = (r.warnings ?? []).map((w) => ({ test: w.where, text: `expected ${w.expected}; got ${w.actual}` }));
  return lines.length ? lines : [{ text: r.reason ?? 'the target does not meet this inferred requirement' }];
}

export function verdictReasons(r: RequirementVerdict): ReasonLine[] {
  switch (r.verdict) {
    case 'PASS':
      return [passLine(r)];
    case 'FAIL':
    case 'ERROR':
      return failingLines(r);
    case 'WARN':
      return warnLines(r);
    case 'SKIPPED':
      return [{ text: r.reason ?? 'skipped by settings' }];
    case 'NOT-TESTED':
      return [{ text: r.reason ?? 'no test checks this requirement' }];
  }
}
