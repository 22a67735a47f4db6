// The lines a conformance run ends with on the console: the totals, the score over evidenced
// requirements, the inferred line, every WARN with what came back, and last every file the run wrote
// as an absolute path with the command that opens the HTML report. Colour only on a terminal, and
// never when NO_COLOR is set (https://no-color.org) or FORCE_COLOR is 0. FORCE_COLOR=1 does not force
// it: Playwright sets that for its workers, and a run started from a test must print plain words.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Certificate } from '../certificate/certificate.ts';
import { CERTIFICATE_FILES } from '../certificate/report-files.ts';
import type { Verdict } from '../certificate/verdicts.ts';

function pct(value: number | null): string {
  return value === null ? 'n/a' : `${(value * 100).toFixed(1)} %`;
}

export function colourWanted(env: { NO_COLOR?: string; FORCE_COLOR?: string }, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  return isTTY;
}

const SGR: Partial<Record<Verdict, string>> = { PASS: '32', FAIL: '31', ERROR: '31', WARN: '33' };

function painter(colour: boolean): (verdict: Verdict, text: string) => string {
  return (verdict, text) => {
    const code = SGR[verdict];
    return colour && code ? `\u001b[${code}m${text}\u001b[39m` : text;
  };
}

/** Every output of the run in the report dir that exists, absolute. */
export function reportPaths(reportDir: string): { label: string; path: string }[] {
  const dir = resolve(reportDir);
  const candidates = [
    { label: 'Certificate', path: join(dir, CERTIFICATE_FILES.json) },
    { label: 'Certificate (Markdown)', path: join(dir, CERTIFICATE_FILES.markdown) },
    { label: 'Certificate (HTML)', path: join(dir, CERTIFICATE_FILES.html) },
    { label: 'Repro bundles', path: join(dir, 'repro') },
    { label: 'JUnit', path: join(dir, 'junit.xml') },
    { label: 'HTML report', path: join(dir, 'html') },
  ];
  return candidates.filter((c) => existsSync(c.path));
}

/** `path` as one shell word: quoted only when it needs to be. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

export interface SummaryOptions {
  colour?: boolean;
}

export function consoleSummary(reportDir: string, c: Certificate, options: SummaryOptions = {}): string {
  const paint = painter(options.colour ?? false);
  const t = c.totals;
  const i = c.score.inferred;
  const warns = c.requirements.filter((r) => r.verdict === 'WARN');
  const paths = reportPaths(reportDir);
  const html = paths.find((p) => p.label === 'HTML report');
  const lines = [
    '',
    `Run ${c.run.status}${c.run.reasons.length ? `: ${c.run.reasons.join('; ')}` : ''}; ${c.mode} mode; profile ${c.profile}, ${c.profileSource}`,
    `Requirements: ${paint('PASS', `${t.PASS} PASS`)}, ${paint('FAIL', `${t.FAIL} FAIL`)}, ${paint('WARN', `${t.WARN} WARN`)}, ${paint('ERROR', `${t.ERROR} ERROR`)}, ${t.SKIPPED} SKIPPED, ${t['NOT-TESTED']} NOT-TESTED`,
    `Score (documented, observed, standard): ${pct(c.score.value)} (${c.score.passed} of ${c.score.applicable})`,
    `Inferred requirements: ${i.passed} PASS, ${i.warned} WARN, ${i.failed} FAIL of ${i.applicable}`,
    ...(c.expectations ? [`Expectations: ${c.expectations.file} (sha256 ${c.expectations.sha256})`] : []),
    ...warns.flatMap((r) => [
      `${paint('WARN', 'WARN')} ${r.id} (inferred): ${r.statement}`,
      ...(r.warnings ?? []).slice(0, 3).map((w) => `  ${w.where}: expected ${w.expected}; got ${w.actual}`),
    ]),
    '',
    ...paths.map((p) => `${p.label}: ${p.path}`),
    ...(html ? [`Open the HTML report with: npx playwright show-report ${shellWord(html.path)}`] : []),
    '',
  ];
  return lines.join('\n');
}
