// /api/configuration/passwords (sps-rest-api.md "Objects that reference each other").
import { check, expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { PASSWORDS_PATH } from '../contract/surface.ts';

const PASSWORDS = PASSWORDS_PATH;

test.describe('passwords', () => {
  test(
    'a password object is created from plain text, readable by key, and never shows the secret',
    requirements('PASSWORDS-CREATE-001', 'PASSWORDS-SECRET-001'),
    async ({ tx, recorder }) => {
      const secret = `canary-${Date.now()}-secret`;
      recorder.secrets.push(secret);
      const res = await tx.post(PASSWORDS, { plain: secret });
      expect(res.status).toBe(201);
      const { key, meta } = res.json as { key: string; meta: { href: string } };
      expect(meta.href).toBe(`${PASSWORDS}/${key}`);
      const read = await tx.get(meta.href);
      // Not toContain: a failing matcher would print the secret into the report.
      check('PASSWORDS-SECRET-001', () => {
        expect(read.status).toBe(200);
        expect(read.body.toString('utf8').includes(secret), 'the secret must not be in the answer').toBe(false);
      });
    },
  );

  test(
    'passwords cannot be listed, modified or deleted: 405',
    requirements('PASSWORDS-METHODS-001'),
    async ({ tx }) => {
      const created = await tx.post(PASSWORDS, { plain: 'another-canary-secret' });
      const href = (created.json as { meta: { href: string } }).meta.href;
      const refused = { id: 'PASSWORDS-METHODS-001', status: 405, type: 'MethodNotAllowed' };
      expectError(await tx.get(PASSWORDS), { ...refused, label: 'GET list' });
      expectError(await tx.put(href, { plain: 'x-secret-x' }), { ...refused, label: 'PUT' });
      expectError(await tx.delete(href), { ...refused, label: 'DELETE' });
    },
  );

  test(
    'a password body needs exactly one of plain or hash',
    requirements('PASSWORDS-VALIDATION-001'),
    async ({ tx }) => {
      for (const body of [{}, { plain: 'a-secret', hash: 'b' }, { plain: 42 }, { secret: 'x' }]) {
        expectError(await tx.post(PASSWORDS, body), {
          id: 'PASSWORDS-VALIDATION-001',
          status: 400,
          type: 'SemanticError',
          label: JSON.stringify(Object.keys(body)),
        });
      }
    },
  );
});
