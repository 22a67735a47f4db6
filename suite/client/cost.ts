// What a run costs a real appliance, counted from the exchanges the suite's clients make: requests,
// successful logins, successful commits and rollbacks, and the request body bytes sent. On an appliance
// a login and a commit cost far more than a read (a commit takes seconds), so these are what the budget
// (contract/budget.ts) limits.
import type { Exchange } from './exchange.ts';

export interface Cost {
  requests: number;
  /** Logins that opened a session (GET /api/authentication with credentials, answered 200). */
  logins: number;
  /** Commits the target took (PUT /api/transaction {"status":"commit"}, answered 200). */
  commits: number;
  /** Rollbacks the target took (DELETE /api/transaction, answered 200). */
  rollbacks: number;
  /** Request body bytes sent (plugin zips, JSON payloads). */
  bytesUploaded: number;
}

export const NO_COST: Readonly<Cost> = Object.freeze({
  requests: 0,
  logins: 0,
  commits: 0,
  rollbacks: 0,
  bytesUploaded: 0,
});

const TRANSACTION_PATH = /^\/api\/transaction\/?(\?|$)/;
const LOGIN_PATH = /^\/api\/authentication\/?(\?|$)/;

function isCommitBody(body: Buffer | undefined): boolean {
  if (!body || body.length === 0) return false;
  try {
    return (JSON.parse(body.toString('utf8')) as { status?: unknown } | null)?.status === 'commit';
  } catch {
    return false;
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

/** The cost of one exchange. */
export function costOf(exchange: Pick<Exchange, 'request' | 'response'>): Cost {
  const { method, path, headers, body } = exchange.request;
  const ok = exchange.response.status === 200;
  const tx = TRANSACTION_PATH.test(path);
  return {
    requests: 1,
    logins: ok && method === 'GET' && LOGIN_PATH.test(path) && hasHeader(headers, 'authorization') ? 1 : 0,
    commits: ok && tx && method === 'PUT' && isCommitBody(body) ? 1 : 0,
    rollbacks: ok && tx && method === 'DELETE' ? 1 : 0,
    bytesUploaded: body?.length ?? 0,
  };
}

export function addCost(a: Readonly<Cost>, b: Readonly<Cost>): Cost {
  return {
    requests: a.requests + b.requests,
    logins: a.logins + b.logins,
    commits: a.commits + b.commits,
    rollbacks: a.rollbacks + b.rollbacks,
    bytesUploaded: a.bytesUploaded + b.bytesUploaded,
  };
}

export function subtractCost(a: Readonly<Cost>, b: Readonly<Cost>): Cost {
  return {
    requests: a.requests - b.requests,
    logins: a.logins - b.logins,
    commits: a.commits - b.commits,
    rollbacks: a.rollbacks - b.rollbacks,
    bytesUploaded: a.bytesUploaded - b.bytesUploaded,
  };
}

/** A running total that clients add every exchange to; the fixtures read it before and after a test. */
export class CostMeter {
  #total: Cost = { ...NO_COST };

  count(exchange: Pick<Exchange, 'request' | 'response'>): void {
    this.#total = addCost(this.#total, costOf(exchange));
  }

  get total(): Cost {
    return { ...this.#total };
  }
}
