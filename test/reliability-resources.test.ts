// Reliability battery, resource exhaustion: MANIFEST caps before parsing, bounded concurrent uploads,
// 408 for requests that stop arriving, capped problem lists, swept and capped sessions, and the
// brute-force brake with constant-time, strict-UTF-8 credentials.
import { connect } from 'node:net';
import { LoginBrake } from '../emulator/login-brake.ts';
import { MAX_SESSIONS_PER_ACCOUNT, Sessions, SESSION_IDLE_MS } from '../emulator/sessions.ts';
import { MAX_CONCURRENT_UPLOADS } from '../emulator/upload-slots.ts';
import { SpsClient } from '../suite/client/sps-client.ts';
import { inspectPlugin } from '../contract/plugin/inspect.ts';
import { manifestLimitProblem, MANIFEST_MAX_BYTES } from '../contract/plugin/manifest-limits.ts';
import { profile } from '../contract/profiles.ts';
import { buildZip } from '../generators/zip-bytes.ts';
import { ADMIN, clientFor, emulatorWith, expect, expectError, json, manifest, test } from './emulator-fixtures.ts';
import { familyPath } from '../contract/surface.ts';

const UM = familyPath('usermapping_policies');
const VALID = manifest({
  name: 'capped',
  description: 'd',
  version: '1.0',
  type: 'aa',
  api: '1.6',
  entry_point: 'main.py',
});

test('MANIFEST caps apply before parsing: size, keys and depth', async () => {
  expect(manifestLimitProblem(Buffer.from(VALID))).toBeUndefined();
  expect(manifestLimitProblem(Buffer.alloc(MANIFEST_MAX_BYTES + 1, 'a'))).toMatch(/larger than/);
  const keys = Array.from({ length: 5000 }, (_, i) => `k${i}: v`).join('\n');
  expect(manifestLimitProblem(Buffer.from(keys))).toMatch(/more than 1000 keys/);
  expect(manifestLimitProblem(Buffer.from(`a: ${'['.repeat(250)}${']'.repeat(250)}`))).toMatch(/deeper than/);
  const block = Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  expect(manifestLimitProblem(Buffer.from(block))).toMatch(/deeper than/);
  expect(
    manifestLimitProblem(Buffer.from(`${VALID}description2: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\n`)),
    'brackets in quotes do not nest',
  ).toBeUndefined();
  const zip = await buildZip([
    { name: 'MANIFEST', content: `${VALID}${keys}\n` },
    { name: 'main.py', content: '' },
  ]);
  const { problems } = await inspectPlugin(zip, { profile: profile('7.x') });
  expect(problems).toEqual([{ rule: 'manifest.invalid-yaml', message: expect.stringMatching(/more than 1000 keys/) }]);
});

test('a semantic error lists at most 100 problems and counts the rest', async () => {
  const emu = await emulatorWith();
  try {
    const admin = await clientFor(emu);
    const body = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`unknown_${i}`, 1]));
    const res = await admin.post(UM, { name: 'x', mappings: [], ...body });
    expectError(res, 400, 'SemanticError');
    const details = json<{ error: { details: { problems: unknown[]; problems_omitted: number } } }>(res).error.details;
    expect(details.problems).toHaveLength(100);
    expect(details.problems_omitted).toBeGreaterThanOrEqual(4900);
    expect(res.body.length).toBeLessThan(64 * 1024);
  } finally {
    await emu.close();
  }
});

