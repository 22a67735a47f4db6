import { test, expect } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Progress, areaOf } from '../suite/report/reporter/progress.ts';
import { judgeReplay } from '../suite/report/repro/replay-verdict.ts';
import { replayScript } from '../suite/report/repro/replay-script.ts';
import { blobFile, runReporters, shardOf } from '../suite/report/reporter/reporter-list.ts';
import { expectedAnswer } from '../suite/report/repro/repro-expectation.ts';
import { REPRO_FORMAT, type ReproExchange, type ReproIndex } from '../suite/report/repro/repro-format.ts';
import { replayRequest } from '../suite/report/repro/repro-request.ts';

const exchange = (n: number, extra: Partial<ReproExchange> = {}): ReproExchange => ({
  n,
  phase: 'test',
  method: 'POST',
  path: "/api/configuration/x?name=o'brien",
  headers: { 'content-type': 'application/json', cookie: 'session_id=$SPS_SESSION_ID', 'content-length': '20' },
  requestFile: `request-${n}.bin`,
  responseFile: `response-${n}.json`,
  response: { status: 500, errorType: 'InternalError' },
  ...extra,
});
const index = (exchanges: ReproExchange[], failing: number): ReproIndex => ({
  format: REPRO_FORMAT,
  test: { title: 'x › creates', file: 'specs/x.spec.ts', line: 1, project: 'conformance' },
  requirementIds: ['X-1'],
  outcome: 'failed',
  error: 'boom',
  run: { runId: 'r', profile: '7.x', seed: 1, fcRuns: 1, targetUrl: 'http://t' },
  property: null,
  shrunkCaseFile: null,
  failing: {
    exchange: failing,
    selection: 'last',
    recorded: { status: 500, errorType: 'InternalError' },
    expected: null,
  },
  exchanges,
});

test('replay verdicts follow the stated rule: FIXED only against a known expectation', () => {
  const recorded = { status: 200, errorType: null };
  const expected = { status: 401, code: 'Unauthenticated', source: 't' };
  expect(judgeReplay({ recorded, expected }, { status: 401, errorType: 'Unauthenticated' }).verdict).toBe('FIXED');
  expect(judgeReplay({ recorded, expected }, { status: 401, errorType: 'AuthenticationFailure' }).verdict).toBe(
    'STILL FAILING',
  );
  expect(
    judgeReplay({ recorded, expected: { status: 201, source: 't' } }, { status: 201, errorType: null }).verdict,
  ).toBe('FIXED');
  expect(judgeReplay({ recorded, expected: null }, { status: 200, errorType: null }).verdict).toBe('STILL FAILING');
  expect(
    judgeReplay({ recorded, expected: null }, { status: 401, errorType: 'Unauthenticated' }).verdict,
    'different, but never called fixed',
  ).toBe('CHANGED');
});

test('the expectation comes from an attachment, a fast-check label, or a toBe on the status', () => {
  const recorded = { status: 200, errorType: null };
  const none = { attachment: undefined, property: undefined, messages: [] };
  expect(expectedAnswer({ ...none, attachment: { status: 404, code: 'NotFound' } }, recorded)).toMatchObject({
    status: 404,
    code: 'NotFound',
  });
  expect(
    expectedAnswer(
      { ...none, property: { counterexample: { expect: { status: 400, code: 'SemanticError' } } } },
      recorded,
    ),
  ).toMatchObject({ status: 400, code: 'SemanticError' });
  expect(
    expectedAnswer(
      { ...none, messages: ['expect(received).toBe(expected)\n\nExpected: 201\nReceived: 200'] },
      recorded,
    ),
  ).toMatchObject({ status: 201 });
  expect(
    expectedAnswer(
      { ...none, messages: ['expect(received).toBe(expected)\n\nExpected: 201\nReceived: 500'] },
      recorded,
    ),
    'Received is not this request',
  ).toBeNull();
  expect(expectedAnswer(none, recorded)).toBeNull();
});

