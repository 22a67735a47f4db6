// Transactions: per session, locked against other sessions, commit/rollback/timeout/logout, the
// profile's auto-open and envelope (decisions: Transactions).
import {
  clientFor,
  COMMIT,
  emulatorWith,
  expect,
  expectError,
  json,
  openTransaction,
  OTHER_ADMIN,
  test,
  TX,
} from './emulator-fixtures.ts';
import { familyPath } from '../contract/surface.ts';

const UM = familyPath('usermapping_policies');
const policy = (name: string) => ({ name, mappings: [] });

test('GET /api/transaction is closed, then open after POST, with remaining_seconds only while open', async ({
  admin,
}) => {
  const closed = await admin.get(TX);
  expect(json(closed)).toEqual({
    key: 'transaction',
    transaction: { status: 'closed' },
    meta: { href: TX, parent: '/api' },
  });
  const opened = await openTransaction(admin);
  expect(opened.status).toBe(200);
  expect(json(opened)).toEqual({
    key: 'transaction',
    transaction: { status: 'open' },
    meta: { href: TX, parent: '/api', remaining_seconds: 600 },
  });
  expect((await openTransaction(admin)).status).toBe(200);
});

test('a change is seen by its session only, until commit', async ({ emu, admin }) => {
  const other = await clientFor(emu, OTHER_ADMIN);
  const created = await admin.post(UM, policy('first'));
  expect(created.status).toBe(201);
  const key = json<{ key: string }>(created).key;
  expect(json<{ items: unknown[] }>(await admin.get(UM)).items).toHaveLength(1);
  expect(json<{ items: unknown[] }>(await other.get(UM)).items).toHaveLength(0);
  expectError(await other.get(`${UM}/${key}`), 404, 'NotFound');
  const commit = await admin.put(TX, { ...COMMIT, message: 'first policy' });
  expect(commit.status).toBe(200);
  expect(json(commit)).toMatchObject({ transaction: { status: 'closed' } });
  expect(json<{ items: unknown[] }>(await other.get(UM)).items).toHaveLength(1);
});

test('rollback discards the changes and answers the documented meta', async ({ admin }) => {
  await admin.post(UM, policy('gone'));
  const res = await admin.delete(TX);
  expect(res.status).toBe(200);
  expect(json(res)).toEqual({ meta: { href: TX, parent: '/api' } });
  expect(json<{ items: unknown[] }>(await admin.get(UM)).items).toHaveLength(0);
  expect((await admin.delete(TX)).status).toBe(200);
});

test('another session cannot open a transaction or write while one is open', async ({ emu, admin }) => {
  const other = await clientFor(emu, OTHER_ADMIN);
  await openTransaction(admin);
  expectError(await openTransaction(other), 409, 'TransactionLocked');
  expectError(await other.post(UM, policy('blocked')), 409, 'TransactionLocked');
  expectError(await other.upload(Buffer.from('PK')), 409, 'TransactionLocked');
  // Rolling back someone else's transaction is not possible; it just reports no transaction of one's own.
  expect((await other.delete(TX)).status).toBe(200);
  expect(json(await admin.get(TX))).toMatchObject({ transaction: { status: 'open' } });
  await admin.delete(TX);
  expect((await openTransaction(other)).status).toBe(200);
});

test('concurrent writes from two sessions: exactly one session wins the lock', async ({ emu, admin }) => {
  const other = await clientFor(emu, OTHER_ADMIN);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? admin : other).post(UM, policy(`p${i}`))),
  );
  const statuses = results.map((r) => r.status);
  expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
  expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
  const adminWon = results.some((r, i) => r.status === 201 && i % 2 === 0);
  const otherWon = results.some((r, i) => r.status === 201 && i % 2 === 1);
  expect(adminWon && otherWon).toBe(false);
});

test('commit without a transaction, or with a wrong body, is a SemanticError; bad JSON a SyntacticError', async ({
  admin,
}) => {
  expectError(await admin.put(TX, COMMIT), 400, 'SemanticError');
  await openTransaction(admin);
  expectError(await admin.put(TX, { status: 'rollback' }), 400, 'SemanticError');
  expectError(await admin.put(TX, { status: 'commit', extra: 1 }), 400, 'SemanticError');
  expectError(
    await admin.request({
      method: 'PUT',
      path: TX,
      headers: { 'content-type': 'application/json' },
      body: '{"status":',
    }),
    400,
    'SyntacticError',
  );
  expect(json(await admin.get(TX))).toMatchObject({ transaction: { status: 'open' } });
});

test('POST /api/transaction without Content-Length is 411', async ({ admin }) => {
  const res = await admin.request({ method: 'POST', path: TX, headers: { 'transfer-encoding': 'chunked' } });
  expectError(res, 411, 'LengthRequired');
  expect(json(await admin.get(TX))).toMatchObject({ transaction: { status: 'closed' } });
});

test('logout rolls back the session transaction and frees the lock', async ({ emu, admin }) => {
  const other = await clientFor(emu, OTHER_ADMIN);
  await admin.post(UM, policy('unsaved'));
  expect((await admin.logout()).status).toBe(200);
  expect(json<{ items: unknown[] }>(await other.get(UM)).items).toHaveLength(0);
  expect((await other.post(UM, policy('mine'))).status).toBe(201);
});

test('an idle transaction times out: rolled back, lock released', async () => {
  const emu = await emulatorWith({ transactionTimeoutMs: 300 });
  try {
    const admin = await clientFor(emu);
    const other = await clientFor(emu, OTHER_ADMIN);
    await admin.post(UM, policy('short-lived'));
    const meta = json<{ meta: { remaining_seconds: number } }>(await admin.get(UM)).meta;
    expect(meta.remaining_seconds).toBe(1);
    await new Promise((r) => setTimeout(r, 450));
    expect((await other.post(UM, policy('after'))).status).toBe(201);
    expect(json(await admin.get(TX))).toMatchObject({ transaction: { status: 'closed' } });
    expect(json<{ items: { key: string }[] }>(await admin.get(UM)).items).toHaveLength(0);
  } finally {
    await emu.close();
  }
});

test('each request of the owner restarts the transaction clock', async () => {
  const emu = await emulatorWith({ transactionTimeoutMs: 400 });
  try {
    const admin = await clientFor(emu);
    await openTransaction(admin);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 200));
      expect(json(await admin.get(TX))).toMatchObject({ transaction: { status: 'open' } });
    }
  } finally {
    await emu.close();
  }
});

test('profiles without auto-open need POST /api/transaction first; 6.x puts the status under "transaction"', async () => {
  const emu = await emulatorWith({ profile: '6.0' });
  try {
    const admin = await clientFor(emu);
    expect(json(await admin.get(TX))).toEqual({
      key: 'transaction',
      transaction: { status: 'closed' },
      meta: { href: TX, parent: '/api' },
    });
    expectError(await admin.post(UM, policy('early')), 400, 'SemanticError');
    await openTransaction(admin);
    expect((await admin.post(UM, policy('late'))).status).toBe(201);
  } finally {
    await emu.close();
  }
});
