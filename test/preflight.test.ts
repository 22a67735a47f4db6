// The failure journeys of `sps-conformance run` against a live target: each ends in the preflight, before
// any test, with one line naming the URL and the setting that fixes it, and the documented exit code
// (README "Exit codes": 3 INVALID/unreachable, 2 a settings mistake). A good target passes it.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selfSignedTls } from '../emulator/tls.ts';
import { preflight } from '../suite/target/preflight.ts';
import { ADMIN, emulatorWith } from './emulator-fixtures.ts';

const BIN = fileURLToPath(new URL('../bin/sps-conformance.js', import.meta.url));

/** Runs the CLI asynchronously (the fake targets live in this process) from an empty folder (no .env). */
function run(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SPS_|FC_)/.test(k)));
  const cwd = mkdtempSync(join(tmpdir(), 'sps-preflight-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'run'], { cwd, env: { ...clean, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('exit', (code) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, out, err });
    });
  });
}

function listen(server: Server | TcpServer): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

/** One line on stderr, no stack trace, and no test started (Playwright never ran). */
function expectOneLine(result: { out: string; err: string }, message: RegExp): void {
  expect(result.err).toMatch(message);
  expect(result.err.trimEnd().split('\n')).toHaveLength(1);
  expect(result.err).not.toMatch(/\n\s+at /);
  expect(result.out).not.toContain('Running');
}

const LIVE = { SPS_USERNAME: ADMIN.username, SPS_PASSWORD: ADMIN.password };
const CREDENTIALS = { username: ADMIN.username, password: ADMIN.password };

test('a server that is not SPS and answers 200 to everything: INVALID, exit 3', async () => {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('OK'));
  const url = await listen(server);
  try {
    const result = await run({ ...LIVE, SPS_URL: url });
    expect(result.code).toBe(3);
    expectOneLine(result, new RegExp(`run INVALID: ${url} does not look like an SPS REST API`));
  } finally {
    server.close();
  }
});

test('a wrong password: "wrong credentials", exit 3', async () => {
  const emu = await emulatorWith();
  try {
    const result = await run({ SPS_URL: emu.url, SPS_USERNAME: ADMIN.username, SPS_PASSWORD: 'not-the-password' });
    expect(result.code).toBe(3);
    expectOneLine(
      result,
      /run INVALID: wrong credentials: .* refused the login of "admin" \(HTTP 401\); check SPS_USERNAME and SPS_PASSWORD/,
    );
    expect(result.err).not.toContain('not-the-password');
  } finally {
    await emu.close();
  }
});

test('the URL with /api at its end: "not an SPS REST API; ... without /api?", exit 3', async () => {
  const emu = await emulatorWith();
  try {
    const result = await run({ ...LIVE, SPS_URL: `${emu.url}/api` });
    expect(result.code).toBe(3);
    expectOneLine(result, /answered 404: not an SPS REST API; is the URL the appliance's base URL, without \/api\?/);
  } finally {
    await emu.close();
  }
});

test('a self-signed certificate: names SPS_CA_FILE and SPS_TLS_VERIFY, exit 3; with the CA file it passes', async () => {
  const tls = await selfSignedTls('127.0.0.1');
  const emu = await emulatorWith({ tls });
  const dir = mkdtempSync(join(tmpdir(), 'sps-preflight-ca-'));
  try {
    const url = emu.url.replace(/^http:/, 'https:');
    const result = await run({ ...LIVE, SPS_URL: url });
    expect(result.code).toBe(3);
    expectOneLine(result, /run INVALID: TLS: .* self-signed certificate: set SPS_CA_FILE .* or SPS_TLS_VERIFY=false/);
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, tls.cert);
    const trusted = await preflight({ ...CREDENTIALS, url, tlsVerify: true, caFile, requestTimeoutMs: 30_000 });
    expect(trusted).toMatchObject({ ok: true });
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a server that accepts and never answers: names the URL and SPS_REQUEST_TIMEOUT, exit 3', async () => {
  const sockets: Socket[] = [];
  const server = createTcpServer((socket) => sockets.push(socket));
  const url = await listen(server);
  try {
    const result = await run({ ...LIVE, SPS_URL: url, SPS_REQUEST_TIMEOUT: '1' });
    expect(result.code).toBe(3);
    expectOneLine(
      result,
      new RegExp(`run INVALID: no answer from ${url}/api/info within 1 s \\(SPS_REQUEST_TIMEOUT=1\\)`),
    );
  } finally {
    for (const socket of sockets) socket.destroy();
    server.close();
  }
});

test('SPS_USERNAME unset against a live target: exit 2, and the target gets no request at all', async () => {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    res.writeHead(404).end();
  });
  const url = await listen(server);
  try {
    const result = await run({ SPS_URL: url });
    expect(result.code).toBe(2);
    expectOneLine(result, /SPS_USERNAME is not set: .*SPS_PASSWORD/);
    expect(seen).toHaveLength(0);
  } finally {
    server.close();
  }
});

test('an SPS target passes the preflight with its credentials', async () => {
  const emu = await emulatorWith();
  try {
    const result = await preflight({
      ...CREDENTIALS,
      url: emu.url,
      tlsVerify: true,
      caFile: undefined,
      requestTimeoutMs: 30_000,
    });
    expect(result).toEqual({ ok: true, firmwareVersion: undefined });
  } finally {
    await emu.close();
  }
});
