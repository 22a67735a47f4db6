// Writes that create objects, for specs that need an object to exist: planted ones in their own
// committed transaction, recorded in the ledger; drafted ones inside the caller's open transaction
// (nothing to clean up: the rollback takes them). Either says plainly what went wrong if it cannot.
import type { Ledger } from './ledger.ts';
import type { ApiResponse, SpsClient } from './sps-client.ts';
import { commitTransaction, openTransaction } from './transactions.ts';

export interface Planted {
  key: string;
  href: string;
  res: ApiResponse;
}

export class PreconditionError extends Error {}

function describe(res: ApiResponse): string {
  return `HTTP ${res.status} ${res.body.toString('utf8').slice(0, 300)}`;
}

export function keyAndHref(res: ApiResponse): { key: string; href: string } | undefined {
  const json = res.json as { key?: unknown; meta?: { href?: unknown } } | undefined;
  if (typeof json?.key !== 'string' || typeof json.meta?.href !== 'string') return undefined;
  return { key: json.key, href: json.meta.href };
}

function createdBy(what: string, res: ApiResponse): { key: string; href: string } {
  const created = keyAndHref(res);
  if ((res.status !== 201 && res.status !== 200) || !created) {
    throw new PreconditionError(`setup: creating ${what} failed: ${describe(res)}`);
  }
  return created;
}

/** Runs `write` inside the transaction already open: the object exists until the rollback. */
export async function draftWith(what: string, write: () => Promise<ApiResponse>): Promise<Planted> {
  const res = await write();
  return { ...createdBy(what, res), res };
}

/** Runs `write` in its own committed transaction; the created object goes into the ledger. */
export async function plantWith(
  client: SpsClient,
  ledger: Ledger,
  what: string,
  write: () => Promise<ApiResponse>,
): Promise<Planted> {
  await openTransaction(client);
  const res = await write();
  const created = createdBy(what, res);
  ledger.record(created.href);
  const commit = await commitTransaction(client);
  if (commit.status !== 200) throw new PreconditionError(`setup: committing ${what} failed: ${describe(commit)}`);
  return { ...created, res };
}
