// The evidence-graded checks the specs make (README "For vendor QA"). Each check names the one
// requirement it verifies; the catalog's basis decides what a violation means:
//   documented / observed / standard: FAIL (the test stops), as before;
//   inferred: FAIL in strict mode, else a WARN annotation with what was expected and what came back,
//   and the test goes on.
// With an expectations file (SPS_EXPECTATIONS) the recorded answer of an inferred check is its exact
// expectation: a deviation FAILs. In observe mode (SPS_OBSERVE) every inferred answer is annotated for
// `sps-conformance observe` to collect; specs never write files themselves.
import { test } from '@playwright/test';
import { loadCatalog, type Basis } from '../contract/catalog.ts';
import { errorEnvelopeProblems, RESPONSE_CHECK_IDS } from '../suite/checks/response-checker.ts';
import { ATTACHMENT } from '../suite/report/reporter/attachments.ts';
import { MARK, type Observation, type Warning } from '../suite/report/reporter/evidence-marks.ts';
import {
  describeAnswer,
  loadExpectations,
  recordedAnswer,
  sameAnswer,
  type Answer,
  type LoadedExpectations,
} from '../suite/report/certificate/expectations.ts';
import { loadSettings } from '../suite/target/settings.ts';

interface Grading {
  bases: Map<string, Basis>;
  strict: boolean;
  observe: boolean;
  expectations: LoadedExpectations | undefined;
}

let grading: Grading | undefined;

function current(): Grading {
  if (grading) return grading;
  const settings = loadSettings();
  const catalog = loadCatalog();
  const observe = settings.observeFile !== undefined;
  grading = {
    bases: new Map(catalog.map((r) => [r.id, r.basis])),
    strict: settings.strict && !observe,
    observe,
    expectations:
      settings.expectationsFile && !observe ? loadExpectations(settings.expectationsFile, catalog) : undefined,
  };
  return grading;
}

/** Warnings kept per requirement and test: a property of a hundred cases needs only the first few. */
const WARNINGS_KEPT = 3;
const counters = new WeakMap<object, Map<string, number>>();

/** A stable label for a check: the test's title, and the caller's label or the check's ordinal. */
function whereOf(id: string, label: string | undefined): string {
  const info = test.info();
  let perTest = counters.get(info);
  if (!perTest) {
    perTest = new Map();
    counters.set(info, perTest);
  }
  const n = (perTest.get(id) ?? 0) + 1;
  perTest.set(id, n);
  return `${info.titlePath.slice(1).join(' › ')} › ${label ?? `#${n}`}`;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function lineOf(text: string, prefix: string): string | undefined {
  return text
    .split('\n')
    .find((l) => l.trimStart().startsWith(prefix))
    ?.trim()
    .slice(prefix.length)
    .trim();
}

/** What a failed matcher or assertion expected and what it got, as short lines for the reports. */
function failureText(failure: unknown): { expected: string; actual: string } {
  const text = (failure instanceof Error ? failure.message : String(failure)).replace(ANSI, '');
  const first =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? 'the check failed';
  const rest = text.split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim();
  return {
    expected: (lineOf(text, 'Expected:') ?? first).slice(0, 300),
    actual: (lineOf(text, 'Received:') ?? (rest || first)).slice(0, 300),
  };
}

function pushWarning(warning: Warning): void {
  const info = test.info();
  const kept = info.annotations.filter(
    (a) => a.type === MARK.warn && a.description?.includes(`"id":${JSON.stringify(warning.id)}`),
  ).length;
  if (kept < WARNINGS_KEPT) info.annotations.push({ type: MARK.warn, description: JSON.stringify(warning) });
}

/** A check names its requirement: the test checks it even if its title's annotation list forgot it. */
function declare(id: string): void {
  const info = test.info();
  if (!info.annotations.some((a) => a.type === 'requirement' && a.description === id))
    info.annotations.push({ type: 'requirement', description: id });
}

function violated(id: string): void {
  const info = test.info();
  if (!info.annotations.some((a) => a.type === MARK.violated && a.description === id))
    info.annotations.push({ type: MARK.violated, description: id });
}