/** Opens a raw connection and sends the headers of an upload whose body never comes. */
function stalledUpload(
  url: string,
  cookie: string,
  length = 19 * 1024 * 1024,
): Promise<{ answer: Promise<string>; close(): void }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /api/upload/plugins HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nContent-Type: application/zip\r\nContent-Length: ${length}\r\n\r\nPK`,
      );
      let text = '';
      const answer = new Promise<string>((done) => {
        socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
        socket.on('close', () => done(text));
        socket.on('error', () => undefined);
      });
      resolve({ answer, close: () => socket.destroy() });
    });
  });
}

async function cookieOf(url: string): Promise<string> {
  const authorization = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
  const res = await new SpsClient(url).raw({ method: 'GET', path: '/api/authentication', headers: { authorization } });
  return /session_id=[0-9a-f]+/.exec(String(res.headers['set-cookie']))![0];
}

test('past the concurrent-upload cap a new upload gets 503 with Retry-After before its body is read', async () => {
  const emu = await emulatorWith();
  const stalled = [];
  try {
    for (let i = 0; i < MAX_CONCURRENT_UPLOADS; i++)
      stalled.push(await stalledUpload(emu.url, await cookieOf(emu.url)));
    // Every stalled upload must be inside the handler before the next one asks.
    await expect.poll(async () => (await new SpsClient(emu.url).get('/api/info')).status).toBe(200);
    const extra = await clientFor(emu);
    let refused: Awaited<ReturnType<typeof extra.upload>> | undefined;
    for (let i = 0; i < 50 && refused?.status !== 503; i++) refused = await extra.upload(Buffer.from('PK'));
    expect(refused!.status).toBe(503);
    expect(refused!.headers['retry-after']).toBe('5');
    for (const s of stalled) s.close();
    await expect
      .poll(
        async () => (await extra.upload(Buffer.from('not a zip'))).status,
        'slots come back when the stalled clients leave',
      )
      .toBe(400);
  } finally {
    for (const s of stalled) s.close();
    await emu.close();
  }
});

test('a body that stops arriving gets 408 Request Timeout, and so do headers that stop', async () => {
  const emu = await emulatorWith();
  try {
    emu.server.timeout = 300;
    const upload = await stalledUpload(emu.url, await cookieOf(emu.url), 1000);
    expect(await upload.answer).toMatch(/^HTTP\/1\.1 408[\s\S]*"RequestTimeout"/);
    const { hostname, port } = new URL(emu.url);
    const headersOnly = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), hostname, () => socket.write('GET /api/info HTTP/1.1\r\nHost: x\r\n'));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', () => undefined);
    });
    expect(headersOnly).toMatch(/^HTTP\/1\.1 408/);
    expect((await new SpsClient(emu.url).get('/api/info')).status).toBe(200);
  } finally {
    await emu.close();
  }
});

/** Sends `requests` on one connection and gives everything the server sent until it closed it. */
function oneConnection(url: string, requests: string[], gapMs: number): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise<string>((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      for (const [i, request] of requests.entries()) setTimeout(() => socket.write(request), i * gapMs);
    });
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
    socket.on('close', () => resolve(text));
    socket.on('error', () => undefined);
  });
}

test('a keep-alive connection serves requests apart, and is closed silently after two idle timeouts', async () => {
  const emu = await emulatorWith();
  try {
    // Requests 100 ms apart against a 1 s idle timeout: far apart enough on a loaded machine.
    emu.server.timeout = 1_000;
    const get = 'GET /api/info HTTP/1.1\r\nHost: x\r\n\r\n';
    const started = Date.now();
    const text = await oneConnection(emu.url, [get, get, get], 100);
    const answers = text.split('HTTP/1.1 ').slice(1);
    expect(
      answers.map((a) => a.slice(0, 3)),
      'three answers on one connection, nothing unasked',
    ).toEqual(['200', '200', '200']);
    expect(Date.now() - started, 'open through the first idle timeout').toBeGreaterThanOrEqual(2_000);
  } finally {
    await emu.close();
  }
});

test('idle sessions are swept and each account holds a bounded number of sessions', () => {
  let now = 0;
  const dropped: string[] = [];
  const sessions = new Sessions({ now: () => now, onDrop: (id) => dropped.push(id), maxPerAccount: 3 });
  const account = { username: 'a', password: 'p', role: 'admin' as const };
  const first = sessions.open(account);
  sessions.open(account);
  sessions.open(account);
  sessions.open(account);
  expect(sessions.size, 'the cap pushes the least recently used out').toBe(3);
  expect(dropped).toEqual([first.id]);
  now += SESSION_IDLE_MS + 61_000;
  sessions.open({ ...account, username: 'b' });
  expect(sessions.size, 'idle sessions are swept at the next login').toBe(1);
  expect(MAX_SESSIONS_PER_ACCOUNT).toBeGreaterThanOrEqual(64);
});

test('the cap ends the least recently used session, and a sweep finds every idle one whatever its login order', () => {
  let now = 0;
  const dropped: string[] = [];
  const sessions = new Sessions({ now: () => now, onDrop: (id) => dropped.push(id), maxPerAccount: 2 });
  const account = { username: 'a', password: 'p', role: 'admin' as const };
  const older = sessions.open(account);
  now += 1_000;
  const newer = sessions.open(account);
  now += 1_000;
  expect(sessions.touch(older.id)?.id).toBe(older.id);
  sessions.open(account);
  expect(dropped, 'the session touched last stays, though it logged in first').toEqual([newer.id]);
  const other = sessions.open({ ...account, username: 'b' });
  now += SESSION_IDLE_MS - 1_000;
  expect(sessions.touch(older.id)?.id, 'the first login, used just before it would have gone idle').toBe(older.id);
  now += 61_000;
  sessions.open({ ...account, username: 'c' });
  expect(sessions.touch(older.id)?.id, 'used within the idle limit: not swept').toBe(older.id);
  expect(
    sessions.touch(other.id),
    'idle: swept though a session that logged in before it is still in use',
  ).toBeUndefined();
  expect(sessions.size).toBe(2);
});

test('logins without logout do not pile up: the account keeps at most its cap', async () => {
  const emu = await emulatorWith();
  try {
    const sessions = emu.emulator.sessions;
    for (let i = 0; i < 2000; i++) sessions.open(ADMIN);
    expect(sessions.size).toBe(MAX_SESSIONS_PER_ACCOUNT);
  } finally {
    await emu.close();
  }
});

test('the login brake: after 5 wrong passwords in a row the name waits (429), its password unchecked', async () => {
  const emu = await emulatorWith({ loginBrake: { failures: 5, ms: 60_000 } });
  try {
    const client = new SpsClient(emu.url);
    for (let i = 0; i < 5; i++)
      expectError(
        await client.login({ username: ADMIN.username, password: `wrong-${i}` }),
        401,
        'AuthenticationFailure',
      );
    const braked = await client.login(ADMIN);
    expectError(braked, 429, 'TooManyRequests');
    expect(Number(braked.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await client.login({ username: 'second', password: 'second-pw' })).status,
      'other accounts are not braked',
    ).toBe(200);
  } finally {
    await emu.close();
  }
});

test('a right password resets the count: the suite-like pattern of a few wrong logins never brakes', async () => {
  const emu = await emulatorWith();
  try {
    const client = new SpsClient(emu.url);
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 4; i++)
        expect((await client.login({ username: ADMIN.username, password: 'wrong' })).status).toBe(401);
      expect((await client.login(ADMIN)).status).toBe(200);
    }
  } finally {
    await emu.close();
  }
  const brake = new LoginBrake({ failures: 2, ms: 100 }, () => 0);
  brake.failed('x');
  expect(brake.waitMs('x')).toBe(0);
  brake.failed('x');
  expect(brake.waitMs('x')).toBe(100);
  brake.failed('x');
  expect(brake.waitMs('x'), 'each further failure doubles the pause').toBe(200);
});

test('credentials that are not valid UTF-8 are refused, not decoded lossily into a match', async () => {
  const emu = await emulatorWith({ accounts: [{ username: 'u', password: 'p\uFFFD', role: 'admin' }] });
  try {
    const client = new SpsClient(emu.url);
    expect((await client.login({ username: 'u', password: 'p\uFFFD' })).status).toBe(200);
    // 0xff is not UTF-8; a lossy decoder turns it into U+FFFD and would let it in.
    const raw = Buffer.concat([Buffer.from('u:p'), Buffer.from([0xff])]).toString('base64');
    expectError(
      await client.raw({ method: 'GET', path: '/api/authentication', headers: { authorization: `Basic ${raw}` } }),
      401,
      'AuthenticationFailure',
    );
  } finally {
    await emu.close();
  }
});