test('replay.sh: placeholders for secrets, cookie jar for the session, exact bytes from the request file', () => {
  const earlier = exchange(1, { method: 'GET', requestFile: null });
  const script = replayScript(index([earlier, exchange(2), exchange(3, { phase: 'teardown' })], 2), {
    tlsVerify: false,
    caFile: undefined,
    secretFiles: new Set(['request-2.bin']),
  });
  expect(script).toContain('-u "$SPS_USERNAME:$SPS_PASSWORD" -c "$JAR"');
  expect(script).toContain('TLS=(--insecure)');
  const failing = script.split('# The failing request:\n')[1]!;
  expect(failing).toContain('-b "$JAR"');
  expect(failing).toContain("-H 'content-type: application/json'");
  expect(failing).not.toMatch(/content-length|session_id/);
  expect(failing).toContain("\"$SPS_URL\"'/api/configuration/x?name=o'\\''brien'");
  expect(failing).toContain("cat 'request-2.bin'");
  expect(script, 'earlier requests are there, commented out').toMatch(/^# curl .* -X 'GET' /m);
  expect(script, 'teardown requests are not replayed').not.toContain('request-3.bin');
  const anonymous = replayScript(index([exchange(1, { headers: {} })], 1), {
    tlsVerify: true,
    caFile: undefined,
    secretFiles: new Set(),
  });
  expect(anonymous, 'an anonymous request is replayed anonymously').not.toContain('$JAR');
});

test('the replayed request puts credentials and SPS_SECRET back, and keeps binary bodies byte for byte', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sps-repro-'));
  writeFileSync(join(dir, 'request-1.bin'), '{"plain":"$SPS_SECRET"}');
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]);
  writeFileSync(join(dir, 'request-2.bin'), zip);
  const creds = { username: 'u', password: 'p' };
  const text = replayRequest(dir, exchange(1), creds, 'the-secret');
  expect(text.body?.toString()).toBe('{"plain":"the-secret"}');
  expect(text.headers).toEqual({ 'content-type': 'application/json' });
  expect(replayRequest(dir, exchange(2), creds, 'the-secret').body).toEqual(zip);
  const login = replayRequest(
    dir,
    exchange(1, { headers: { authorization: 'Basic $SPS_BASIC_AUTH' }, requestFile: null }),
    creds,
    undefined,
  );
  expect(login.headers).toEqual({ authorization: `Basic ${Buffer.from('u:p').toString('base64')}` });
});

test('progress prints one short line per area change, with counts', () => {
  const lines: string[] = [];
  const progress = new Progress(4, (l) => lines.push(l));
  const areas = new Map([
    ['A-1', 'auth'],
    ['P-1', 'plugins'],
  ]);
  for (const [ids, failed] of [
    [['A-1'], false],
    [['META', 'A-1'], true],
    [['P-1'], false],
    [['Z'], false],
  ] as const) {
    progress.testBegins(areaOf(ids, areas));
    progress.testEnded(failed);
  }
  expect(lines).toEqual([
    '[sps-conformance] auth: test 1 of 4 (0 done, 0 failed)\n',
    '[sps-conformance] plugins: test 3 of 4 (2 done, 1 failed)\n',
    '[sps-conformance] other: test 4 of 4 (3 done, 1 failed)\n',
  ]);
});

test('a sharded run reports to a blob file of its own and leaves html, junit and the certificate to the merge', () => {
  expect(shardOf(['node', 'cli', 'test', '--shard', '2/3'])).toEqual({ current: 2, total: 3 });
  expect(shardOf(['--shard=1/2'])).toEqual({ current: 1, total: 2 });
  expect(shardOf(['test', '--grep', 'x'])).toBeUndefined();
  const sharded = runReporters('out', 'blobs', { current: 1, total: 2 }).map((r) => r[0]);
  expect(sharded).toEqual(['list', 'blob', expect.stringMatching(/reporter\.ts$/)]);
  expect(runReporters('out', 'blobs', { current: 1, total: 2 })[1]![1]).toEqual({
    outputFile: blobFile('blobs', { current: 1, total: 2 }),
  });
  expect(runReporters('out', 'blobs', undefined).map((r) => r[0])).toEqual([
    'list',
    'html',
    'junit',
    expect.stringMatching(/reporter\.ts$/),
  ]);
});
