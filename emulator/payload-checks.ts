// Shape checks for JSON request payloads. Each returns the problems it finds as { field, message },
// the `error.details.problems` entries of a 400 SemanticError (decisions: status codes).
import { isJsonObject, type JsonObject } from './json-body.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export function unknownFields(input: JsonObject, known: readonly string[], prefix = ''): FieldProblem[] {
  return Object.keys(input)
    .filter((name) => !known.includes(name))
    .map((name) => ({ field: `${prefix}${name}`, message: `Unknown field: ${prefix}${name}` }));
}

export function stringProblem(value: unknown, field: string, rule?: { pattern: RegExp; says: string }): FieldProblem[] {
  if (value === undefined) return [{ field, message: `The '${field}' field is required` }];
  if (typeof value !== 'string') return [{ field, message: `The '${field}' field must be a string` }];
  if (rule && !rule.pattern.test(value)) return [{ field, message: `The '${field}' field ${rule.says}` }];
  return [];
}

export function objectProblem(value: unknown, field: string): FieldProblem[] {
  if (value === undefined) return [{ field, message: `The '${field}' field is required` }];
  return isJsonObject(value) ? [] : [{ field, message: `The '${field}' field must be an object` }];
}

export function stringListProblem(value: unknown, field: string): FieldProblem[] {
  if (value === undefined) return [{ field, message: `The '${field}' field is required` }];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    return [{ field, message: `The '${field}' field must be a list of strings` }];
  }
  return [];
}

export function uniqueNameProblem(name: unknown, taken: readonly string[]): FieldProblem[] {
  return typeof name === 'string' && taken.includes(name)
    ? [{ field: 'name', message: `An object named '${name}' already exists` }]
    : [];
}

export const NON_EMPTY = { pattern: /^[\s\S]+$/, says: 'cannot be empty' };
export const NO_WHITESPACE = { pattern: /^\S+$/, says: 'cannot be empty or contain whitespace' };
