// Configuration state without HTTP: the committed state, and at most one open transaction whose draft
// only its owner sees. Sessions are known here only by their id.
import type { Deviations } from './faults/fault.ts';
import { emptyState, findPlugin, type ConfigState } from './state.ts';
import {
  DEFAULT_TRANSACTION_TIMEOUT_MS,
  NoTransactionError,
  Transaction,
  TransactionLockedError,
} from './transactions.ts';

export interface StoreOptions {
  transactionTimeoutMs?: number;
  now?: () => number;
  /** Self-test faults only: leaked drafts, no lock, rollbacks and logouts that end the wrong things. */
  deviations?: Pick<Deviations, 'leakDrafts' | 'noLock' | 'keepReuploadsOnRollback' | 'anyLogoutEndsTransaction'>;
}

export class Store {
  #committed: ConfigState;
  #open: Transaction | undefined;
  readonly #timeoutMs: number;
  readonly #now: () => number;
  readonly #leakDrafts: boolean;
  readonly #noLock: boolean;
  readonly #deviations: StoreOptions['deviations'];

  constructor(initial: ConfigState = emptyState(), options: StoreOptions = {}) {
    this.#committed = initial;
    this.#timeoutMs = options.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS;
    this.#now = options.now ?? Date.now;
    this.#leakDrafts = options.deviations?.leakDrafts ?? false;
    this.#noLock = options.deviations?.noLock ?? false;
    this.#deviations = options.deviations;
  }

  get committed(): ConfigState {
    return this.#committed;
  }

  /** The open transaction, after discarding it if it has been idle too long. */
  #current(): Transaction | undefined {
    if (this.#open?.expired(this.#now(), this.#timeoutMs)) this.#open = undefined;
    return this.#open;
  }

  #ownedBy(session: string): Transaction | undefined {
    const open = this.#current();
    return open?.owner === session ? open : undefined;
  }

  /** What `session` sees: its own draft while it has a transaction, else the committed state. */
  view(session: string | undefined): ConfigState {
    // Fault `uncommitted-changes-visible`: everyone reads the open draft.
    const own = this.#leakDrafts ? this.#current() : session === undefined ? undefined : this.#ownedBy(session);
    return own ? own.draft : this.#committed;
  }

  /** Seconds left of `session`'s transaction; undefined when it has none open. */
  remainingSeconds(session: string): number | undefined {
    return this.#ownedBy(session)?.remainingSeconds(this.#now(), this.#timeoutMs);
  }

  /** Any request of the owner restarts its transaction's inactivity clock. */
  touch(session: string): void {
    this.#ownedBy(session)?.touch(this.#now());
  }

  /** Opens a transaction for `session`; false when it already had one. */
  open(session: string): boolean {
    const open = this.#current();
    if (open?.owner === session) return false;
    // Fault `no-configuration-lock`: the newcomer takes the transaction over.
    if (open && !this.#noLock) throw new TransactionLockedError();
    this.#open = new Transaction(session, this.#committed, this.#now());
    return true;
  }

  /**
   * The state a write by `session` starts from. Throws when another session holds the lock, or when
   * there is no transaction and `autoOpen` is off. Opens nothing: see `save`.
   */
  writeBase(session: string, autoOpen: boolean): ConfigState {
    const open = this.#current();
    if (open && open.owner !== session && !this.#noLock) throw new TransactionLockedError();
    if (open?.owner === session) return open.draft;
    if (!autoOpen) throw new NoTransactionError();
    return this.#committed;
  }

  /** Records a write's result as `session`'s draft, opening the transaction if needed. */
  save(session: string, autoOpen: boolean, next: ConfigState): void {
    this.writeBase(session, autoOpen);
    this.open(session);
    this.#ownedBy(session)!.draft = next;
  }

  /**
   * Makes `session`'s draft the committed state and closes its transaction, all or nothing: `persist`
   * runs first, and only once the draft is durable does anyone else see it. When `persist` fails the
   * transaction stays open with its draft, so the client may retry the commit or roll back.
   */
  async commit(
    session: string,
    persist: (state: ConfigState) => Promise<void> = async () => undefined,
  ): Promise<ConfigState> {
    const own = this.#ownedBy(session);
    if (!own) throw new NoTransactionError('There is no open transaction to commit');
    const draft = own.draft;
    await persist(draft);
    this.#committed = draft;
    if (this.#open === own) this.#open = undefined;
    return draft;
  }

  /** Discards `session`'s transaction, if it has one. */
  rollback(session: string): void {
    const own = this.#ownedBy(session);
    if (!own) return;
    // Fault `rollback-keeps-reuploads`: re-uploads of committed plugins survive the rollback.
    if (this.#deviations?.keepReuploadsOnRollback) this.#committed = keptReuploads(this.#committed, own.draft);
    this.#open = undefined;
  }

  /** A session ends (logout): its transaction, and only its own, is rolled back. */
  endSession(session: string): void {
    // Fault `logout-ends-others-transaction`: any logout discards whoever's transaction is open.
    if (this.#deviations?.anyLogoutEndsTransaction) this.#open = undefined;
    else this.rollback(session);
  }
}

/** The committed state with each plugin replaced by the draft's version of it (fault only). */
function keptReuploads(committed: ConfigState, draft: ConfigState): ConfigState {
  const plugins = Object.fromEntries(
    Object.entries(committed.plugins).map(([type, list]) => [
      type,
      list.map((p) => findPlugin(draft, type, p.key) ?? p),
    ]),
  );
  return { ...committed, plugins };
}
