// `sps-conformance selftest`: proves the suite can fail. Runs it against the pristine emulator (must
// pass, whole suite) and against each listed fault, each on its own emulator, as many at a time
// as the machine has cores. A fault must fail in strict mode with every id it declares failing, and,
// when it declares documented ids, also in default mode with those failing. By default a fault run
// runs only the tests carrying its declared ids (a fixed sample when none carries them, see
// commands/selftest/test-selection.ts), first a few of them that carry every declared id between them;
// --full runs the whole suite for every fault (the nightly mode). Writes the kill matrix to <out>/selftest.json and .md.
import { join } from 'node:path';
import { DEFAULT_PROFILE } from '../../contract/profiles.ts';
import { FAULTS } from '../../emulator/faults/fault-list.ts';
import type { Fault } from '../../emulator/faults/fault.ts';
import { mapConcurrently } from '../selftest/concurrency.ts';
import {
  planFaults,
  strictRunServesDefault,
  type FaultPlan,
  type PlannedRun,
  type TestList,
} from '../selftest/fault-plan.ts';
import {
  judgeFault,
  judgeMode,
  judgePristine,
  type FaultRow,
  type PristineRow,
  type RunResult,
  violatedRequirements,
} from '../selftest/kill-matrix.ts';
import { selftestReport, writeSelftestReport } from '../selftest/selftest-report.ts';
import { selftestAccounts, suiteRun } from '../selftest/suite-run.ts';
import { listSuiteTests } from '../selftest/test-selection.ts';
import {
  childEnvironment,
  selftestSettings,
  SettingsError,
  type SelftestSettings,
} from '../../suite/target/settings.ts';
import { UsageError } from './usage-error.ts';

export interface SelftestOptions {
  /** Comma-separated fault names: run only these (the pristine run always runs). */
  only?: string;
  /** Where selftest.json/.md and the per-run reports go; `reports` by default. */
  out: string;
  /** Every fault run runs the whole suite. */
  full?: boolean;
  /** Test hook: every default column is judged on a run of its own, never on the strict run. */
  separateDefaultRuns?: boolean;
}

function chosenFaults(only: string | undefined): readonly Fault[] {
  if (only === undefined) return FAULTS;
  const names = only
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !FAULTS.some((f) => f.name === n));
  if (names.length === 0 || unknown.length > 0)
    throw new UsageError(`--only: unknown fault "${unknown[0] ?? only}" (see emulator --fault list)`);
  return FAULTS.filter((f) => names.includes(f.name));
}

