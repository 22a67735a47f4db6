// The brute-force brake: after `failures` wrong passwords in a row for one user name, that name is
// braked for `ms` milliseconds (doubling with each further failure, up to MAX_BRAKE_MS). While braked a
// login is answered 429 with Retry-After and its password is not even checked, so guessing gains
// nothing; a right password after the brake ends resets the count. Short and per account, so the
// suite's own logins (one wrong password on purpose) never meet it.
export const DEFAULT_BRAKE = { failures: 5, ms: 1000 } as const;
export const MAX_BRAKE_MS = 60_000;
/** User names tracked at most; the oldest are forgotten first (unknown names count too). */
const MAX_TRACKED = 10_000;

export interface BrakeSettings {
  failures: number;
  ms: number;
}

interface Record {
  failures: number;
  until: number;
}

export class LoginBrake {
  readonly #settings: BrakeSettings;
  readonly #now: () => number;
  readonly #byName = new Map<string, Record>();

  constructor(settings: BrakeSettings = DEFAULT_BRAKE, now: () => number = Date.now) {
    this.#settings = settings;
    this.#now = now;
  }

  /** Milliseconds `username` must still wait; 0 when it may try now. */
  waitMs(username: string): number {
    const record = this.#byName.get(username);
    return record ? Math.max(0, record.until - this.#now()) : 0;
  }

  failed(username: string): void {
    const record = this.#byName.get(username) ?? { failures: 0, until: 0 };
    record.failures++;
    const over = record.failures - this.#settings.failures;
    if (over >= 0) record.until = this.#now() + Math.min(MAX_BRAKE_MS, this.#settings.ms * 2 ** Math.min(over, 16));
    this.#byName.delete(username);
    this.#byName.set(username, record);
    if (this.#byName.size > MAX_TRACKED) this.#byName.delete(this.#byName.keys().next().value!);
  }

  succeeded(username: string): void {
    this.#byName.delete(username);
  }
}
