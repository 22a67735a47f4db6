// /api/configuration/passwords (sps-rest-api.md "Objects that reference each other").
import { errorProblems } from '../suite/checks/error-problems.ts';
import { openTransaction, rollbackTransaction } from '../suite/client/transactions.ts';
import { check, expectAnswer } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { PASSWORDS_PATH } from '../contract/surface.ts';

const PASSWORDS = PASSWORDS_PATH;

test.describe('passwords', () => {
  test(
    'a password object is created from plain text, readable by key, and never shows the secret',
    requirements('PASSWORDS-CREATE-001', 'PASSWORDS-SECRET-001'),
    async ({ sps, recorder, writes: _w }) => {
      const secret = `canary-${Date.now()}-secret`;
      recorder.secrets.push(secret);
      await openTransaction(sps);
      const res = await sps.post(PASSWORDS, { plain: secret });
      expect(res.status).toBe(201);
      const { key, meta } = res.json as { key: string; meta: { href: string } };
      expect(meta.href).toBe(`${PASSWORDS}/${key}`);
      const read = await sps.get(meta.href);
      // Not toContain: a failing matcher would print the secret into the report.
      check('PASSWORDS-SECRET-001', () => {
        expect(read.status).toBe(200);
        expect(read.body.toString('utf8').includes(secret), 'the secret must not be in the answer').toBe(false);
      });
      await rollbackTransaction(sps);
    },
  );

  test(
    'passwords cannot be listed, modified or deleted: 405',
    requirements('PASSWORDS-METHODS-001'),
    async ({ sps, writes: _w }) => {
      await openTransaction(sps);
      const created = await sps.post(PASSWORDS, { plain: 'another-canary-secret' });
      const href = (created.json as { meta: { href: string } }).meta.href;
      expect(errorProblems(await sps.get(PASSWORDS), 405, 'MethodNotAllowed'), 'GET list').toEqual([]);
      expect(errorProblems(await sps.put(href, { plain: 'x-secret-x' }), 405, 'MethodNotAllowed'), 'PUT').toEqual([]);
      expect(errorProblems(await sps.delete(href), 405, 'MethodNotAllowed'), 'DELETE').toEqual([]);
      await rollbackTransaction(sps);
    },
  );

  test(
    'a password body needs exactly one of plain or hash',
    requirements('PASSWORDS-VALIDATION-001'),
    async ({ sps, writes: _w }) => {
      await openTransaction(sps);
      for (const body of [{}, { plain: 'a-secret', hash: 'b' }, { plain: 42 }, { secret: 'x' }]) {
        expectAnswer(await sps.post(PASSWORDS, body), {
          id: 'PASSWORDS-VALIDATION-001',
          status: 400,
          type: 'SemanticError',
          label: JSON.stringify(Object.keys(body)),
        });
      }
      await rollbackTransaction(sps);
    },
  );
});
