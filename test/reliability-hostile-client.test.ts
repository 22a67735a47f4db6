// Reliability battery, hostile client: percent-encoded paths cannot get round access control on any
// route; pipelined writes of one connection take effect in order; absolute-form targets are served.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { allRoutes } from '../emulator/server.ts';
import type { SpsClient } from '../suite/client/sps-client.ts';
import {
  ADMIN,
  clientFor,
  emulatorWith,
  expect,
  json,
  NOBODY,
  pluginZip,
  READER,
  test,
  TX,
} from './emulator-fixtures.ts';

/** A concrete path of a route pattern: every `:param` becomes a plausible value. */
function concrete(pattern: string): string {
  return pattern.replace(/:[a-z_]+/g, 'x');
}

const hex = (c: string) => `%${c.charCodeAt(0).toString(16)}`;

/** Ways to spell the same path that a router decodes back to it. */
function encodedVariants(path: string): string[] {
  const rest = path.slice('/api/'.length);
  const letters = rest.replace(/[^a-z]/g, '');
  const first = letters[0]!;
  const at = path.indexOf(first, '/api/'.length);
  return [
    `${path.slice(0, at)}${hex(first)}${path.slice(at + 1)}`,
    `${path.slice(0, at)}${hex(first).toUpperCase()}${path.slice(at + 1)}`,
    `/api/${rest.replace(/[a-z]/g, hex)}`,
    `/${hex('a')}pi/${rest}`,
    `${path}/`,
    `${path}#fragment`,
  ];
}

async function statusOf(client: SpsClient, method: string, path: string): Promise<number> {
  const res = await client.request({ method, path, headers: { 'content-length': '0' }, body: Buffer.alloc(0) });
  return res.status;
}

test('every route answers an encoded variant of its path exactly as the plain path, for every role', async () => {
  const emu = await emulatorWith();
  try {
    const clients = [await clientFor(emu, NOBODY), await clientFor(emu, READER)];
    let forbidden = 0;
    for (const route of allRoutes(emu.emulator.profile)) {
      if (route.path === '/api/authentication') continue;
      const path = concrete(route.path);
      for (const client of clients) {
        const plain = await statusOf(client, route.method, path);
        if (plain === 403) forbidden++;
        for (const variant of encodedVariants(path)) {
          expect(await statusOf(client, route.method, variant), `${route.method} ${variant}`).toBe(plain);
        }
      }
    }
    expect(forbidden, 'the plain paths do refuse: the comparison has teeth').toBeGreaterThan(20);
    const admin = await clientFor(emu, ADMIN);
    expect(
      json<{ items: unknown[] }>(await admin.get('/api/configuration/plugins/aa')).items,
      'nothing was uploaded',
    ).toHaveLength(0);
    expect(json<{ transaction: { status: string } }>(await admin.get(TX)).transaction.status).toBe('closed');
  } finally {
    await emu.close();
  }
});

test('role none cannot upload, open or commit through encoded paths (the reported escalation)', async () => {
  const emu = await emulatorWith();
  try {
    const nobody = await clientFor(emu, NOBODY);
    const zip = await pluginZip('escalated');
    const upload = await nobody.request({
      method: 'POST',
      path: '/api/%75pload/plugins',
      headers: { 'content-type': 'application/zip' },
      body: zip,
    });
    expect(upload.status).toBe(403);
    expect(await statusOf(nobody, 'POST', '/api/%74ransaction')).toBe(403);
    expect(
      (
        await nobody.request({
          method: 'PUT',
          path: '/api/%74ransaction',
          headers: { 'content-type': 'application/json' },
          body: '{"status":"commit"}',
        })
      ).status,
    ).toBe(403);
    expect(
      json<{ items: unknown[] }>(await (await clientFor(emu)).get('/api/configuration/plugins/aa')).items,
    ).toHaveLength(0);
  } finally {
    await emu.close();
  }
});

/** A fresh session's cookie, as a raw client sends it. */
async function loginCookie(client: SpsClient): Promise<string> {
  const authorization = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
  const res = await client.raw({ method: 'GET', path: '/api/authentication', headers: { authorization } });
  return /session_id=[0-9a-f]+/.exec(String(res.headers['set-cookie']))![0];
}

