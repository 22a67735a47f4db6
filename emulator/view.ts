// What the calling session sees: its own draft while it holds a transaction, the committed state
// otherwise; and the transaction's remaining seconds, which `meta` shows only while one is open.
import type { Meta } from './meta.ts';
import type { RouteContext } from './route-table.ts';
import type { ConfigState } from './state.ts';

export function viewOf(ctx: RouteContext): ConfigState {
  return ctx.emulator.store.view(ctx.session?.id);
}

export function withRemainingSeconds<T extends Meta>(ctx: RouteContext, meta: T): T {
  const seconds = ctx.session ? ctx.emulator.store.remainingSeconds(ctx.session.id) : undefined;
  return seconds === undefined ? meta : { ...meta, remaining_seconds: seconds };
}
