// The kill matrix as files: reports/selftest.json (for machines) and reports/selftest.md (for people),
// with the strict and the default-mode column side by side.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SelftestSettings } from '../../suite/target/settings.ts';
import type { FaultRow, ModeRow, PristineRow } from './kill-matrix.ts';

export interface SelftestReport {
  startedAt: string;
  seconds: number;
  /** selected: each fault ran the tests of its ids plus a sample; full: the whole suite. */
  selection: 'selected' | 'full';
  fcSeed: number;
  fcRuns: number;
  concurrency: number;
  /** Requirements count as failing with verdict FAIL or ERROR. */
  failingMeans: string;
  pristine: PristineRow;
  faults: FaultRow[];
  killed: number;
  total: number;
  survivors: string[];
  /** Runs stopped at the time limit: the self-test is broken, whatever the other rows say. */
  timedOut: string[];
  /** Faults that declare documented (non-inferred) ids, and how many of them default mode killed. */
  defaultTotal: number;
  defaultKilled: number;
  defaultSurvivors: string[];
  passed: boolean;
}

export function selftestReport(
  startedAt: Date,
  settings: SelftestSettings,
  selection: SelftestReport['selection'],
  pristine: PristineRow,
  faults: FaultRow[],
): SelftestReport {
  const survivors = faults.filter((f) => f.outcome === 'SURVIVED').map((f) => f.fault);
  const withDefault = faults.filter((f) => f.defaultMode);
  const defaultSurvivors = withDefault.filter((f) => f.defaultMode!.outcome === 'SURVIVED').map((f) => f.fault);
  const timedOut = [
    ...faults.filter((f) => f.outcome === 'TIMED OUT').map((f) => f.fault),
    ...withDefault.filter((f) => f.defaultMode!.outcome === 'TIMED OUT').map((f) => `${f.fault} (default mode)`),
    ...(pristine.timedOut ? ['pristine'] : []),
  ];
  return {
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    selection,
    fcSeed: settings.fcSeed,
    fcRuns: settings.fcRuns,
    concurrency: settings.concurrency,
    failingMeans: 'verdict FAIL or ERROR in the run certificate.json (WARN is not failing)',
    pristine,
    faults,
    killed: faults.filter((f) => f.killed).length,
    total: faults.length,
    survivors,
    timedOut,
    defaultTotal: withDefault.length,
    defaultKilled: withDefault.filter((f) => f.defaultMode!.killed).length,
    defaultSurvivors,
    passed: pristine.passed && faults.every((f) => f.killed && (!f.defaultMode || f.defaultMode.killed)),
  };
}

function ids(list: readonly string[]): string {
  return list.length ? list.join(', ') : '—';
}

function cell(row: ModeRow | undefined): string {
  if (!row) return 'n/a (declares only inferred ids)';
  if (row.outcome === 'killed') return 'killed';
  return `**${row.outcome}**${row.missing.length && row.outcome === 'SURVIVED' ? ` (missing ${ids(row.missing)})` : ''}`;
}

export function selftestMarkdown(report: SelftestReport): string {
  const lines = [
    '# Self-test: kill matrix',
    '',
    `${report.passed ? 'PASSED' : 'FAILED'}: strict mode killed ${report.killed} of ${report.total} faults; default mode killed ${report.defaultKilled} of the ${report.defaultTotal} faults that break a documented requirement; pristine emulator ${report.pristine.timedOut ? 'TIMED OUT' : report.pristine.passed ? 'passes' : `FAILS (${ids(report.pristine.failing)})`}.`,
    ...(report.timedOut.length
      ? ['', `TIMED OUT (the self-test is broken, not the suite): ${report.timedOut.join(', ')}.`]
      : []),
    '',
    `Wall time ${report.seconds} s, ${report.concurrency} runs at a time, FC_SEED ${report.fcSeed}, FC_RUNS ${report.fcRuns}. ` +
      (report.selection === 'full'
        ? 'Every fault ran the whole suite (--full).'
        : 'Each fault ran the tests that carry its declared ids (a fixed sample, stopping at the first failure, when no test carries them); --full runs the whole suite.'),
    'A requirement is failing when its verdict is FAIL or ERROR. Strict: the run fails and every declared id fails. Default mode: the run fails and every declared id whose basis is not inferred fails.',
    '',
    'A run whose status is not COMPLETE (e.g. its setup failed) marks every test ERROR: such a kill says the suite noticed, not which assertion did.',
    '',
    '| fault | declared ids | strict | default mode | failing ids (strict) | tests | run |',
    '|---|---|---|---|---|---|---|',
    ...report.faults.map(
      (f) =>
        `| ${f.fault} | ${ids(f.declared)} | ${cell(f)} | ${cell(f.defaultMode)} | ${ids(f.failing)} | ${f.tests ?? 'all'} | ${f.runStatus} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

export async function writeSelftestReport(dir: string, report: SelftestReport): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'selftest.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(dir, 'selftest.md'), selftestMarkdown(report));
}
