// REST sessions: a 40-hex-digit session_id cookie per login, dropped after 20 minutes idle
// (sps-api-facts.md §1.2-1.3).
import { randomBytes } from 'node:crypto';

export type Role = 'admin' | 'readonly' | 'none';

export interface Account {
  username: string;
  password: string;
  role: Role;
}

export interface Session {
  id: string;
  username: string;
  role: Role;
  lastSeen: number;
}

export const SESSION_IDLE_MS = 20 * 60 * 1000;

export class Sessions {
  readonly #byId = new Map<string, Session>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  open(account: Account): Session {
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
    if (this.#now() - session.lastSeen > SESSION_IDLE_MS) {
      this.#byId.delete(id);
      return undefined;
    }
    session.lastSeen = this.#now();
    return session;
  }

  close(id: string): void {
    this.#byId.delete(id);
  }
}
