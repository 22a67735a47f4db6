// Every error body the emulator sends is built here, so all of them share one shape:
// { error: { type, message, details }, meta: { href, parent } } (shared/spec/sps-api-facts.md §2.4).
import { parentOf } from './meta.ts';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string | string[]>;
}

export type ErrorType =
  | 'Unauthenticated'
  | 'AuthenticationFailure'
  | 'Unauthorized'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'SemanticError'
  | 'SyntacticError'
  | 'InvalidQuery'
  | 'InvalidFormat'
  | 'MissingMandatoryParameter'
  | 'MissingPlugin'
  | 'PayloadTooLarge'
  | 'UnsupportedMediaType'
  | 'LengthRequired'
  | 'TransactionLocked'
  | 'RequestTimeout'
  | 'TooManyRequests'
  | 'ServiceUnavailable'
  | 'InternalError';

export function apiError(
  status: number,
  type: ErrorType,
  message: string,
  path: string,
  details: Record<string, unknown> = {},
): Reply {
  return {
    status,
    body: {
      error: { type, message, details: { path, ...details } },
      meta: { href: path, parent: parentOf(path) },
    },
  };
}

/** At most this many problems are listed: a hostile body must not turn 800 KB into a 35 MB answer. */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * 400 SemanticError listing the problems found (the first MAX_LISTED_PROBLEMS; `problems_omitted`
 * counts the rest); the message is the first one's.
 */
export function semanticError<P extends { message: string }>(path: string, problems: readonly P[]): Reply {
  const listed = problems.length > MAX_LISTED_PROBLEMS ? problems.slice(0, MAX_LISTED_PROBLEMS) : problems;
  const omitted = problems.length - listed.length;
  return apiError(400, 'SemanticError', problems[0]?.message ?? 'The request is not valid', path, {
    problems: listed,
    ...(omitted > 0 ? { problems_omitted: omitted } : {}),
  });
}
