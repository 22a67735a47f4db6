// Sessions kept for a whole Playwright worker and lent to one test at a time. A login costs seconds on
// an appliance (the run budget allows 8 for a full run), so the configured account's sessions and the
// other accounts' sessions are logged in once, on first use, and logged out when the worker ends.
import { TRANSACTION_PATH } from '../contract/surface.ts';
import type { Exchange } from '../suite/client/exchange.ts';
import { type ApiResponse, LoginError, type SpsClient } from '../suite/client/sps-client.ts';
import type { Credentials } from '../contract/credentials.ts';
import { rollbackTransaction } from '../suite/client/transactions.ts';

/** A session idle this long may have expired on the appliance: it is checked before it is lent again. */
const IDLE_CHECK_MS = 5 * 60_000;

/** Where a lent session's exchanges go: the borrowing test's recorder. */
export interface ExchangeSink {
  observe(exchange: Exchange): void;
}

/**
 * One session, lent to one test at a time. It logs in when lent while logged out (first use, or a
 * test logged it out) or expired (checked after a long idle time), and after a test that sent anything but GETs it rolls back, so the next test
 * starts with nothing open.
 */
export class SharedSession {
  readonly client: SpsClient;
  readonly #credentials: Credentials;
  #sink: ExchangeSink | undefined;
  #wrote = false;
  #lastUsed = 0;
  /** The answer of the login that opened the current session. */
  loginAnswer: ApiResponse | undefined;

  constructor(client: SpsClient, credentials: Credentials) {
    this.client = client;
    this.#credentials = credentials;
    client.onExchange((ex) => {
      this.#sink?.observe(ex);
      this.#lastUsed = ex.at;
      if (ex.request.method !== 'GET') this.#wrote = true;
    });
  }

  async lend(sink: ExchangeSink): Promise<SpsClient> {
    this.#sink = sink;
    this.#wrote = false;
    const expired =
      this.client.loggedIn &&
      Date.now() - this.#lastUsed > IDLE_CHECK_MS &&
      (await this.client.get(TRANSACTION_PATH)).status === 401;
    if (!this.client.loggedIn || expired) {
      const res = await this.client.login(this.#credentials);
      if (res.status !== 200 || !this.client.loggedIn)
        throw new LoginError(`login as ${this.#credentials.username} failed: HTTP ${res.status}`);
      this.loginAnswer = res;
    }
    return this.client;
  }

  async giveBack(): Promise<void> {
    if (this.#wrote && this.client.loggedIn) await rollbackTransaction(this.client).catch(() => undefined);
    this.#sink = undefined;
  }

  async close(): Promise<void> {
    if (this.client.loggedIn) await this.client.logout().catch(() => undefined);
  }
}

/** The worker's sessions by name ("sps", "peer", "third", or an account's user name). */
export class SessionPool {
  readonly #sessions = new Map<string, SharedSession>();
  readonly #newClient: () => SpsClient;

  constructor(newClient: () => SpsClient) {
    this.#newClient = newClient;
  }

  session(name: string, credentials: Credentials): SharedSession {
    let session = this.#sessions.get(name);
    if (!session) {
      session = new SharedSession(this.#newClient(), credentials);
      this.#sessions.set(name, session);
    }
    return session;
  }

  async close(): Promise<void> {
    for (const session of this.#sessions.values()) await session.close();
  }
}
