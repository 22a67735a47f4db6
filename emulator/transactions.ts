// One open transaction: its owner, its draft of the configuration, and its inactivity clock.
// Opening a transaction locks the configuration for everyone else (sps-api-facts §3.5).
import type { ConfigState } from './state.ts';

export const DEFAULT_TRANSACTION_TIMEOUT_MS = 600_000;

/** Another session holds the configuration lock. */
export class TransactionLockedError extends Error {
  constructor() {
    super('Another session has an open transaction; the configuration is locked');
  }
}

/** A write, or a commit, without an open transaction where one is needed. */
export class NoTransactionError extends Error {
  constructor(message = 'Open a transaction first') {
    super(message);
  }
}

export class Transaction {
  readonly owner: string;
  draft: ConfigState;
  #lastSeen: number;

  constructor(owner: string, base: ConfigState, now: number) {
    this.owner = owner;
    // The draft starts as the committed state itself; changes replace collections, never mutate them.
    this.draft = base;
    this.#lastSeen = now;
  }

  touch(now: number): void {
    this.#lastSeen = now;
  }

  expired(now: number, timeoutMs: number): boolean {
    return now - this.#lastSeen >= timeoutMs;
  }

  remainingSeconds(now: number, timeoutMs: number): number {
    return Math.max(0, Math.ceil((timeoutMs - (now - this.#lastSeen)) / 1000));
  }
}
