import { metaLinkProblems } from '../suite/checks/meta-links.ts';
import { schemaProblems } from '../contract/validators.ts';
import { check, expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';

test.describe('authentication', () => {
  test(
    'valid Basic credentials open a session with a session_id cookie that later requests may use',
    requirements('AUTH-LOGIN-001', 'AUTH-SESSION-002'),
    async ({ sps: client, spsLogin: res }) => {
      // The login that opened the worker's session (a login costs seconds on an appliance): its answer.
      expect(res.status).toBe(200);
      expect(schemaProblems('authentication', res.json)).toEqual([]);
      expect(metaLinkProblems((res.json as { meta?: unknown }).meta, '/api/authentication')).toEqual([]);
      expect([res.headers['set-cookie'] ?? []].flat().some((c) => /^session_id=[^;]+/.test(c))).toBe(true);
      expect(client.loggedIn).toBe(true);
      for (const path of ['/api/configuration/plugins', '/api/transaction', '/api/configuration/plugins/aa']) {
        expect((await client.get(path)).status, `${path} with the session`).toBe(200);
      }
    },
  );

  test(
    'wrong credentials are refused with 401 AuthenticationFailure',
    requirements(
      'AUTH-LOGIN-002',
      'AUTH-PLUGINS-TREE-401-LOGIN',
      'AUTH-PLUGINS-TYPE-401-LOGIN',
      'AUTH-USERMAP-401-LOGIN',
      'ERROR-ENVELOPE-001',
    ),
    async ({ settings, connect }) => {
      const client = await connect({ anonymous: true });
      const res = await client.login({ username: settings.username, password: `${settings.password}-wrong` });
      expectError(res, {
        id: 'AUTH-LOGIN-002',
        also: [
          'AUTH-PLUGINS-TREE-401-LOGIN',
          'AUTH-PLUGINS-TYPE-401-LOGIN',
          'AUTH-USERMAP-401-LOGIN',
          'ERROR-ENVELOPE-001',
        ],
        status: 401,
        type: 'AuthenticationFailure',
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    },
  );

  test(
    'a login without any credentials is refused with 401 AuthenticationFailure',
    requirements('AUTH-LOGIN-003'),
    async ({ anonymous }) => {
      const res = await anonymous.raw({ method: 'GET', path: '/api/authentication' });
      expectError(res, { id: 'AUTH-LOGIN-003', status: 401, type: 'AuthenticationFailure' });
      check('AUTH-LOGIN-003', () => expect(res.headers['set-cookie']).toBeUndefined(), 'no cookie');
    },
  );

  test(
    'GET /api/info answers without a session, with its own meta',
    requirements('AUTH-SESSION-003', 'META-INFO-001', 'AUTH-POLICIES-401'),
    async ({ anonymous, spsProfile }) => {
      const res = await anonymous.get('/api/info');
      expect(res.status).toBe(200);
      expect((res.json as { meta?: unknown }).meta).toEqual({ href: '/api/info', parent: '/api' });
      check('AUTH-SESSION-003', () => expect(res.status, '/api/info without a session').toBe(200), '/api/info');
      if (spsProfile.name !== '5.x' && spsProfile.name !== '6.0' && spsProfile.name !== '6.9') {
        const methods = await anonymous.get('/api/authentication/login_methods');
        check(
          'AUTH-SESSION-003',
          () => expect(methods.status, 'login_methods without a session').toBe(200),
          'login_methods',
        );
      }
      expectError(await anonymous.get('/api/configuration/policies/usermapping_policies'), {
        id: 'AUTH-POLICIES-401',
        status: 401,
        type: 'Unauthenticated',
        label: 'anything else needs a session',
      });
    },
  );

  test(
    'GET /api/authentication/login_methods answers without a session',
    requirements('AUTH-LOGIN-METHODS-001'),
    async ({ anonymous, spsProfile }) => {
      test.skip(
        ['5.x', '6.0', '6.9'].includes(spsProfile.name),
        `profile ${spsProfile.name}: login_methods is documented from 7.1`,
      );
      const res = await anonymous.get('/api/authentication/login_methods');
      check('AUTH-LOGIN-METHODS-001', () => expect(res.status, res.body.toString('utf8').slice(0, 200)).toBe(200));
    },
  );

  test(
    'a request without a session is refused with 401 Unauthenticated naming the path',
    requirements('AUTH-SESSION-001', 'ERROR-ENVELOPE-001'),
    async ({ anonymous }) => {
      const res = await anonymous.get('/api/configuration/plugins');
      expectError(res, { id: 'AUTH-SESSION-001', also: ['ERROR-ENVELOPE-001'], status: 401, type: 'Unauthenticated' });
      expect((res.json as { error: { details: { path?: unknown } } }).error.details.path).toBe(
        '/api/configuration/plugins',
      );
    },
  );
});
