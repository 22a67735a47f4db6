// Transactions: status, open, commit, rollback, isolation between sessions, the configuration lock.
import { schemaProblems } from '../contract/validators.ts';
import {
  commitTransaction,
  openTransaction,
  rollbackTransaction,
  transactionStatus,
} from '../suite/client/transactions.ts';
import { runName } from '../suite/client/run-names.ts';
import type { SpsClient } from '../suite/client/sps-client.ts';
import { check, checkAsync, checkEach, expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { familyPath, TRANSACTION_PATH } from '../contract/surface.ts';

const USERMAPPING = familyPath('usermapping_policies');

function usermappingBody(name: string) {
  return { name, allow_other_remote_users_without_mapping: true, mappings: [] };
}

async function listedKeys(client: SpsClient, path: string): Promise<string[]> {
  const res = await client.get(path);
  expect(res.status, `GET ${path}`).toBe(200);
  return (res.json as { items: { key: string }[] }).items.map((i) => i.key);
}

test.describe('transactions', () => {
  test(
    'GET /api/transaction answers the status, closed when nothing is open',
    requirements('TX-STATUS-001', 'TX-STATUS-002', 'TX-STATUS-003'),
    async ({ sps, spsProfile }) => {
      await rollbackTransaction(sps);
      const res = await sps.get(TRANSACTION_PATH);
      expect(res.status).toBe(200);
      expect(schemaProblems('transaction', res.json)).toEqual([]);
      expect((res.json as { key?: unknown }).key).toBe('transaction');
      expect(transactionStatus(res)).toBe('closed');
      const envelope = spsProfile.transactionEnvelope;
      expect((res.json as Record<string, unknown>)[envelope], `status under "${envelope}"`).toBeDefined();
    },
  );

  test(
    'POST /api/transaction opens one; the status says open and meta counts the remaining seconds',
    requirements('TX-OPEN-001', 'TX-OPEN-002', 'TX-REMAINING-001'),
    async ({ sps, writes: _w }) => {
      const open = await openTransaction(sps);
      expect(open.status).toBe(200);
      const again = await openTransaction(sps);
      check('TX-OPEN-002', () => {
        expect(again.status, 'opening again in the same session').toBe(200);
        expect(transactionStatus(again) ?? 'open').toBe('open');
      });
      const status = await sps.get(TRANSACTION_PATH);
      expect(transactionStatus(status)).toBe('open');
      const remaining = (status.json as { meta?: { remaining_seconds?: unknown } }).meta?.remaining_seconds;
      expect(
        typeof remaining === 'number' && remaining > 0 && remaining <= 600,
        `remaining_seconds ${String(remaining)}`,
      ).toBe(true);
      expect((await rollbackTransaction(sps)).status).toBe(200);
    },
  );

  test(
    'POST /api/transaction without a Content-Length is refused with 411',
    requirements('TX-OPEN-411'),
    async ({ sps, writes: _w }) => {
      const res = await sps.request({
        method: 'POST',
        path: TRANSACTION_PATH,
        headers: { 'transfer-encoding': 'chunked' },
        body: Buffer.alloc(0),
      });
      expect(res.status).toBe(411);
    },
  );

  test(
    'committing with nothing open is refused with 400 SemanticError',
    requirements('TX-COMMIT-NONE-001'),
    async ({ sps, writes: _w }) => {
      await rollbackTransaction(sps);
      expectError(await commitTransaction(sps), { id: 'TX-COMMIT-NONE-001', status: 400, type: 'SemanticError' });
    },
  );

  test(
    'a commit body other than {status: commit} is refused',
    requirements('TX-COMMIT-BODY-001'),
    async ({ tx: sps }) => {
      for (const body of [{ status: 'rollback' }, { state: 'commit' }, {}, { status: 42 }]) {
        expectError(await sps.put(TRANSACTION_PATH, body), {
          id: 'TX-COMMIT-BODY-001',
          status: 400,
          type: 'SemanticError',
          label: JSON.stringify(body),
        });
      }
      const garbled = await sps.request({
        method: 'PUT',
        path: TRANSACTION_PATH,
        headers: { 'content-type': 'application/json' },
        body: '{"status":',
      });
      expectError(garbled, { id: 'TX-COMMIT-BODY-001', status: 400, type: 'SyntacticError', label: 'not JSON' });
      const after = await sps.get(TRANSACTION_PATH);
      check(
        'TX-COMMIT-BODY-001',
        () => expect(transactionStatus(after), 'still open after refused commits').toBe('open'),
        'still open',
      );
    },
  );

  test(
    'rollback answers the transaction meta and closes the transaction',
    requirements('TX-ROLLBACK-001'),
    async ({ sps, writes: _w }) => {
      await openTransaction(sps);
      const res = await rollbackTransaction(sps);
      expect(res.status).toBe(200);
      expect((res.json as { meta?: unknown }).meta).toEqual({ href: TRANSACTION_PATH, parent: '/api' });
      expect(transactionStatus(await sps.get(TRANSACTION_PATH))).toBe('closed');
    },
  );

  test(
    'a change is invisible to other sessions until commit, then visible to all',
    requirements('TX-ISOLATION-001', 'TX-COMMIT-001'),
    async ({ sps, peer: other, ledger, settings }) => {
      await openTransaction(sps);
      const created = await sps.post(USERMAPPING, usermappingBody(runName(settings.runId, 'isolated')));
      expect(created.status).toBe(201);
      const { key, meta } = created.json as { key: string; meta: { href: string } };
      ledger.record(meta.href);
      expect(await listedKeys(sps, USERMAPPING), 'the writer sees its own change').toContain(key);
      await checkAsync('TX-ISOLATION-001', async () => {
        expect(await listedKeys(other, USERMAPPING), 'another session must not see it before commit').not.toContain(
          key,
        );
        expect((await other.get(meta.href)).status, 'another session reading it before commit').toBe(404);
      });
      const commit = await commitTransaction(sps);
      expect(commit.status).toBe(200);
      expect(transactionStatus(commit) ?? transactionStatus(await sps.get(TRANSACTION_PATH))).toBe('closed');
      expect(await listedKeys(other, USERMAPPING), 'visible to everyone after commit').toContain(key);
    },
  );

  test(
    'rollback leaves no trace of the changes',
    requirements('TX-ROLLBACK-002'),
    async ({ sps, peer: other, settings, writes: _w }) => {
      const before = await listedKeys(sps, USERMAPPING);
      await openTransaction(sps);
      const created = await sps.post(USERMAPPING, usermappingBody(runName(settings.runId, 'rolledback')));
      expect(created.status).toBe(201);
      const { key, meta } = created.json as { key: string; meta: { href: string } };
      await rollbackTransaction(sps);
      expect(await listedKeys(sps, USERMAPPING)).toEqual(before);
      expect(await listedKeys(other, USERMAPPING)).not.toContain(key);
      expect((await sps.get(meta.href)).status).toBe(404);
    },
  );

  test(
    'while one session has a transaction open, another session cannot change the configuration',
    requirements('TX-LOCK-002', 'TX-LOCK-001'),
    async ({ sps, peer: other, settings, writes: _w }) => {
      await openTransaction(sps);
      const refusedIn4xx = (status: number) =>
        expect(status >= 400 && status < 500, `a 4xx refusal, got HTTP ${status}`).toBe(true);
      const second = await openTransaction(other);
      checkEach(
        () => check('TX-LOCK-002', () => refusedIn4xx(second.status), 'opening a second transaction'),
        () =>
          expectError(second, {
            id: 'TX-LOCK-001',
            status: 409,
            type: 'TransactionLocked',
            label: 'opening a second transaction',
          }),
      );
      const write = await other.post(USERMAPPING, usermappingBody(runName(settings.runId, 'locked')));
      checkEach(
        () => check('TX-LOCK-002', () => refusedIn4xx(write.status), 'writing while locked'),
        () =>
          expectError(write, {
            id: 'TX-LOCK-001',
            status: 409,
            type: 'TransactionLocked',
            label: 'writing while locked',
          }),
      );
      const read = await other.get(USERMAPPING);
      check('TX-LOCK-001', () => expect(read.status, 'reading stays allowed').toBe(200), 'reading stays allowed');
      await rollbackTransaction(sps);
    },
  );

  test(
    'the first change opens a transaction by itself where the version does so',
    requirements('TX-AUTOOPEN-001', 'TX-AUTOOPEN-002'),
    async ({ sps, spsProfile, settings, writes: _w }) => {
      await rollbackTransaction(sps);
      const res = await sps.post(USERMAPPING, usermappingBody(runName(settings.runId, 'autoopen')));
      if (spsProfile.autoOpenTransaction) {
        expect(res.status).toBe(201);
        expect(transactionStatus(await sps.get(TRANSACTION_PATH))).toBe('open');
      } else {
        expectError(res, { id: 'TX-AUTOOPEN-002', status: 400, type: 'SemanticError' });
      }
      await rollbackTransaction(sps);
    },
  );

  // Every logout costs a login later (seconds on an appliance): one test checks what a logout does,
  // by a session that does not hold the lock and by one that does.
  test(
    "logging out ends the session and discards the session's own transaction, and only its own",
    requirements('AUTH-LOGOUT-001', 'TX-SEQUENCE-LOCK-001', 'TX-LOGOUT-001'),
    async ({ sps, peer, third, settings, writes: _w }) => {
      await openTransaction(sps);
      const held = await sps.post(USERMAPPING, usermappingBody(runName(settings.runId, 'held')));
      expect(held.status).toBe(201);
      const heldKey = (held.json as { key: string }).key;
      const bye = await peer.logout();
      await checkAsync('AUTH-LOGOUT-001', async () => {
        expect(bye.status, 'DELETE /api/authentication').toBe(200);
        const cookie = String(bye.request.headers?.cookie ?? '');
        const res = await peer.raw({ method: 'GET', path: '/api/configuration/plugins', headers: { cookie } });
        expectError(res, { id: 'AUTH-LOGOUT-001', status: 401, type: 'Unauthenticated', label: 'the old cookie' });
      });
      await checkAsync(
        'TX-SEQUENCE-LOCK-001',
        async () => {
          expect(transactionStatus(await sps.get(TRANSACTION_PATH)), "the holder's transaction stays open").toBe(
            'open',
          );
          expect(await listedKeys(sps, USERMAPPING), 'and keeps its change').toContain(heldKey);
        },
        "another session's logout",
      );
      await rollbackTransaction(sps);

      await openTransaction(third);
      const created = await third.post(USERMAPPING, usermappingBody(runName(settings.runId, 'loggedout')));
      expect(created.status).toBe(201);
      const { key } = created.json as { key: string };
      await checkAsync('TX-LOGOUT-001', async () => {
        expect((await third.logout()).status, 'DELETE /api/authentication').toBe(200);
        expect(await listedKeys(sps, USERMAPPING)).not.toContain(key);
        expect((await openTransaction(sps)).status, 'the lock is released').toBe(200);
      });
      await rollbackTransaction(sps);
    },
  );

  test(
    '8.x: the status body carries commit_message, and a commit may send one',
    requirements('TX-COMMIT-MESSAGE-001'),
    async ({ sps, spsProfile, ledger, settings, writes: _w }) => {
      test.skip(!spsProfile.commitMessage, `profile ${spsProfile.name}: commit_message is documented from 8.0 LTS`);
      const status = await sps.get(TRANSACTION_PATH);
      expect(
        typeof (status.json as { body?: { commit_message?: unknown } }).body?.commit_message,
        'body.commit_message',
      ).toBe('string');
      await openTransaction(sps);
      const created = await sps.post(USERMAPPING, usermappingBody(runName(settings.runId, 'message')));
      expect(created.status).toBe(201);
      ledger.record((created.json as { meta: { href: string } }).meta.href);
      const commit = await commitTransaction(sps, `sps-conformance ${settings.runId}`);
      expect(commit.status, commit.body.toString('utf8').slice(0, 200)).toBe(200);
      expect(transactionStatus(await sps.get(TRANSACTION_PATH))).toBe('closed');
    },
  );

  test('transaction endpoints need a session', requirements('AUTH-SESSION-001'), async ({ anonymous }) => {
    for (const req of [
      { method: 'GET', path: TRANSACTION_PATH },
      { method: 'POST', path: TRANSACTION_PATH, body: Buffer.alloc(0) },
      {
        method: 'PUT',
        path: TRANSACTION_PATH,
        body: '{"status":"commit"}',
        headers: { 'content-type': 'application/json' },
      },
      { method: 'DELETE', path: TRANSACTION_PATH },
    ]) {
      expectError(await anonymous.request(req), {
        id: 'AUTH-SESSION-001',
        status: 401,
        type: 'Unauthenticated',
        label: `${req.method} ${req.path}`,
      });
    }
  });
});
