// The target-health sentinel: once the target stops answering good requests correctly (login fails,
// answer after answer is a 5xx or a broken connection), the run stops testing it and is marked INVALID
// instead of reporting a flood of failures that say nothing about conformance.

/** Consecutive 5xx answers or transport failures that trip the sentinel. */
export const BAD_ANSWERS_TO_TRIP = 5;

export interface HealthVerdict {
  status: 'INVALID';
  reason: string;
  at: string;
}

export class Sentinel {
  #consecutiveBad = 0;
  #verdict: HealthVerdict | undefined;
  get tripped(): HealthVerdict | undefined {
    return this.#verdict;
  }

  /** Every answer the suite receives: a 5xx counts against the target, anything else resets the count. */
  observe(status: number): void {
    if (status >= 500) this.#bad(`${BAD_ANSWERS_TO_TRIP} answers in a row were HTTP 5xx (last ${status})`);
    else this.#consecutiveBad = 0;
  }

  /** A broken connection or a failed login of the configured user. */
  fault(reason: string, immediate = false): void {
    if (immediate) this.#trip(reason);
    else this.#bad(reason);
  }

  #bad(reason: string): void {
    this.#consecutiveBad += 1;
    if (this.#consecutiveBad >= BAD_ANSWERS_TO_TRIP) this.#trip(reason);
  }

  #trip(reason: string): void {
    if (this.#verdict) return;
    // The fixtures annotate each test that ends after this (specs/fixtures.ts healthGate): no file.
    this.#verdict = { status: 'INVALID', reason, at: new Date().toISOString() };
  }
}
