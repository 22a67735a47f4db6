// A run's exit code from the certificate it wrote (exit-codes.ts): INVALID or no certificate is 3, a
// FAIL or ERROR is 1, else Playwright's own pass (0) or fail (1). `run` and `merge` both end here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_FAIL, EXIT_INVALID, EXIT_PASS } from './exit-codes.ts';

/** The status and FAIL/ERROR count of the certificate this run (runId; any when unset) wrote; undefined when it wrote none. */
export function certificateOutcome(dir: string, runId?: string): { status: string; failed: boolean } | undefined {
  try {
    const cert = JSON.parse(readFileSync(join(dir, 'certificate.json'), 'utf8')) as {
      run?: { id?: string; status?: string };
      totals?: Record<string, number>;
    };
    if (runId !== undefined && cert.run?.id !== runId) return undefined;
    const failed = (cert.totals?.FAIL ?? 0) + (cert.totals?.ERROR ?? 0) > 0;
    return { status: cert.run?.status ?? 'unknown', failed };
  } catch {
    return undefined;
  }
}

/** Exit 3 for an INVALID run or one that wrote no certificate though it should have; else Playwright's pass or fail. */
export function exitCode(code: number, outcome: ReturnType<typeof certificateOutcome>, noCertificate: boolean): number {
  if (noCertificate) return code;
  if (!outcome) {
    process.stderr.write('sps-conformance: run INVALID: the run ended without writing a certificate\n');
    return EXIT_INVALID;
  }
  if (outcome.status === 'INVALID') return EXIT_INVALID;
  return code === 0 && !outcome.failed ? EXIT_PASS : EXIT_FAIL;
}