function settings(): SelftestSettings {
  try {
    return selftestSettings();
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}

function progress(done: number, total: number, label: string, verdict: string, seconds: number): void {
  const width = String(total).length;
  process.stdout.write(
    `selftest [${String(done).padStart(width)}/${total}] ${label.padEnd(36)} ${verdict.padEnd(30)} ${seconds.toFixed(1)} s\n`,
  );
}

interface Context {
  out: string;
  separateDefaultRuns: boolean;
  config: SelftestSettings;
  accounts: ReturnType<typeof selftestAccounts>;
}

/**
 * A planned run: its first try (a few tests carrying every declared id), and unless that killed the
 * fault, the whole selection. A kill by the first try is the whole selection's kill (kills only grow
 * with tests, commands/selftest/test-selection.ts); the seconds count both runs.
 */
async function plannedRun(
  planned: PlannedRun,
  run: (list: TestList | undefined) => Promise<RunResult>,
): Promise<RunResult> {
  if (!planned.firstTry) return run(planned.testList);
  const first = await run(planned.firstTry);
  if (first.timedOut || judgeMode(planned.declared, first).killed) return first;
  const whole = await run(planned.testList);
  return { ...whole, seconds: first.seconds + whole.seconds };
}

/** The strict run, then the default-mode run when the fault declares documented ids and the suite has modes. */
async function faultRuns(plan: FaultPlan, context: Context): Promise<FaultRow> {
  const base = { fault: plan.fault.name, settings: context.config, accounts: context.accounts };
  const strict = await plannedRun(plan.strict, (list) =>
    suiteRun({
      ...base,
      label: plan.fault.name,
      reportDir: join(context.out, 'selftest', plan.fault.name),
      strict: true,
      ...testList(list),
    }),
  );
  if (!plan.defaultMode) return judgeFault(plan.fault.name, plan.strict.declared, strict);
  const defaultPlan = plan.defaultMode;
  // A suite whose certificate names no mode has only one: its strict run is its default run too. A
  // strict run that timed out says the self-test is broken: the default column says so as well. A
  // strict run where no inferred check failed took the default-mode path (fault-plan.ts).
  const defaultRun: RunResult =
    strict.timedOut ||
    (strict.certificate && strict.certificate.mode === undefined) ||
    (!context.separateDefaultRuns &&
      strict.certificate !== undefined &&
      strictRunServesDefault(plan, violatedRequirements(strict.certificate)))
      ? strict
      : await plannedRun(defaultPlan, (list) =>
          suiteRun({
            ...base,
            label: `${plan.fault.name}.default`,
            reportDir: join(context.out, 'selftest', `${plan.fault.name}.default`),
            strict: false,
            ...testList(list),
          }),
        );
  const row = judgeFault(plan.fault.name, plan.strict.declared, strict, {
    declared: defaultPlan.declared,
    run: defaultRun,
  });
  return defaultRun === strict ? row : { ...row, defaultMode: { ...row.defaultMode!, separateRun: true } };
}

function testList(list: TestList | undefined): { testList?: TestList } {
  return list ? { testList: list } : {};
}

function verdictText(row: FaultRow): string {
  return `${row.outcome}${row.defaultMode ? ` | default ${row.defaultMode.outcome}` : ''}${row.tests !== undefined ? ` (${row.tests} tests)` : ''}`;
}

async function plans(faults: readonly Fault[], full: boolean, out: string): Promise<FaultPlan[]> {
  if (full) return planFaults(faults, undefined);
  // --list contacts no target: the address only keeps the config from starting the embedded emulator.
  const env = childEnvironment({
    SPS_URL: 'http://127.0.0.1:9',
    SPS_USERNAME: 'list-only',
    SPS_PASSWORD: 'list-only',
    SPS_PROFILE: DEFAULT_PROFILE,
    SPS_REPORT_DIR: join(out, 'selftest', 'list'),
    SPS_RUN_ID: undefined,
    SPS_BLOB_DIR: undefined,
  });
  return planFaults(faults, await listSuiteTests(env));
}

export async function selftestCommand(options: SelftestOptions): Promise<number> {
  const faults = chosenFaults(options.only);
  const config = settings();
  const context: Context = {
    out: options.out,
    separateDefaultRuns: options.separateDefaultRuns === true,
    config,
    accounts: selftestAccounts(),
  };
  const startedAt = new Date();
  // The pristine run starts while Playwright lists the suite for the fault plans: a core is free then.
  const planned = plans(faults, options.full === true, options.out);
  // Unplanned (the listing failed): the fault jobs end at once, the pristine run ends, then it throws.
  const planOf = async (index: number) => (await planned.catch(() => undefined))?.[index];
  const mode = options.full
    ? 'full (every fault runs the whole suite)'
    : 'selected (each fault runs the tests of its ids)';
  process.stdout.write(
    `selftest: the suite against the pristine emulator and ${faults.length} faults, ${config.concurrency} at a time, ${mode} (FC_SEED ${config.fcSeed}, FC_RUNS ${config.fcRuns})\n`,
  );
  const total = faults.length + 1;
  let done = 0;
  const jobs: (number | undefined)[] = [undefined, ...faults.map((_, i) => i)];
  const results = await mapConcurrently(jobs, config.concurrency, async (index) => {
    if (index === undefined) {
      const run = await suiteRun({
        label: 'pristine',
        fault: undefined,
        reportDir: join(options.out, 'selftest', 'pristine'),
        settings: config,
        accounts: context.accounts,
        strict: true,
      });
      const row = judgePristine(run);
      done += 1;
      progress(done, total, 'pristine', row.timedOut ? 'TIMED OUT' : row.passed ? 'passes' : 'FAILS', run.seconds);
      return row;
    }
    const plan = await planOf(index);
    if (!plan) return undefined;
    const row = await faultRuns(plan, context);
    done += 1;
    progress(
      done,
      total,
      plan.fault.name,
      verdictText(row),
      row.seconds + (row.defaultMode?.separateRun ? row.defaultMode.seconds : 0),
    );
    return row;
  });
  await planned;
  const pristine = results[0] as PristineRow;
  const rows = results.slice(1) as FaultRow[];
  const report = selftestReport(startedAt, config, options.full ? 'full' : 'selected', pristine, rows);
  await writeSelftestReport(options.out, report);
  process.stdout.write(`selftest: ${summary(report)}; ${report.seconds} s; ${join(options.out, 'selftest.md')}\n`);
  return report.passed ? 0 : 1;
}

function summary(report: ReturnType<typeof selftestReport>): string {
  const parts = [`${report.killed}/${report.total} faults killed`];
  if (report.survivors.length) parts[0] += ` (survived: ${report.survivors.join(', ')})`;
  if (report.timedOut.length) parts.push(`TIMED OUT (the self-test is broken): ${report.timedOut.join(', ')}`);
  parts.push(
    `default mode ${report.defaultKilled}/${report.defaultTotal} killed${report.defaultSurvivors.length ? ` (survived: ${report.defaultSurvivors.join(', ')})` : ''}`,
  );
  const p = report.pristine;
  parts.push(
    `pristine ${p.timedOut ? 'TIMED OUT' : p.passed ? 'passes' : `FAILS: ${p.failing.join(', ') || `exit ${p.exitCode}`}`}`,
  );
  return parts.join('; ');
}
