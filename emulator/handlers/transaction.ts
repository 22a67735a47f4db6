// /api/transaction (sps-api-facts §3): GET status, POST open, PUT {"status":"commit"} commit (with
// an optional commit_message, the 8.0 LTS guide's name; `message` is still accepted from older
// clients), DELETE rollback. One transaction at a time; it belongs to the session that opened it.
// Profiles with commitMessage (8.x+) show the last commit's message in the status body, as the 8.0
// LTS transactions page shows {"body": {"commit_message": ..., "status": ...}}.
import { readBody } from '../body.ts';
import { apiError, semanticError, type Reply } from '../errors.ts';
import { JSON_LIMIT_BYTES, readJsonObject, type JsonObject } from '../json-body.ts';
import { API_ROOT, TRANSACTION_PATH } from '../../contract/surface.ts';
import { unknownFields, type FieldProblem } from '../payload-checks.ts';
import { sessionId, type Route, type RouteContext } from '../route-table.ts';
import { NoTransactionError } from '../transactions.ts';
import { withRemainingSeconds } from '../view.ts';
import { transactionRefusal } from '../writes.ts';

/** The message of each emulator's last commit (8.x status body). */
const lastCommitMessage = new WeakMap<object, string>();

function statusReply(ctx: RouteContext): Reply {
  const open = ctx.emulator.store.remainingSeconds(sessionId(ctx)) !== undefined;
  const status = {
    ...(ctx.emulator.profile.commitMessage ? { commit_message: lastCommitMessage.get(ctx.emulator.store) ?? '' } : {}),
    status: open ? 'open' : 'closed',
  };
  const where = ctx.emulator.profile.transactionEnvelope;
  return {
    status: 200,
    body: {
      key: 'transaction',
      [where]: status,
      meta: withRemainingSeconds(ctx, { href: TRANSACTION_PATH, parent: API_ROOT }),
    },
  };
}

function commitProblems(input: JsonObject): FieldProblem[] {
  const problems = unknownFields(input, ['status', 'commit_message', 'message']);
  if (input.status !== 'commit') problems.push({ field: 'status', message: 'The \'status\' field must be "commit"' });
  for (const field of ['commit_message', 'message']) {
    if (input[field] !== undefined && typeof input[field] !== 'string')
      problems.push({ field, message: `The '${field}' field must be a string` });
  }
  return problems;
}

async function open(ctx: RouteContext): Promise<Reply> {
  // The documents demand a body with a length (sps-api-facts §3.4): no Content-Length, no transaction.
  if (ctx.req.headers['content-length'] === undefined && !ctx.emulator.fault?.deviations?.lengthOptional) {
    return apiError(
      411,
      'LengthRequired',
      'Send the request with a Content-Length header (an empty body will do)',
      ctx.path,
    );
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

/** The --state file could not be written: nothing was committed. */
class PersistError extends Error {
  constructor(cause: unknown) {
    super(`cannot save the configuration: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

function notSaved(ctx: RouteContext, error: PersistError): Reply {
  process.stderr.write(`emulator: commit refused, ${error.message}\n`);
  const message =
    'The configuration could not be saved, so nothing was committed; the transaction stays open (retry the commit or roll back)';
  return apiError(500, 'InternalError', message, ctx.path);
}

async function commit(ctx: RouteContext): Promise<Reply> {
  const input = await readJsonObject(ctx);
  if (!input.ok) return input.reply;
  const problems = commitProblems(input.value);
  if (problems.length > 0) return semanticError(ctx.path, problems);
  try {
    await ctx.emulator.store.commit(sessionId(ctx), (state) =>
      ctx.emulator.persist(state).catch((error: unknown) => Promise.reject(new PersistError(error))),
    );
  } catch (error) {
    if (error instanceof NoTransactionError)
      return semanticError(ctx.path, [{ field: 'status', message: error.message }]);
    if (error instanceof PersistError) return notSaved(ctx, error);
    throw error;
  }
  const message = input.value.commit_message ?? input.value.message;
  lastCommitMessage.set(ctx.emulator.store, typeof message === 'string' ? message : '');
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