/**
 * Settles one check of requirement `id`: `failure` is what went wrong (undefined: it held), `actual` the
 * answer the target gave. Returns true when the check held (or matched the recorded answer); false
 * when an inferred check only WARNed; throws when the requirement FAILs.
 */
function settle(id: string, where: string, failure: unknown, actual: Answer, expected?: string): boolean {
  const g = current();
  const basis = g.bases.get(id);
  if (basis === undefined) throw new Error(`check: ${id} is not in schemas/requirements.yaml`);
  const inferred = basis === 'inferred';
  declare(id);
  if (inferred && g.observe)
    test.info().annotations.push({
      type: MARK.observed,
      description: JSON.stringify({ id, where, answer: actual } satisfies Observation),
    });
  const recorded = inferred ? recordedAnswer(g.expectations, id, where) : undefined;
  if (recorded) {
    if (sameAnswer(recorded, actual)) return true;
    violated(id);
    throw new Error(
      `${id} (${where}): expected the recorded answer ${describeAnswer(recorded)} (${g.expectations!.file}), got ${describeAnswer(actual)}`,
    );
  }
  if (failure === undefined) return true;
  if (!inferred || g.strict) {
    violated(id);
    throw failure;
  }
  const text = failureText(failure);
  pushWarning({
    id,
    where,
    expected: expected ?? text.expected,
    actual: expected ? describeAnswer(actual) : text.actual,
  });
  return false;
}

function caught(fn: () => void): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error ?? new Error('the check failed');
  }
}

/** Runs `fn` (expects or node:assert) as the check of requirement `id`. See the file comment. */
export function check(id: string, fn: () => void, label?: string): boolean {
  const failure = caught(fn);
  return settle(id, whereOf(id, label), failure, { holds: failure === undefined });
}

/** The same for a check that awaits. */
export async function checkAsync(id: string, fn: () => Promise<void>, label?: string): Promise<boolean> {
  let failure: unknown;
  try {
    await fn();
  } catch (error) {
    failure = error ?? new Error('the check failed');
  }
  return settle(id, whereOf(id, label), failure, { holds: failure === undefined });
}

interface AnswerLike {
  status: number;
  json: unknown;
  body?: Buffer;
  request?: { method: string; path: string };
}

export interface ExpectedError {
  /** The requirement whose answer this is (the status; also the type unless typeId is given). */
  id: string;
  /** Further requirements the same answer checks, status and type alike (each FAILs with it). */
  also?: readonly string[];
  status: number;
  /** The expected error.type; omitted when the source gives only the status. */
  type?: string;
  /** The requirement the error.type belongs to, when the source documents the status but not the type. */
  typeId?: string;
  /** A 400 SemanticError must also list its problems as { field, message } (ERROR-SEMANTIC-001, inferred). */
  fieldProblems?: boolean;
  label?: string;
}

export function answerOf(res: AnswerLike): Extract<Answer, { status: number }> {
  const json = res.json;
  const keys = typeof json === 'object' && json !== null && !Array.isArray(json) ? Object.keys(json).sort() : [];
  const type = (json as { error?: { type?: unknown } } | undefined)?.error?.type;
  return { status: res.status, type: typeof type === 'string' ? type : null, keys };
}

