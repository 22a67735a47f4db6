// List GETs take no query parameters: any one is an invalid filter (seed 003: 400 InvalidQuery).
import { apiError, type Reply } from '../errors.ts';
import type { RouteContext } from '../route-table.ts';

export function noQuery(ctx: RouteContext): Reply | undefined {
  if (ctx.query.size === 0) return undefined;
  const names = [...new Set(ctx.query.keys())];
  return apiError(400, 'InvalidQuery', 'The requested filter or its value is invalid', ctx.path, { parameters: names });
}
