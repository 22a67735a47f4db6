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

/** 400 SemanticError listing every problem found; the message is the first one's. */
export function semanticError<P extends { message: string }>(path: string, problems: readonly P[]): Reply {
  return apiError(400, 'SemanticError', problems[0]?.message ?? 'The request is not valid', path, { problems });
}
