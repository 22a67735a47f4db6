// Configuration transactions (sps-rest-api.md "Transactions"): open, commit, roll back.
import type { ApiResponse, SpsClient } from './sps-client.ts';

import { TRANSACTION_PATH } from '../../contract/surface.ts';

export class TransactionError extends Error {}

/** POST /api/transaction with an explicit empty body: the appliance wants a Content-Length (411 otherwise). */
export function openTransaction(client: SpsClient): Promise<ApiResponse> {
  return client.request({
    method: 'POST',
    path: TRANSACTION_PATH,
    headers: { 'content-length': '0' },
    body: Buffer.alloc(0),
  });
}

/**
 * PUT /api/transaction {"status": "commit"}, exactly what One Identity's client sends (safeguard-ps
 * sessionapi.psm1). With a message (8.x profiles), also commit_message, the 8.0 LTS guide's name.
 */
export function commitTransaction(
  client: SpsClient,
  commitMessage: string | undefined = client.commitMessage,
): Promise<ApiResponse> {
  return client.put(TRANSACTION_PATH, {
    status: 'commit',
    ...(commitMessage === undefined ? {} : { commit_message: commitMessage }),
  });
}

export function rollbackTransaction(client: SpsClient): Promise<ApiResponse> {
  return client.delete(TRANSACTION_PATH);
}

/** The transaction status, from either documented envelope (`body.status` or `transaction.status`). */
export function transactionStatus(res: ApiResponse): string | undefined {
  const json = res.json as { body?: { status?: unknown }; transaction?: { status?: unknown } } | undefined;
  const status = json?.body?.status ?? json?.transaction?.status;
  return typeof status === 'string' ? status : undefined;
}

/** Commits, failing loudly: for fixtures and setup steps that need the commit to hold. */
export async function mustCommit(client: SpsClient, commitMessage?: string): Promise<void> {
  const res = await commitTransaction(client, commitMessage);
  if (res.status !== 200)
    throw new TransactionError(`commit failed: HTTP ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
}
