// JSON request bodies: Content-Type application/json (or none), at most 1 MiB, a JSON object.
import { readBody, mediaType } from './body.ts';
import { apiError, type Reply } from './errors.ts';
import type { RouteContext } from './route-table.ts';

/** Far above any configuration object; keeps a hostile client from filling memory (inferred). */
export const JSON_LIMIT_BYTES = 1024 * 1024;

export type JsonObject = Record<string, unknown>;
export type JsonResult = { ok: true; value: JsonObject } | { ok: false; reply: Reply };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function parse(bytes: Buffer): unknown {
  try {
    return JSON.parse(strictUtf8.decode(bytes));
  } catch {
    return undefined;
  }
}

export async function readJsonObject(ctx: RouteContext): Promise<JsonResult> {
  const type = mediaType(ctx.req);
  if (type !== undefined && type !== 'application/json') {
    return {
      ok: false,
      reply: apiError(415, 'UnsupportedMediaType', 'Send the request body as application/json', ctx.path),
    };
  }
  const body = await readBody(ctx.req, JSON_LIMIT_BYTES, ctx.acceptBody);
  if (!body.ok) {
    return body.reason === 'too-large'
      ? {
          ok: false,
          reply: apiError(
            413,
            'PayloadTooLarge',
            `The request body is larger than ${JSON_LIMIT_BYTES} bytes`,
            ctx.path,
          ),
        }
      : { ok: false, reply: apiError(400, 'SyntacticError', 'The request body was not received completely', ctx.path) };
  }
  const value = parse(body.bytes);
  if (!isJsonObject(value)) {
    return { ok: false, reply: apiError(400, 'SyntacticError', 'The request body must be a JSON object', ctx.path) };
  }
  return { ok: true, value };
}
