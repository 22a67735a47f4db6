// repro/<test>/ for a failed test: repro.json, request-N.bin (exact body bytes), response-N.json,
// shrunk-case.json for a property, and replay.sh. Everything written passes through scrubText.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { scrubText, type ExchangeRecord } from '../redact.ts';
import { expectedAnswer } from './repro-expectation.ts';
import {
  REPLAY_SCRIPT,
  REPRO_FORMAT,
  REPRO_INDEX,
  type RecordedAnswer,
  type ReproExchange,
  type ReproIndex,
} from './repro-format.ts';
import { replayScript } from './replay-script.ts';
import { attachedExchanges, attachedExpectation, attachedPropertyFailure } from '../reporter/test-attachments.ts';
import { SUITE_ROOT } from '../certificate/suite-hash.ts';
import { requirementIds } from '../reporter/test-records.ts';

export const REPRO_DIR = 'repro';
const SECRET_PLACEHOLDER = '$SPS_SECRET';

export interface ReproContext {
  runId: string;
  profile: string;
  seed: number;
  fcRuns: number;
  targetUrl: string;
  tlsVerify: boolean;
  caFile: string | undefined;
  /** Known secret values (the run's password): scrubbed from everything written. */
  secrets: readonly string[];
}

/** A readable, file-system-safe directory name; the hash keeps same-titled tests apart. */
export function reproDirName(test: TestCase): string {
  const title = test.titlePath().slice(3).join(' ') || test.title;
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const id = createHash('sha1')
    .update(`${test.parent.project()?.name ?? ''}\0${test.location.file}\0${test.titlePath().join('\0')}`)
    .digest('hex');
  return `${slug || 'test'}-${id.slice(0, 8)}`;
}

function stepTime(result: TestResult, title: string): { start: number; end: number } | undefined {
  const step = result.steps.find((s) => s.title === title);
  return step ? { start: step.startTime.getTime(), end: step.startTime.getTime() + step.duration } : undefined;
}

function phaseOf(
  at: number,
  before: { end: number } | undefined,
  after: { start: number } | undefined,
): ReproExchange['phase'] {
  if (before && at <= before.end) return 'setup';
  if (after && at >= after.start) return 'teardown';
  return 'test';
}

function errorTypeOf(body: Buffer): string | null {
  try {
    const type = (JSON.parse(body.toString('utf8')) as { error?: { type?: unknown } }).error?.type;
    return typeof type === 'string' ? type : null;
  } catch {
    return null;
  }
}

const isLogout = (e: ReproExchange) => e.method === 'DELETE' && e.path === '/api/authentication';

/** The request a failed expectation attached itself to (expectError's attachment names it). */
function requestOf(attachment: unknown): { method: string; path: string } | undefined {
  const request = (attachment as { request?: { method?: unknown; path?: unknown } } | undefined)?.request;
  return typeof request?.method === 'string' && typeof request.path === 'string'
    ? { method: request.method, path: request.path }
    : undefined;
}

/**
 * The failing request: the one the failed expectation names (a test that judges every answer goes on
 * after the first failure), else the last one the test body made; without one, the last that is not a
 * logout.
 */
function pickFailing(
  exchanges: readonly ReproExchange[],
  about: { method: string; path: string } | undefined,
): { exchange: ReproExchange; selection: string } | undefined {
  const inBody = exchanges.filter((e) => e.phase === 'test');
  const named = about && inBody.filter((e) => e.method === about.method && e.path === about.path).at(-1);
  if (named) return { exchange: named, selection: 'the request the failed expectation was about' };
  const last = inBody.at(-1);
  if (last) return { exchange: last, selection: 'the last request the test body made' };
  const fallback = exchanges.filter((e) => !isLogout(e)).at(-1);
  return (
    fallback && {
      exchange: fallback,
      selection: 'the last request recorded (the test body made none), logouts left out',
    }
  );
}

interface WrittenFile {
  name: string;
  bytes: Buffer;
}

