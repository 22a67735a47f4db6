// Hard to break: bad bodies, wrong media types, unknown paths, bad cookies, malformed URLs and raw
// protocol garbage get 4xx answers; nothing gets a 5xx, crashes the process or changes committed state.
import { connect } from 'node:net';
import {
  clientFor,
  COMMIT,
  expect,
  expectError,
  json,
  NOBODY,
  READER,
  test,
  TX,
  uploadPlugin,
} from './emulator-fixtures.ts';
import { familyPath } from '../contract/surface.ts';

const UM = familyPath('usermapping_policies');

test('bodies that are not JSON objects are SyntacticErrors; wrong shapes SemanticErrors', async ({ admin }) => {
  const raw = (body: string | Buffer) =>
    admin.request({ method: 'POST', path: UM, headers: { 'content-type': 'application/json' }, body });
  for (const body of ['', '{', 'null', '[]', '"text"', '42', '{"name": "a",}', Buffer.from([0xff, 0xfe, 0x7b, 0x7d])]) {
    expectError(await raw(body), 400, 'SyntacticError');
  }
  for (const body of [
    { name: 5, mappings: [] },
    { name: 'x', mappings: {} },
    { name: 'x', mappings: [5] },
    { __proto__: { admin: true }, name: 'x' },
  ]) {
    expectError(await admin.post(UM, body), 400, 'SemanticError');
  }
  expectError(
    await admin.post(UM, JSON.parse('{"name":"x","mappings":[],"__proto__":{"polluted":1}}')),
    400,
    'SemanticError',
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('a JSON body under another media type is 415; an oversized one 413', async ({ admin }) => {
  const body = JSON.stringify({ name: 'x', mappings: [] });
  expectError(
    await admin.request({ method: 'POST', path: UM, headers: { 'content-type': 'text/plain' }, body }),
    415,
    'UnsupportedMediaType',
  );
  expectError(
    await admin.request({
      method: 'POST',
      path: UM,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
    415,
    'UnsupportedMediaType',
  );
  expect(
    (
      await admin.request({
        method: 'POST',
        path: UM,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
      })
    ).status,
  ).toBe(201);
  const huge = JSON.stringify({ name: 'y', mappings: [], pad: 'x'.repeat(2 * 1024 * 1024) });
  expectError(
    await admin.request({ method: 'POST', path: UM, headers: { 'content-type': 'application/json' }, body: huge }),
    413,
    'PayloadTooLarge',
  );
});

test('unknown paths are 404, known paths with other methods 405 with Allow', async ({ admin }) => {
  for (const path of [
    '/',
    '/api',
    '/api/nothing',
    '/api/configuration/plugins/aa/x/y',
    '/api/configuration/policies/nope',
    '/api/upload',
  ]) {
    expectError(await admin.get(path), 404, 'NotFound');
  }
  const res = await admin.request({ method: 'PATCH', path: TX });
  expectError(res, 405, 'MethodNotAllowed');
  expect(res.headers.allow).toBe('GET, POST, PUT, DELETE');
  expectError(await admin.get('/api/upload/plugins'), 405, 'MethodNotAllowed');
});

test('missing, unknown and garbled cookies are 401 Unauthenticated', async ({ emu, admin }) => {
  for (const cookie of [
    undefined,
    'session_id=',
    'session_id=abc',
    `session_id=${'0'.repeat(40)}`,
    'session_id=%%%',
    'garbage',
    ';;;=;',
    `other=1; session_id=${'z'.repeat(40)}`,
  ]) {
    const res = await admin.raw({ method: 'GET', path: UM, ...(cookie !== undefined ? { headers: { cookie } } : {}) });
    expectError(res, 401, 'Unauthenticated');
  }
  expect((await admin.get(UM)).status).toBe(200);
  await admin.logout();
  expectError(await admin.get(UM), 401, 'Unauthenticated');
  expect(emu.emulator.sessions.size, 'no garbled cookie opened a session, and the logout closed the only one').toBe(0);
});

test('wrong Basic credentials are 401 AuthenticationFailure', async ({ admin }) => {
  for (const authorization of [
    'Basic !!!',
    `Basic ${Buffer.from('admin:wrong').toString('base64')}`,
    'Bearer x',
    `Basic ${Buffer.from('nocolon').toString('base64')}`,
  ]) {
    expectError(
      await admin.raw({ method: 'GET', path: '/api/authentication', headers: { authorization } }),
      401,
      'AuthenticationFailure',
    );
  }
});

test('malformed URLs and percent-encodings are 400, not 500', async ({ admin }) => {
  for (const path of ['/api/%zz', '/api/configuration/plugins/aa/%E0%A4%A', `${UM}?name=%`, `${UM}/%00`]) {
    const res = await admin.get(path);
    expect(res.status, path).toBeGreaterThanOrEqual(400);
    expect(res.status, path).toBeLessThan(500);
  }
  expectError(await admin.get('/api/%zz'), 400, 'SyntacticError');
  expectError(await admin.get(`${UM}?x=%zz`), 400, 'SyntacticError');
  expectError(await admin.get(`${UM}/..%2F..%2Fetc`), 404, 'NotFound');
});

/** Writes raw bytes on a fresh connection and returns what comes back before the server closes it. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    setTimeout(() => socket.destroy(), 1500);
  });
}

test('protocol garbage gets a JSON 400 or 431 and the server keeps serving', async ({ emu, admin }) => {
  expect(await rawExchange(emu.url, 'THIS IS NOT HTTP\r\n\r\n')).toMatch(/^HTTP\/1\.1 400[\s\S]*"SyntacticError"/);
  expect(
    await rawExchange(emu.url, `GET /api/info HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70000)}\r\n\r\n`),
  ).toMatch(/^HTTP\/1\.1 431/);
  expect(
    await rawExchange(
      emu.url,
      'GET /api/info HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n',
    ),
  ).toMatch(/^HTTP\/1\.1 400/);
  // Absolute-form is accepted (RFC 9112 §3.2.2); a non-http scheme is not a target this server has.
  expect(
    await rawExchange(emu.url, 'GET http://evil/api/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
  ).toMatch(/^HTTP\/1\.1 200/);
  expect(
    await rawExchange(emu.url, 'GET ftp://evil/api/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
  ).toMatch(/^HTTP\/1\.1 400/);
  expect((await admin.get('/api/info')).status).toBe(200);
});

test('readonly may read but not write; none may not touch configuration', async ({ emu, admin }) => {
  const key = await uploadPlugin(admin, 'seen');
  await admin.put(TX, COMMIT);
  const reader = await clientFor(emu, READER);
  expect((await reader.get(`/api/configuration/plugins/aa/${key}`)).status).toBe(200);
  expect((await reader.get(TX)).status).toBe(200);
  expect((await reader.delete(TX)).status).toBe(200);
  expect((await reader.get(`/api/plugin/integrity?key=${key}&plugin_type=aa&ops=zip_checksum`)).status).toBe(200);
  expectError(await reader.post(UM, { name: 'x', mappings: [] }), 403, 'Unauthorized');
  expectError(
    await reader.request({ method: 'POST', path: TX, headers: { 'content-length': '0' } }),
    403,
    'Unauthorized',
  );
  expectError(await reader.put(TX, COMMIT), 403, 'Unauthorized');
  expectError(await reader.upload(Buffer.from('x')), 403, 'Unauthorized');
  expectError(await reader.delete(`/api/configuration/plugins/aa/${key}`), 403, 'Unauthorized');
  const nobody = await clientFor(emu, NOBODY);
  for (const path of [
    UM,
    TX,
    `/api/configuration/plugins/aa/${key}`,
    `/api/plugin/integrity?key=${key}&plugin_type=aa&ops=x`,
  ]) {
    expectError(await nobody.get(path), 403, 'Unauthorized');
  }
  expect((await nobody.get('/api/info')).status).toBe(200);
  expect((await nobody.logout()).status).toBe(200);
});

test('a barrage of hostile requests never answers 5xx nor changes committed state', async ({ emu, admin }) => {
  await uploadPlugin(admin, 'anchor');
  await admin.put(TX, COMMIT);
  const before = JSON.stringify(emu.emulator.store.committed);
  const other = await clientFor(emu, READER);
  const attempts = [
    () => other.post(UM, { name: 'x', mappings: [] }),
    () => admin.request({ method: 'PUT', path: `${UM}/x`, headers: { 'content-type': 'application/json' }, body: '{' }),
    () => admin.request({ method: 'DELETE', path: '/api/configuration/plugins/aa/%ff' }),
    () => admin.upload(Buffer.from(`PK\x05\x06${'\0'.repeat(18)}`, 'latin1')),
    () =>
      admin.request({
        method: 'POST',
        path: '/api/configuration/passwords',
        headers: { 'content-type': 'application/json' },
        body: '{"plain":{"$gt":""}}',
      }),
    () =>
      admin.request({
        method: 'PUT',
        path: TX,
        headers: { 'content-type': 'application/json' },
        body: '{"status":"commit","message":[]}',
      }),
    () => admin.get('/api/configuration/plugins/constructor'),
    () => admin.get('/api/configuration/plugins/aa/__proto__'),
    () => admin.get('/api/configuration/policies/aa_plugin_instances/hasOwnProperty'),
  ];
  for (const attempt of attempts) {
    const res = await attempt();
    expect(res.status, res.request.path).toBeLessThan(500);
  }
  await admin.delete(TX);
  expect(JSON.stringify(emu.emulator.store.committed)).toBe(before);
  expect(json<{ items: unknown[] }>(await admin.get('/api/configuration/plugins/aa')).items).toHaveLength(1);
});
