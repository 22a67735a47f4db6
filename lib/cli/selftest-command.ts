// `sps-conformance selftest`: proves the suite can fail. Runs it against the pristine emulator (must
// pass) and against each catalogued fault (must fail, with every requirement the fault violates among
// the failing ones), two runs at a time; writes the kill matrix to <out>/selftest.json and .md.
import { join } from 'node:path';
import { FAULTS } from '../../emulator/faults/catalogue.ts';
import type { Fault } from '../../emulator/faults/fault.ts';
import { mapConcurrently } from '../selftest/concurrency.ts';
import { judgeFault, judgePristine, type FaultRow, type RunResult } from '../selftest/kill-matrix.ts';
import { selftestReport, writeSelftestReport } from '../selftest/selftest-report.ts';
import { selftestAccounts, suiteRun } from '../selftest/suite-run.ts';
import { selftestSettings, SettingsError } from '../target/settings.ts';
import { UsageError } from './usage-error.ts';

export interface SelftestOptions {
  /** Comma-separated fault names: run only these (the pristine run always runs). */
  only?: string;
  /** Where selftest.json/.md and the per-run reports go; `reports` by default. */
  out: string;
}

function chosenFaults(only: string | undefined): readonly Fault[] {
  if (only === undefined) return FAULTS;
  const names = only.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !FAULTS.some((f) => f.name === n));
  if (names.length === 0 || unknown.length > 0) throw new UsageError(`--only: unknown fault "${unknown[0] ?? only}" (see emulator --fault list)`);
  return FAULTS.filter((f) => names.includes(f.name));
}

function settings() {
  try {
    return selftestSettings();
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}

function progress(done: number, total: number, label: string, verdict: string, run: RunResult): void {
  const width = String(total).length;
  process.stdout.write(`selftest [${String(done).padStart(width)}/${total}] ${label.padEnd(36)} ${verdict.padEnd(12)} ${run.seconds.toFixed(1)} s\n`);
}

export async function selftestCommand(options: SelftestOptions): Promise<number> {
  const faults = chosenFaults(options.only);
  const config = settings();
  const accounts = selftestAccounts();
  const startedAt = new Date();
  const labels = ['pristine', ...faults.map((f) => f.name)];
  process.stdout.write(`selftest: the suite against the pristine emulator and ${faults.length} faults, ${config.concurrency} at a time (FC_SEED ${config.fcSeed}, FC_RUNS ${config.fcRuns})\n`);
  let done = 0;
  const runs = await mapConcurrently(labels, config.concurrency, async (label, index) => {
    const fault = index === 0 ? undefined : label;
    const run = await suiteRun({ label, fault, reportDir: join(options.out, 'selftest', label), settings: config, accounts });
    done += 1;
    const verdict = index === 0 ? (judgePristine(run).passed ? 'passes' : 'FAILS') : judgeFault(label, faults[index - 1]!.violates, run).killed ? 'killed' : 'SURVIVED';
    progress(done, labels.length, label, verdict, run);
    return run;
  });
  const pristine = judgePristine(runs[0]!);
  const rows: FaultRow[] = faults.map((f, i) => judgeFault(f.name, f.violates, runs[i + 1]!));
  const report = selftestReport(startedAt, config, pristine, rows);
  await writeSelftestReport(options.out, report);
  process.stdout.write(
    `selftest: ${report.killed}/${report.total} faults killed${report.survivors.length ? ` (survived: ${report.survivors.join(', ')})` : ''}; ` +
      `pristine ${pristine.passed ? 'passes' : `FAILS: ${pristine.failing.join(', ') || `exit ${pristine.exitCode}`}`}; ${report.seconds} s; ` +
      `${join(options.out, 'selftest.md')}\n`,
  );
  return report.passed ? 0 : 1;
}
