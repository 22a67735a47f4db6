// Reading and editing the reply shapes the faults change: the error envelope and the `meta` object.
// Every edit returns a new reply; the emulator's own objects are never mutated.
import { apiError, type ErrorType, type Reply } from '../errors.ts';

type Json = Record<string, unknown>;

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The error.type of an error reply; undefined for anything else. */
export function errorTypeOf(reply: Reply): string | undefined {
  if (!isJson(reply.body) || !isJson(reply.body.error)) return undefined;
  const type = reply.body.error.type;
  return typeof type === 'string' ? type : undefined;
}

/** The same error, re-issued with another status and code (message and details kept). */
export function reissued(reply: Reply, status: number, type: ErrorType | (string & {}), path: string): Reply {
  const error = isJson(reply.body) && isJson(reply.body.error) ? reply.body.error : {};
  const details = isJson(error.details) ? error.details : {};
  const made = apiError(status, type as ErrorType, String(error.message ?? 'error'), path, details);
  return { ...made, headers: reply.headers };
}

/** The reply with its error.details replaced by `edit(details)`. */
export function withDetails(reply: Reply, edit: (details: Json) => Json): Reply {
  if (!isJson(reply.body) || !isJson(reply.body.error)) return reply;
  const details = isJson(reply.body.error.details) ? reply.body.error.details : {};
  return { ...reply, body: { ...reply.body, error: { ...reply.body.error, details: edit(details) } } };
}

/** The reply with its top-level `meta` replaced by `edit(meta)`; replies without one are kept. */
export function withMeta(reply: Reply, edit: (meta: Json) => Json): Reply {
  if (!isJson(reply.body) || !isJson(reply.body.meta)) return reply;
  return { ...reply, body: { ...reply.body, meta: edit(reply.body.meta) } };
}

/** The reply with its top-level `body` object replaced by `edit(body)`. */
export function withBody(reply: Reply, edit: (body: Json) => Json): Reply {
  if (!isJson(reply.body) || !isJson(reply.body.body)) return reply;
  return { ...reply, body: { ...reply.body, body: edit(reply.body.body) } };
}

/** A successful GET of one object: `{ key, body, meta }`. */
export function isObjectReply(method: string, reply: Reply): boolean {
  return method === 'GET' && reply.status === 200 && isJson(reply.body) && 'key' in reply.body && 'body' in reply.body;
}

/** A successful list GET: `{ items, meta }`. */
export function isListReply(method: string, reply: Reply): boolean {
  return method === 'GET' && reply.status === 200 && isJson(reply.body) && Array.isArray(reply.body.items);
}

export function without<T extends Json>(object: T, name: string): Json {
  const { [name]: _dropped, ...rest } = object;
  return rest;
}
