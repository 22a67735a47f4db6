// The one place the model-based property asserts: every per-command check of the target's answer
// against the model goes through `modelCheck`, naming the requirement it stands for, so the check can
// be routed to evidence-graded verdicts (WARN for an inferred requirement on a live target) in one edit.
import assert from 'node:assert/strict';
import { errorProblems } from '../../lib/contract/error-problems.ts';
import type { ApiResponse } from '../../lib/client/sps-client.ts';
import type { Answer } from '../../lib/model/config-model.ts';

/** Fails the sequence when `condition` is false; the message starts with the requirement id. */
export function modelCheck(requirementId: string, condition: boolean, message: string): void {
  // node:assert, not expect: Playwright's per-expect steps make long properties slow (specs/upload.spec.ts).
  if (!condition) throw new assert.AssertionError({ message: `${requirementId}: ${message}` });
}

export function matches(res: ApiResponse, answer: Answer): boolean {
  return answer.type === undefined ? res.status === answer.status : errorProblems(res, answer.status, answer.type).length === 0;
}

export function shown(answers: Answer[]): string {
  return answers.map((a) => (a.type ? `${a.status} ${a.type}` : String(a.status))).join(' or ');
}

export function gist(res: ApiResponse): string {
  const type = (res.json as { error?: { type?: unknown } } | undefined)?.error?.type;
  return typeof type === 'string' ? `${res.status} ${type}` : String(res.status);
}
