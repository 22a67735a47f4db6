// Judging one self-test run: which requirements failed, and whether a fault was killed, i.e. the suite
// failed and every requirement the fault claims to violate is among the failing ones. Two columns:
// strict (every declared id) and default mode (the declared ids whose basis is not `inferred`).
// A run that hit the self-test's time limit is TIMED OUT: neither killed nor survived, the self-test
// is broken and fails.

/** What the self-test reads from a run's certificate.json. Verdicts are plain strings (WARN counts as not failing). */
export interface CertificateVerdicts {
  requirements: { id: string; verdict: string; tests?: { violated?: boolean }[] }[];
  /** INVALID when the run could not judge as designed (e.g. its setup failed): then every test is ERROR. */
  run?: { status?: string; reasons?: string[] };
  /** strict or default; absent when the suite has a single mode. */
  mode?: string;
}

/** A requirement counts as failing when its verdict is FAIL, or ERROR (the suite saw the target break). */
const FAILING: readonly string[] = ['FAIL', 'ERROR'];

export function failingIds(certificate: CertificateVerdicts | undefined): string[] {
  return (certificate?.requirements ?? [])
    .filter((r) => FAILING.includes(r.verdict))
    .map((r) => r.id)
    .sort();
}

/** The ids a check of the run found violated (a failure elsewhere in a test names none). */
export function violatedRequirements(certificate: CertificateVerdicts | undefined): string[] {
  return (certificate?.requirements ?? [])
    .filter((r) => (r.tests ?? []).some((t) => t.violated === true))
    .map((r) => r.id)
    .sort();
}

export interface RunResult {
  exitCode: number;
  certificate: CertificateVerdicts | undefined;
  seconds: number;
  /** The run was stopped at the self-test's time limit. */
  timedOut?: boolean;
  /** How many tests the run selected (undefined: the whole suite). */
  tests?: number;
}

export type Outcome = 'killed' | 'SURVIVED' | 'TIMED OUT';

/** One fault in one mode. */
export interface ModeRow {
  declared: string[];
  failing: string[];
  outcome: Outcome;
  killed: boolean;
  /** Declared ids that did not fail: why a fault survives. */
  missing: string[];
  exitCode: number;
  seconds: number;
  /** The run's status from its certificate (COMPLETE, INVALID, ...): a kill by an INVALID run is a weak one. */
  runStatus: string;
  tests?: number;
  /** Default mode only: judged on a run of its own (false: the strict run served, see fault-plan.ts). */
  separateRun?: boolean;
}

export interface FaultRow extends ModeRow {
  fault: string;
  /** Default mode: judged on the declared ids that are not inferred; absent when the fault declares none. */
  defaultMode?: ModeRow;
}

function runStatusOf(run: RunResult): string {
  if (run.timedOut) return 'TIMED OUT';
  if (!run.certificate) return 'no certificate';
  const status = run.certificate.run?.status ?? 'unknown';
  const reason = run.certificate.run?.reasons?.[0];
  // A fault's run is PARTIAL by design (only the tests of its ids): only INVALID needs its reason.
  return reason && status === 'INVALID' ? `${status}: ${reason}` : status;
}

export function judgeMode(declared: readonly string[], run: RunResult): ModeRow {
  const failing = failingIds(run.certificate);
  const missing = declared.filter((id) => !failing.includes(id));
  const killed = !run.timedOut && run.exitCode !== 0 && run.certificate !== undefined && missing.length === 0;
  return {
    declared: [...declared],
    failing,
    outcome: run.timedOut ? 'TIMED OUT' : killed ? 'killed' : 'SURVIVED',
    killed,
    missing,
    exitCode: run.exitCode,
    seconds: run.seconds,
    runStatus: runStatusOf(run),
    ...(run.tests !== undefined ? { tests: run.tests } : {}),
  };
}

export function judgeFault(
  fault: string,
  declared: readonly string[],
  run: RunResult,
  defaultMode?: { declared: readonly string[]; run: RunResult },
): FaultRow {
  return {
    fault,
    ...judgeMode(declared, run),
    ...(defaultMode ? { defaultMode: judgeMode(defaultMode.declared, defaultMode.run) } : {}),
  };
}

export interface PristineRow {
  passed: boolean;
  failing: string[];
  exitCode: number;
  seconds: number;
  timedOut: boolean;
}

export function judgePristine(run: RunResult): PristineRow {
  const failing = failingIds(run.certificate);
  return {
    passed: !run.timedOut && run.exitCode === 0 && run.certificate !== undefined && failing.length === 0,
    failing,
    exitCode: run.exitCode,
    seconds: run.seconds,
    timedOut: run.timedOut === true,
  };
}