function exchangeFiles(
  records: readonly ExchangeRecord[],
  result: TestResult,
  ctx: ReproContext,
): { exchanges: ReproExchange[]; files: WrittenFile[] } {
  const before = stepTime(result, 'Before Hooks');
  const after = stepTime(result, 'After Hooks');
  const files: WrittenFile[] = [];
  const exchanges = records.map((r, i): ReproExchange => {
    const n = i + 1;
    const responseBody = Buffer.from(r.response.bodyBase64, 'base64');
    const requestFile = r.request.bodyBase64 === null ? null : `request-${n}.bin`;
    if (requestFile) files.push({ name: requestFile, bytes: Buffer.from(r.request.bodyBase64 ?? '', 'base64') });
    const responseFile = `response-${n}.json`;
    const text = responseBody.toString('utf8');
    const isText = Buffer.from(text, 'utf8').equals(responseBody);
    const response = {
      status: r.response.status,
      headers: r.response.headers,
      ...(isText ? { body: text } : { bodyBase64: r.response.bodyBase64 }),
    };
    files.push({ name: responseFile, bytes: Buffer.from(`${JSON.stringify(response, null, 2)}\n`) });
    const headers = JSON.parse(scrubText(JSON.stringify(r.request.headers), ctx.secrets)) as Record<string, string>;
    return {
      n,
      phase: phaseOf(Date.parse(r.at), before, after),
      method: r.request.method,
      path: scrubText(r.request.path, ctx.secrets),
      headers,
      requestFile,
      responseFile,
      response: { status: r.response.status, errorType: errorTypeOf(responseBody) },
    };
  });
  return { exchanges, files };
}

/** Text files are scrubbed; binary bodies (zips) are kept byte for byte, as sent. */
function scrubbed(file: WrittenFile, secrets: readonly string[]): Buffer {
  const text = file.bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(file.bytes)) return file.bytes;
  return Buffer.from(scrubText(text, secrets), 'utf8');
}

export function buildReproIndex(
  test: TestCase,
  result: TestResult,
  outcome: 'failed' | 'error',
  ctx: ReproContext,
  exchanges: ReproExchange[],
): ReproIndex {
  const property = attachedPropertyFailure(result);
  const messages = result.errors.map((e) => e.message ?? e.value ?? '');
  const attachment = attachedExpectation(result);
  const picked = pickFailing(exchanges, requestOf(attachment));
  const recorded: RecordedAnswer | undefined = picked?.exchange.response;
  return {
    format: REPRO_FORMAT,
    test: {
      title: scrubText(test.titlePath().slice(3).join(' › ') || test.title, ctx.secrets),
      file: relative(SUITE_ROOT, test.location.file).split(sep).join('/'),
      line: test.location.line,
      project: test.parent.project()?.name ?? '',
    },
    requirementIds: requirementIds(test),
    outcome,
    error: scrubText(
      messages
        .join('\n')
        .replace(/\u001b\[[0-9;]*m/g, '')
        .slice(0, 4000),
      ctx.secrets,
    ),
    run: { runId: ctx.runId, profile: ctx.profile, seed: ctx.seed, fcRuns: ctx.fcRuns, targetUrl: ctx.targetUrl },
    property: property
      ? {
          seed: property.seed ?? null,
          path: property.path ?? null,
          numRuns: property.numRuns ?? null,
          counterexample: property.counterexample ?? null,
          error: property.error ?? null,
        }
      : null,
    shrunkCaseFile: property ? 'shrunk-case.json' : null,
    failing:
      picked && recorded
        ? {
            exchange: picked.exchange.n,
            selection: picked.selection,
            recorded,
            expected: expectedAnswer({ attachment, property, messages }, recorded),
          }
        : null,
    exchanges,
  };
}

/** Writes the bundle under <reportDir>/repro/ and answers its path relative to reportDir. */
export function writeReproBundle(
  reportDir: string,
  test: TestCase,
  result: TestResult,
  outcome: 'failed' | 'error',
  ctx: ReproContext,
): string {
  const relative = `${REPRO_DIR}/${reproDirName(test)}`;
  const dir = join(reportDir, relative);
  mkdirSync(dir, { recursive: true });
  const { exchanges, files } = exchangeFiles(attachedExchanges(result), result, ctx);
  const index = buildReproIndex(test, result, outcome, ctx, exchanges);
  if (index.property)
    files.push({
      name: 'shrunk-case.json',
      bytes: Buffer.from(`${JSON.stringify(index.property.counterexample, null, 2)}\n`),
    });
  const secretFiles = new Set<string>();
  for (const file of files) {
    const bytes = scrubbed(file, ctx.secrets);
    if (file.name.startsWith('request-') && bytes.toString('utf8').includes(SECRET_PLACEHOLDER))
      secretFiles.add(file.name);
    writeFileSync(join(dir, file.name), bytes);
  }
  writeFileSync(join(dir, REPRO_INDEX), scrubText(`${JSON.stringify(index, null, 2)}\n`, ctx.secrets));
  const script = join(dir, REPLAY_SCRIPT);
  // Built from the scrubbed index; scrubbing the whole script could break its own variable names.
  writeFileSync(script, replayScript(index, { tlsVerify: ctx.tlsVerify, caFile: ctx.caFile, secretFiles }));
  chmodSync(script, 0o755);
  return relative;
}
