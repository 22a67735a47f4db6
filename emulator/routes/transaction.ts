// /api/transaction (sps-api-facts §3): GET status, POST open, PUT {"status":"commit"} commit,
// DELETE rollback. One transaction at a time; it belongs to the session that opened it.
import { readBody } from '../body.ts';
import { apiError, semanticError, type Reply } from '../errors.ts';
import { JSON_LIMIT_BYTES, readJsonObject, type JsonObject } from '../json-body.ts';
import { API_ROOT, TRANSACTION_PATH } from '../meta.ts';
import { unknownFields, type FieldProblem } from '../payload-checks.ts';
import { sessionId, type Route, type RouteContext } from '../route.ts';
import { NoTransactionError } from '../transactions.ts';
import { withRemainingSeconds } from '../view.ts';
import { transactionRefusal } from '../writes.ts';

function statusReply(ctx: RouteContext): Reply {
  const open = ctx.emulator.store.remainingSeconds(sessionId(ctx)) !== undefined;
  const status = { status: open ? 'open' : 'closed' };
  const where = ctx.emulator.profile.transactionEnvelope;
  return {
    status: 200,
    body: { key: 'transaction', [where]: status, meta: withRemainingSeconds(ctx, { href: TRANSACTION_PATH, parent: API_ROOT }) },
  };
}

function commitProblems(input: JsonObject): FieldProblem[] {
  const problems = unknownFields(input, ['status', 'message']);
  if (input.status !== 'commit') problems.push({ field: 'status', message: 'The \'status\' field must be "commit"' });
  if (input.message !== undefined && typeof input.message !== 'string') {
    problems.push({ field: 'message', message: "The 'message' field must be a string" });
  }
  return problems;
}

async function open(ctx: RouteContext): Promise<Reply> {
  // The documents demand a body with a length (sps-api-facts §3.4): no Content-Length, no transaction.
  if (ctx.req.headers['content-length'] === undefined && !ctx.emulator.fault?.deviations?.lengthOptional) {
    return apiError(411, 'LengthRequired', 'Send the request with a Content-Length header (an empty body will do)', ctx.path);
  }
  const body = await readBody(ctx.req, JSON_LIMIT_BYTES, ctx.acceptBody);
  if (!body.ok) return apiError(413, 'PayloadTooLarge', 'The request body is too large', ctx.path);
  try {
    ctx.emulator.store.open(sessionId(ctx));
  } catch (error) {
    return transactionRefusal(error, ctx.path);
  }
  return statusReply(ctx);
}

async function commit(ctx: RouteContext): Promise<Reply> {
  const input = await readJsonObject(ctx);
  if (!input.ok) return input.reply;
  const problems = commitProblems(input.value);
  if (problems.length > 0) return semanticError(ctx.path, problems);
  let committed;
  try {
    committed = ctx.emulator.store.commit(sessionId(ctx));
  } catch (error) {
    if (error instanceof NoTransactionError) return semanticError(ctx.path, [{ field: 'status', message: error.message }]);
    throw error;
  }
  await ctx.emulator.persist(committed);
  if (ctx.emulator.commitDelayMs) await new Promise((resolve) => setTimeout(resolve, ctx.emulator.commitDelayMs));
  return statusReply(ctx);
}

export const transactionRoutes: Route[] = [
  { method: 'GET', path: TRANSACTION_PATH, auth: 'session', handle: statusReply },
  { method: 'POST', path: TRANSACTION_PATH, auth: 'session', write: true, handle: open },
  { method: 'PUT', path: TRANSACTION_PATH, auth: 'session', write: true, handle: commit },
  {
    method: 'DELETE',
    path: TRANSACTION_PATH,
    auth: 'session',
    handle: (ctx) => {
      // Fault `rollback-ignored` answers as usual but keeps the transaction.
      if (!ctx.emulator.fault?.deviations?.ignoreRollback) ctx.emulator.store.rollback(sessionId(ctx));
      return { status: 200, body: { meta: { href: TRANSACTION_PATH, parent: API_ROOT } } };
    },
  },
];
