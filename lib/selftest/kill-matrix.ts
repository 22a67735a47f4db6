// Judging one self-test run: which requirements failed, and whether a fault was killed, i.e. the suite
// failed and every requirement the fault claims to violate is among the failing ones.
import type { Verdict } from '../report/verdicts.ts';

/** What the self-test reads from a run's certificate.json. */
export interface CertificateVerdicts {
  requirements: { id: string; verdict: Verdict }[];
  /** INVALID when the run could not judge as designed (e.g. its setup failed): then every test is ERROR. */
  run?: { status?: string; reasons?: string[] };
}

/** A requirement counts as failing when its verdict is FAIL, or ERROR (the suite saw the target break). */
const FAILING: readonly Verdict[] = ['FAIL', 'ERROR'];

export function failingIds(certificate: CertificateVerdicts | undefined): string[] {
  return (certificate?.requirements ?? []).filter((r) => FAILING.includes(r.verdict)).map((r) => r.id).sort();
}

export interface RunResult {
  exitCode: number;
  certificate: CertificateVerdicts | undefined;
  seconds: number;
}

export interface FaultRow {
  fault: string;
  declared: string[];
  failing: string[];
  killed: boolean;
  /** Declared ids that did not fail: why a fault survives. */
  missing: string[];
  exitCode: number;
  seconds: number;
  /** The run's status from its certificate (COMPLETE, INVALID, ...): a kill by an INVALID run is a weak one. */
  runStatus: string;
}

function runStatusOf(certificate: CertificateVerdicts | undefined): string {
  if (!certificate) return 'no certificate';
  const status = certificate.run?.status ?? 'unknown';
  const reason = certificate.run?.reasons?.[0];
  return reason && status !== 'COMPLETE' ? `${status}: ${reason}` : status;
}

export function judgeFault(fault: string, declared: readonly string[], run: RunResult): FaultRow {
  const failing = failingIds(run.certificate);
  const missing = declared.filter((id) => !failing.includes(id));
  return {
    fault,
    declared: [...declared],
    failing,
    killed: run.exitCode !== 0 && run.certificate !== undefined && missing.length === 0,
    missing,
    exitCode: run.exitCode,
    seconds: run.seconds,
    runStatus: runStatusOf(run.certificate),
  };
}

export interface PristineRow {
  passed: boolean;
  failing: string[];
  exitCode: number;
  seconds: number;
}

export function judgePristine(run: RunResult): PristineRow {
  const failing = failingIds(run.certificate);
  return { passed: run.exitCode === 0 && run.certificate !== undefined && failing.length === 0, failing, exitCode: run.exitCode, seconds: run.seconds };
}
