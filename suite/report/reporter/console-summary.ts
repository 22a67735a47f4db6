// The lines a conformance run ends with on the console: where the certificate is, the totals, the
// score over evidenced requirements, the inferred line, and every WARN with what came back.
import type { Certificate } from '../certificate/certificate.ts';

function pct(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)} %`;
}

export function consoleSummary(file: string, c: Certificate): string {
  const t = c.totals;
  const i = c.score.inferred;
  const warns = c.requirements.filter((r) => r.verdict === 'WARN');
  const lines = [
    '',
    `Certificate: ${file} (run ${c.run.status}${c.run.reasons.length ? `: ${c.run.reasons.join('; ')}` : ''}; ${c.mode} mode; profile ${c.profile}, ${c.profileSource})`,
    `Requirements: ${t.PASS} PASS, ${t.FAIL} FAIL, ${t.WARN} WARN, ${t.ERROR} ERROR, ${t.SKIPPED} SKIPPED, ${t['NOT-TESTED']} NOT-TESTED`,
    `Score (documented, observed, standard): ${pct(c.score.value)} (${c.score.passed} of ${c.score.applicable})`,
    `Inferred requirements: ${i.passed} PASS, ${i.warned} WARN, ${i.failed} FAIL of ${i.applicable}`,
    ...(c.expectations ? [`Expectations: ${c.expectations.file} (sha256 ${c.expectations.sha256})`] : []),
    ...warns.flatMap((r) => [
      `WARN ${r.id} (inferred): ${r.statement}`,
      ...(r.warnings ?? []).slice(0, 3).map((w) => `  ${w.where}: expected ${w.expected}; got ${w.actual}`),
    ]),
    '',
  ];
  return lines.join('\n');
}
