// The kill matrix as files: reports/selftest.json (for machines) and reports/selftest.md (for people).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SelftestSettings } from '../target/settings.ts';
import type { FaultRow, PristineRow } from './kill-matrix.ts';

export interface SelftestReport {
  startedAt: string;
  seconds: number;
  fcSeed: number;
  fcRuns: number;
  /** Requirements count as failing with verdict FAIL or ERROR. */
  failingMeans: string;
  pristine: PristineRow;
  faults: FaultRow[];
  killed: number;
  total: number;
  survivors: string[];
  passed: boolean;
}

export function selftestReport(startedAt: Date, settings: SelftestSettings, pristine: PristineRow, faults: FaultRow[]): SelftestReport {
  const survivors = faults.filter((f) => !f.killed).map((f) => f.fault);
  return {
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    fcSeed: settings.fcSeed,
    fcRuns: settings.fcRuns,
    failingMeans: 'verdict FAIL or ERROR in the run certificate.json',
    pristine,
    faults,
    killed: faults.length - survivors.length,
    total: faults.length,
    survivors,
    passed: pristine.passed && survivors.length === 0,
  };
}

function ids(list: readonly string[]): string {
  return list.length ? list.join(', ') : '—';
}

export function selftestMarkdown(report: SelftestReport): string {
  const lines = [
    '# Self-test: kill matrix',
    '',
    `${report.passed ? 'PASSED' : 'FAILED'}: ${report.killed} of ${report.total} faults killed; pristine emulator ${report.pristine.passed ? 'passes' : `FAILS (${ids(report.pristine.failing)})`}.`,
    `Wall time ${report.seconds} s, FC_SEED ${report.fcSeed}, FC_RUNS ${report.fcRuns}. A requirement is failing when its verdict is FAIL or ERROR.`,
    '',
    'A run whose status is not COMPLETE (e.g. its setup failed) marks every test ERROR: such a kill says the suite noticed, not which assertion did.',
    '',
    '| fault | declared ids | failing ids | killed | missing ids | run |',
    '|---|---|---|---|---|---|',
    ...report.faults.map((f) => `| ${f.fault} | ${ids(f.declared)} | ${ids(f.failing)} | ${f.killed ? 'yes' : '**no**'} | ${ids(f.missing)} | ${f.runStatus} |`),
    '',
  ];
  return lines.join('\n');
}

export async function writeSelftestReport(dir: string, report: SelftestReport): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'selftest.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(dir, 'selftest.md'), selftestMarkdown(report));
}
