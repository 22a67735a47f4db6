// The start of every configuration write: find the state it builds on, or the reason it may not happen
// (another session's lock: 409; no transaction where the profile needs one opened first: 400).
import { apiError, type Reply } from './errors.ts';
import { sessionId, type RouteContext } from './route-table.ts';
import type { ConfigState } from './state.ts';
import { NoTransactionError, TransactionLockedError } from './transactions.ts';

export type WriteStart = { ok: true; base: ConfigState; save(next: ConfigState): void } | { ok: false; reply: Reply };

export function transactionRefusal(error: unknown, path: string): Reply {
  if (error instanceof TransactionLockedError) return apiError(409, 'TransactionLocked', error.message, path);
  if (error instanceof NoTransactionError) return apiError(400, 'SemanticError', error.message, path);
  throw error;
}

/**
 * Checks that the session may write now and gives the state to change. Call `save` synchronously after
 * any await, with a state built from a fresh `beginWrite`, so no other write can slip in between.
 */
export function beginWrite(ctx: RouteContext): WriteStart {
  const { store, profile } = ctx.emulator;
  const session = sessionId(ctx);
  try {
    const base = store.writeBase(session, profile.autoOpenTransaction);
    return { ok: true, base, save: (next) => store.save(session, profile.autoOpenTransaction, next) };
  } catch (error) {
    return { ok: false, reply: transactionRefusal(error, ctx.path) };
  }
}
