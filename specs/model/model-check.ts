// The one place the model-based property asserts: every per-command check of the target's answer
// against the model goes through `modelCheck`, naming the requirement it stands for, and is graded by
// its evidence (specs/evidence.ts): a documented requirement FAILs the sequence (and fast-check shrinks
// it); an inferred one WARNs on a live target in the default mode, after which the model no longer
// describes the target, so the rest of that sequence is not judged.
import assert from 'node:assert/strict';
import { check } from '../evidence.ts';
import { errorProblems } from '../../suite/checks/error-problems.ts';
import type { ApiResponse } from '../../suite/client/sps-client.ts';
import type { Answer } from '../../suite/model/config-model.ts';

let diverged = false;

/** A new sequence: the model and the target start from the same state again. */
export function startSequence(): void {
  diverged = false;
}

/** Judges `condition` as a check of `requirementId`; the message starts with the requirement id. */
export function modelCheck(requirementId: string, condition: boolean, message: string): void {
  if (condition || diverged) return;
  // node:assert, not expect: Playwright's per-expect steps make long properties slow (specs/upload.spec.ts).
  const held = check(requirementId, () => assert.fail(`${requirementId}: ${message}`));
  if (!held) diverged = true;
}

export function matches(res: ApiResponse, answer: Answer): boolean {
  return answer.type === undefined
    ? res.status === answer.status
    : errorProblems(res, answer.status, answer.type).length === 0;
}

export function shown(answers: Answer[]): string {
  return answers.map((a) => (a.type ? `${a.status} ${a.type}` : String(a.status))).join(' or ');
}

export function gist(res: ApiResponse): string {
  const type = (res.json as { error?: { type?: unknown } } | undefined)?.error?.type;
  return typeof type === 'string' ? `${res.status} ${type}` : String(res.status);
}
