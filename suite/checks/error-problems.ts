// The one check for error answers: HTTP status, the error envelope, the application-level code.
import { schemaProblems } from '../../contract/validators.ts';

export interface ResponseLike {
  status: number;
  json: unknown;
}

export function errorProblems(res: ResponseLike, status: number, type: string): string[] {
  const problems: string[] = [];
  if (res.status !== status) problems.push(`status: expected ${status}, got ${res.status}`);
  const envelope = schemaProblems('error', res.json);
  problems.push(...envelope);
  const actual = (res.json as { error?: { type?: unknown } } | undefined)?.error?.type;
  if (envelope.length === 0 && actual !== type)
    problems.push(`error.type: expected "${type}", got ${JSON.stringify(actual)}`);
  return problems;
}
