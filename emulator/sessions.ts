// REST sessions: a 40-hex-digit session_id cookie per login, dropped after 20 minutes idle
// (sps-api-facts.md §1.2-1.3). Idle sessions are swept as logins arrive, and one account holds at most
// MAX_SESSIONS_PER_ACCOUNT: a client that logs in forever without logging out fills no memory.
import { randomBytes } from 'node:crypto';
import type { Credentials } from '../contract/credentials.ts';
import { Lanes } from './ordering.ts';

export type Role = 'admin' | 'readonly' | 'none';

/** An account of the emulator: a REST user's credentials and the role they log in as. */
export interface Account extends Credentials {
  role: Role;
}

export interface Session {
  id: string;
  username: string;
  role: Role;
  lastSeen: number;
}

export const SESSION_IDLE_MS = 20 * 60 * 1000;
/** Far above what one client needs at once (the suite's run uses a handful); inferred. */
export const MAX_SESSIONS_PER_ACCOUNT = 256;
/** Idle sessions are looked for at most this often, so a login costs O(1) on average. */
const SWEEP_EVERY_MS = 60 * 1000;

export interface SessionsOptions {
  now?: () => number;
  /** Called for every session that ends other than by logout (idle, or pushed out by the cap). */
  onDrop?: (id: string) => void;
  maxPerAccount?: number;
}

export class Sessions {
  readonly #byId = new Map<string, Session>();
  readonly #now: () => number;
  readonly #onDrop: (id: string) => void;
  readonly #maxPerAccount: number;
  #lastSweep: number;
  /** The writes of one session, in arrival order (see emulator/ordering.ts). */
  readonly writes = new Lanes<string>();

  constructor(options: SessionsOptions | (() => number) = {}) {
    const opts = typeof options === 'function' ? { now: options } : options;
    this.#now = opts.now ?? Date.now;
    this.#onDrop = opts.onDrop ?? (() => undefined);
    this.#maxPerAccount = opts.maxPerAccount ?? MAX_SESSIONS_PER_ACCOUNT;
    this.#lastSweep = this.#now();
  }

  get size(): number {
    return this.#byId.size;
  }

  open(account: Account): Session {
    this.#sweep();
    this.#makeRoomFor(account.username);
    const session: Session = {
      id: randomBytes(20).toString('hex'),
      username: account.username,
      role: account.role,
      lastSeen: this.#now(),
    };
    this.#byId.set(session.id, session);
    return session;
  }

  /** The live session for `id`, touched; undefined when unknown or idle too long. */
  touch(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.#byId.get(id);
    if (!session) return undefined;
    const now = this.#now();
    if (this.#idle(session, now)) {
      this.#drop(id);
      return undefined;
    }
    // Every authenticated request comes here: only the time changes, the map is left as it is.
    session.lastSeen = now;
    return session;
  }

  close(id: string): void {
    this.#byId.delete(id);
  }

  #idle(session: Session, now = this.#now()): boolean {
    return now - session.lastSeen > SESSION_IDLE_MS;
  }

  #drop(id: string): void {
    this.#byId.delete(id);
    this.#onDrop(id);
  }

  /** Every session is looked at: touch() leaves the map in login order, not in order of use. */
  #sweep(): void {
    if (this.#now() - this.#lastSweep < SWEEP_EVERY_MS) return;
    this.#lastSweep = this.#now();
    // Deleting while iterating a Map is safe: the iteration goes on with the next entry.
    for (const session of this.#byId.values()) if (this.#idle(session)) this.#drop(session.id);
  }

  /** At the cap, the account's least recently used session ends (of two used at once, the older login). */
  #makeRoomFor(username: string): void {
    let count = 0;
    let leastRecent: Session | undefined;
    for (const session of this.#byId.values()) {
      if (session.username !== username) continue;
      if (!leastRecent || session.lastSeen < leastRecent.lastSeen) leastRecent = session;
      count++;
    }
    if (leastRecent && count >= this.#maxPerAccount) this.#drop(leastRecent.id);
  }
}