/** Sends `bytes` on one connection and collects the answers until `count` responses arrived. */
function pipelined(url: string, bytes: Buffer, count: number): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname, () => socket.write(bytes));
    let text = '';
    socket.on('data', (c: Buffer) => {
      text += c.toString('latin1');
      if ((text.match(/HTTP\/1\.1 \d{3} /g) ?? []).length >= count && /\}\s*$/.test(text)) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
  });
}

test('pipelined POST upload then DELETE /api/transaction on one connection take effect in order', async () => {
  const emu = await emulatorWith();
  try {
    const admin = await clientFor(emu);
    const cookie = await loginCookie(admin);
    // A big zip: its inspection takes long enough that a concurrent DELETE would win the race.
    const zip = await pluginZip('pipelined', 'aa', {
      files: [{ name: 'pad.bin', content: randomBytes(6 * 1024 * 1024).toString('base64') }],
    });
    const upload = Buffer.concat([
      Buffer.from(
        `POST /api/upload/plugins HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nContent-Type: application/zip\r\nContent-Length: ${zip.length}\r\n\r\n`,
      ),
      zip,
    ]);
    const rollback = Buffer.from(`DELETE /api/transaction HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\n\r\n`);
    const answers = await pipelined(emu.url, Buffer.concat([upload, rollback]), 2);
    expect(answers.match(/HTTP\/1\.1 \d{3} /g)).toEqual(['HTTP/1.1 201 ', 'HTTP/1.1 200 ']);
    const asRaw = (path: string) => admin.raw({ method: 'GET', path, headers: { cookie } });
    expect(
      json<{ transaction: { status: string } }>(await asRaw(TX)).transaction.status,
      'the rollback came after the upload',
    ).toBe('closed');
    expect(json<{ items: unknown[] }>(await asRaw('/api/configuration/plugins/aa')).items).toHaveLength(0);
  } finally {
    await emu.close();
  }
});

test('an absolute-form request target is served like its origin form (RFC 9112 §3.2.2)', async () => {
  const emu = await emulatorWith();
  try {
    const cookie = await loginCookie(await clientFor(emu));
    const answer = await pipelined(
      emu.url,
      Buffer.from(`GET ${emu.url}/api/transaction HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\n\r\n`),
      1,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200[\s\S]*"status":"closed"/);
  } finally {
    await emu.close();
  }
});

test('the writes of one session take effect in arrival order across connections', async () => {
  const emu = await emulatorWith();
  try {
    const admin = await clientFor(emu);
    const cookie = await loginCookie(admin);
    let arrived = 0;
    emu.server.on('request', () => arrived++);
    const zip = await pluginZip('ordered');
    const { hostname, port } = new URL(emu.url);
    const answers: string[] = [];
    const open = (first: Buffer) =>
      new Promise<Socket>((resolve) => {
        const socket = connect(Number(port), hostname, () => socket.write(first, () => resolve(socket)));
        socket.on('data', (c: Buffer) => answers.push(c.toString('latin1').slice(0, 12)));
      });
    // The upload's body stops half-way; the rollback arrives on another connection meanwhile.
    const half = Math.floor(zip.length / 2);
    const uploading = await open(
      Buffer.concat([
        Buffer.from(
          `POST /api/upload/plugins HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nContent-Type: application/zip\r\nContent-Length: ${zip.length}\r\n\r\n`,
        ),
        zip.subarray(0, half),
      ]),
    );
    const rollingBack = await open(
      Buffer.from(`DELETE /api/transaction HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\n\r\n`),
    );
    await expect.poll(() => arrived, 'both requests reached the server').toBe(2);
    uploading.write(zip.subarray(half));
    await expect.poll(() => answers.length).toBe(2);
    expect(answers).toEqual(['HTTP/1.1 201', 'HTTP/1.1 200']);
    const state = await admin.raw({ method: 'GET', path: TX, headers: { cookie } });
    expect(
      json<{ transaction: { status: string } }>(state).transaction.status,
      'the rollback took effect after the upload',
    ).toBe('closed');
    uploading.destroy();
    rollingBack.destroy();
  } finally {
    await emu.close();
  }
});