function mismatch(what: string, expected: unknown, actual: unknown): Error | undefined {
  return expected === actual
    ? undefined
    : new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/**
 * Leaves the expected answer as data (test262's `negative:`) for the repro bundle, so `replay` knows
 * what FIXED means: the first failing expectation of the test, beside the request it was about.
 */
function attachExpected(res: AnswerLike, expected: ExpectedError): void {
  const info = test.info();
  if (info.attachments.some((a) => a.name === ATTACHMENT.expected)) return;
  const body = {
    status: expected.status,
    ...(expected.type ? { code: expected.type } : {}),
    id: expected.id,
    ...(expected.label ? { label: expected.label } : {}),
    ...(res.request ? { request: { method: res.request.method, path: res.request.path } } : {}),
  };
  info.attachments.push({
    name: ATTACHMENT.expected,
    contentType: 'application/json',
    body: Buffer.from(JSON.stringify(body)),
  });
}

/** A SemanticError's details must list what is wrong as { field, message } entries. */
export function fieldProblemsShape(json: unknown): string[] {
  const problems = (json as { error?: { details?: { problems?: unknown } } } | undefined)?.error?.details?.problems;
  if (!Array.isArray(problems) || problems.length === 0) return ['error.details.problems: expected a non-empty list'];
  return problems
    .filter(
      (p) =>
        typeof (p as { field?: unknown }).field !== 'string' ||
        typeof (p as { message?: unknown }).message !== 'string',
    )
    .map((p) => `error.details.problems: ${JSON.stringify(p)} is not { field, message }`);
}

function settleAnswer(res: AnswerLike, expected: ExpectedError): boolean {
  const actual = answerOf(res);
  const label = expected.label;
  const want = `HTTP ${expected.status}${expected.type ? ` ${expected.type}` : ''}`;
  const statusFailure = mismatch('status', expected.status, actual.status);
  const typeFailure = expected.type === undefined ? undefined : mismatch('error.type', expected.type, actual.type);
  const failure = expected.typeId ? statusFailure : (statusFailure ?? typeFailure);
  const parts = [...[expected.id, ...(expected.also ?? [])].map((id) => ({ id, failure }))];
  if (expected.typeId) parts.push({ id: expected.typeId, failure: typeFailure });
  // Every requirement is settled (and marked violated) before the first failure is thrown.
  let held = true;
  checkEach(
    ...parts.map((p) => () => {
      held = settle(p.id, whereOf(p.id, label), p.failure, actual, want) && held;
    }),
  );
  return held;
}

/**
 * The one error assertion. The answer `res` must have this status and error.type (graded like
 * `check`, the recorded answer of an expectations file included), the error envelope (error.type and
 * error.message: the response checker's ERROR-ENVELOPE-001, observed) and, when asked, field problems. When it fails, the
 * expected answer is attached as data for the repro bundle. Returns false when an inferred part only
 * WARNed.
 */
export function expectError(res: AnswerLike, expected: ExpectedError): boolean {
  try {
    let held = settleAnswer(res, expected);
    if (res.status === expected.status && res.status >= 400) {
      const envelope = errorEnvelopeProblems(res.json);
      const id = RESPONSE_CHECK_IDS.errorEnvelope;
      held = check(id, () => assertNone(envelope, 'the error envelope'), expected.label) && held;
    }
    if (expected.fieldProblems && res.status === 400 && answerOf(res).type === 'SemanticError') {
      const shown = `${expected.label ?? 'answer'}: ${res.body?.toString('utf8').slice(0, 300) ?? ''}`;
      held =
        check('ERROR-SEMANTIC-001', () => assertNone(fieldProblemsShape(res.json), shown), 'problems listed') && held;
    }
    return held;
  } catch (error) {
    attachExpected(res, expected);
    throw error;
  }
}

function assertNone(problems: readonly string[], what: string): void {
  if (problems.length > 0) throw new Error(`${what}: ${problems.join('; ')}`);
}

/**
 * A check that needs something the target refused to do (e.g. credential stores, which the 6.9.4 guide
 * says only the web interface configures): the test's requirements are NOT-TESTED, never FAIL or PASS.
 */
export function notTested(ids: string[], reason: string): never {
  const info = test.info();
  info.annotations.push({ type: MARK.notTested, description: JSON.stringify({ ids, reason }) });
  info.skip(true, reason);
  throw new Error('unreachable: skipped');
}

/**
 * Runs several checks of one answer (typically its documented part and its inferred part) and only
 * then throws the first failure, so each requirement the answer breaks is named, not only the first.
 */
export function checkEach(...checks: (() => unknown)[]): void {
  let first: unknown;
  for (const run of checks) {
    try {
      run();
    } catch (error) {
      first ??= error;
    }
  }
  if (first !== undefined) throw first;
}
