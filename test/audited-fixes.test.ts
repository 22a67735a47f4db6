// The fixes of the 2026-12 audit (shared/spec/audit-2026-12.md), each with its check: the commit body,
// commit_message, the bare integrity answer, one named problem per refused upload, credential store
// writes graded inferred, the profiles per major version and from the firmware, the anonymous
// login_methods, and an Expect: 100-continue that never hangs.
import { TRANSACTION_PATH } from '../contract/surface.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpsClient } from '../suite/client/sps-client.ts';
import { commitTransaction, openTransaction } from '../suite/client/transactions.ts';
import { sendExpectingContinue } from '../suite/client/expect-continue.ts';
import { taggedResponseProblems } from '../suite/checks/response-checker.ts';
import { loadCatalog } from '../contract/catalog.ts';
import { profile, profileForFirmware } from '../contract/profiles.ts';
import { clientFor, emulatorWith, expect, test } from './emulator-fixtures.ts';

const catalog = new Map(loadCatalog().map((r) => [r.id, r]));

test('a commit sends {"status": "commit"} and nothing else, as safeguard-ps does; with a message, commit_message', async () => {
  const sent: unknown[] = [];
  const fake = {
    put: async (_path: string, body: unknown) => {
      sent.push(body);
    },
  } as unknown as SpsClient;
  await commitTransaction(fake);
  await commitTransaction(fake, 'release 42');
  expect(sent).toEqual([{ status: 'commit' }, { status: 'commit', commit_message: 'release 42' }]);
});

test('the emulator accepts commit_message; the 8.x profile shows it in the status body', async () => {
  for (const name of ['7.x', '8.x'] as const) {
    const emu = await emulatorWith({ profile: name });
    try {
      const admin = await clientFor(emu);
      await openTransaction(admin);
      const commit = await commitTransaction(admin, 'audited commit');
      expect(commit.status, name).toBe(200);
      const status = (await admin.get(TRANSACTION_PATH)).json as Record<
        string,
        { status?: string; commit_message?: string }
      >;
      if (name === '8.x') expect(status.body).toEqual({ commit_message: 'audited commit', status: 'closed' });
      else expect(status.transaction).toEqual({ status: 'closed' });
    } finally {
      await emu.close();
    }
  }
});

test('the integrity answer may be only { body }, exactly the documented sample', () => {
  const bare = {
    method: 'GET',
    path: '/api/plugin/integrity?key=k&plugin_type=aa&ops=zip_checksum',
    status: 200,
    contentType: 'application/json',
    json: { body: { zip_checksum: { verdict: 'passed', reason: 'Plugin .zip checksums match' } } },
  };
  expect(taggedResponseProblems(bare)).toEqual([]);
  const wrongMeta = { ...bare, json: { ...bare.json, meta: { href: '/api/plugin' } } };
  expect(taggedResponseProblems(wrongMeta).map((p) => p.id)).toEqual(['META-SINGLETON-001']);
  expect(catalog.get('META-SINGLETON-001')?.basis).toBe('inferred');
});

test('an error without details breaks only the inferred ERROR-DETAILS-001; without type or message, the observed envelope', () => {
  const error = (body: unknown) =>
    taggedResponseProblems({ method: 'GET', path: '/api/x', status: 404, contentType: 'application/json', json: body });
  expect(error({ error: { type: 'NotFound', message: 'no' } }).map((p) => p.id)).toEqual(['ERROR-DETAILS-001']);
  expect(error({ error: { message: 'no', details: {} } }).map((p) => p.id)).toEqual(['ERROR-ENVELOPE-001']);
  expect(catalog.get('ERROR-ENVELOPE-001')?.basis).toBe('observed');
});

test('several broken packaging rules may be answered with the first only: "every rule listed" is inferred', () => {
  expect(catalog.get('PKG-ALL-RULES-001')).toMatchObject({ basis: 'inferred' });
  expect(catalog.get('PKG-ALL-RULES-001')?.statement).toMatch(/MAY name only the first/);
  expect(catalog.get('UPLOAD-PROBLEMS-001')?.basis).toBe('inferred');
});

test('credential store writes are inferred (the 6.9.4 guide: "can only be configured using the web interface"); reads stay documented', () => {
  for (const id of [
    'CREDSTORE-CREATE-001',
    'CREDSTORE-MODIFY-001',
    'CREDSTORE-DELETE-001',
    'CREDSTORE-VALIDATION-001',
    'CREDSTORE-REFERENCE-001',
  ]) {
    expect(catalog.get(id)?.basis, id).toBe('inferred');
    expect(catalog.get(id)?.source, id).toContain('can only be configured using the web interface');
  }
  for (const id of ['CREDSTORE-READ-001', 'CREDSTORE-LIST-001', 'CREDSTORE-NOTFOUND-001'])
    expect(catalog.get(id)?.basis, id).toBe('documented');
});

test('profiles per major version: plugin API 1.7 / 1.8 / 1.9, four plugin types in 6.9, the body envelope from 8.x', () => {
  expect(profile('7.x').pluginApi).toEqual({ major: 1, minor: 7 });
  expect(profile('8.x').pluginApi).toEqual({ major: 1, minor: 8 });
  expect(profile('9.x').pluginApi).toEqual({ major: 1, minor: 9 });
  expect(profile('6.9').manifestTypes).toEqual(['aa', 'configuration_sync', 'credentialstore', 'signingca']);
  expect([
    profile('7.x').transactionEnvelope,
    profile('8.x').transactionEnvelope,
    profile('9.x').transactionEnvelope,
  ]).toEqual(['transaction', 'body', 'body']);
  expect([profile('7.x').commitMessage, profile('8.x').commitMessage]).toEqual([false, true]);
});

test('the profile follows the reported firmware version', () => {
  expect(['5.3.2', '6.0.12', '6.4.1', '6.9.4', '7.4.1', '8.0.2', '9.1.0', '10.0'].map(profileForFirmware)).toEqual([
    '5.x',
    '6.0',
    '6.0',
    '6.9',
    '7.x',
    '8.x',
    '9.x',
    '9.x',
  ]);
  expect(profileForFirmware('unknown')).toBeUndefined();
});

test('GET /api/authentication/login_methods answers without a session', async ({ emu }) => {
  const anonymous = new SpsClient(emu.url);
  const res = await anonymous.get('/api/authentication/login_methods');
  expect(res.status).toBe(200);
  expect(
    taggedResponseProblems({
      method: 'GET',
      path: '/api/authentication/login_methods',
      status: res.status,
      contentType: res.headers['content-type'],
      json: res.json,
    }),
  ).toEqual([]);
});

test('Expect: 100-continue never hangs: a server that never answers the expectation gets the body after the short wait', async () => {
  // A server that ignores Expect entirely (no checkContinue answer, reads the body when it comes).
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res.end(JSON.stringify({ got: Buffer.concat(chunks).length })));
  });
  server.on('checkContinue', (req, res) => server.emit('request', req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const whole = await sendExpectingContinue(
      url,
      { verify: true },
      '/x',
      { 'content-length': '5' },
      Buffer.from('hello'),
      200,
    );
    expect(whole).toMatchObject({ continued: false, waited: true, status: 200 });
    expect(JSON.parse(whole.body.toString('utf8'))).toEqual({ got: 5 });
    // The oversized probe never sends a short body: it stops and says no answer came.
    const probe = await sendExpectingContinue(
      url,
      { verify: true },
      '/x',
      { 'content-length': '999999' },
      Buffer.alloc(4),
      200,
    );
    expect(probe).toMatchObject({ continued: false, waited: true, status: 0 });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
