// Bad input gets a clear, documented-style error and changes nothing: malformed bodies, wrong content
// types, unknown paths, garbled cookies, methods an endpoint does not allow.
import { check, expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { familyPath } from '../contract/surface.ts';

const USERMAPPING = familyPath('usermapping_policies');

test.describe('robustness', () => {
  test(
    'a body that is not JSON is refused with 400 SyntacticError',
    requirements('ROBUST-JSON-001'),
    async ({ tx }) => {
      for (const body of ['{"name": ', 'not json', '\u0000\u0001', '[1, 2', '']) {
        const res = await tx.request({
          method: 'POST',
          path: USERMAPPING,
          headers: { 'content-type': 'application/json' },
          body,
        });
        expectError(res, { id: 'ROBUST-JSON-001', status: 400, type: 'SyntacticError', label: JSON.stringify(body) });
      }
    },
  );

  test(
    'JSON that is not an object is refused with 400 SyntacticError',
    requirements('ROBUST-JSON-002'),
    async ({ tx }) => {
      for (const body of ['[]', '"text"', '42', 'null']) {
        const res = await tx.request({
          method: 'POST',
          path: USERMAPPING,
          headers: { 'content-type': 'application/json' },
          body,
        });
        expectError(res, { id: 'ROBUST-JSON-002', status: 400, type: 'SyntacticError', label: body });
      }
    },
  );

  test(
    'a JSON endpoint refuses another content type with 415',
    requirements('ROBUST-CONTENT-TYPE-001'),
    async ({ tx }) => {
      const res = await tx.request({
        method: 'POST',
        path: USERMAPPING,
        headers: { 'content-type': 'text/plain' },
        body: '{"name":"X_y","mappings":[]}',
      });
      expectError(res, { id: 'ROBUST-CONTENT-TYPE-001', status: 415, type: 'UnsupportedMediaType' });
    },
  );

  test('an unknown path answers 404 NotFound', requirements('ROBUST-UNKNOWN-PATH-001'), async ({ sps }) => {
    for (const path of [
      '/api/configuration/no_such_thing',
      '/api/configuration/plugins/aa/x/y/z',
      '/api/nothing',
      '/api/configuration/policies/%2e%2e',
    ]) {
      expectError(await sps.get(path), { id: 'ROBUST-UNKNOWN-PATH-001', status: 404, type: 'NotFound', label: path });
    }
  });

  test(
    'a key that is not a key is simply not found, never a server error',
    requirements('ROBUST-KEY-FORMAT-001'),
    async ({ sps }) => {
      for (const key of ['a%20b', 'x'.repeat(65), '%2e%2e', 'a.b', '%00']) {
        for (const collection of ['/api/configuration/plugins/aa', USERMAPPING]) {
          expectError(await sps.get(`${collection}/${key}`), {
            id: 'ROBUST-KEY-FORMAT-001',
            status: 404,
            type: 'NotFound',
            label: `${collection}/${key}`,
          });
        }
      }
    },
  );

  test(
    'error bodies name the request path in details and meta',
    requirements('ERROR-ENVELOPE-002'),
    async ({ sps, anonymous }) => {
      const answers = [
        {
          path: '/api/configuration/plugins/no_such_type',
          res: await sps.get('/api/configuration/plugins/no_such_type'),
        },
        { path: USERMAPPING, res: await anonymous.get(USERMAPPING) },
        { path: `${USERMAPPING}`, res: await sps.get(`${USERMAPPING}?filter=x`) },
      ];
      for (const { path, res } of answers) {
        const json = res.json as {
          error?: { details?: { path?: unknown } };
          meta?: { href?: unknown; parent?: unknown };
        };
        check(
          'ERROR-ENVELOPE-002',
          () => {
            expect(json.error?.details?.path, path).toBe(path);
            expect(json.meta, path).toEqual({ href: path, parent: path.slice(0, path.lastIndexOf('/')) });
          },
          `HTTP ${res.status} ${path}`,
        );
      }
    },
  );

  test(
    'a method the endpoint does not allow answers 405 with an Allow header',
    requirements('ROBUST-METHOD-001', 'ROBUST-ALLOW-001'),
    async ({ sps }) => {
      const res = await sps.request({
        method: 'PUT',
        path: '/api/configuration/plugins',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expectError(res, { id: 'ROBUST-METHOD-001', status: 405, type: 'MethodNotAllowed' });
      if (res.status === 405)
        check('ROBUST-ALLOW-001', () => expect(String(res.headers.allow ?? ''), 'the Allow header').toContain('GET'));
    },
  );

  test(
    'garbled or unknown session cookies are refused with 401 Unauthenticated',
    requirements('ROBUST-COOKIE-001', 'AUTH-SESSION-001'),
    async ({ anonymous }) => {
      for (const cookie of [
        'session_id=',
        'session_id=zzz',
        `session_id=${'a'.repeat(40)}`,
        'garbage;;;===',
        'session_id="unterminated',
        `session_id=${'0'.repeat(5000)}`,
      ]) {
        const res = await anonymous.raw({ method: 'GET', path: '/api/configuration/plugins', headers: { cookie } });
        expectError(res, {
          id: 'ROBUST-COOKIE-001',
          also: ['AUTH-SESSION-001'],
          status: 401,
          type: 'Unauthenticated',
          label: cookie.slice(0, 40),
        });
      }
    },
  );
});
