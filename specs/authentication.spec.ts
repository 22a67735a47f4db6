import { errorProblems } from '../lib/contract/error-problems.ts';
import { metaLinkProblems } from '../lib/contract/meta-links.ts';
import { schemaProblems } from '../lib/contract/validators.ts';
import { expect, requirements, test } from './fixtures.ts';

test.describe('authentication', () => {
  test('valid Basic credentials open a session with a session_id cookie', requirements('AUTH-LOGIN-001'), async ({ settings, connect }) => {
    const client = await connect({ anonymous: true });
    const res = await client.login(settings);
    expect(res.status).toBe(200);
    expect(schemaProblems('authentication', res.json)).toEqual([]);
    expect(metaLinkProblems((res.json as { meta?: unknown }).meta, '/api/authentication')).toEqual([]);
    expect([res.headers['set-cookie'] ?? []].flat().some((c) => /^session_id=[^;]+/.test(c))).toBe(true);
    expect(client.loggedIn).toBe(true);
    await client.logout();
  });

  test('wrong credentials are refused with 401 AuthenticationFailure', requirements('AUTH-LOGIN-002', 'ERROR-ENVELOPE-001'), async ({ settings, connect }) => {
    const client = await connect({ anonymous: true });
    const res = await client.login({ username: settings.username, password: `${settings.password}-wrong` });
    expect(errorProblems(res, 401, 'AuthenticationFailure')).toEqual([]);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  test('a request without a session is refused with 401 Unauthenticated naming the path', requirements('AUTH-SESSION-001', 'ERROR-ENVELOPE-001'), async ({ anonymous }) => {
    const res = await anonymous.get('/api/configuration/plugins');
    expect(errorProblems(res, 401, 'Unauthenticated')).toEqual([]);
    expect((res.json as { error: { details: { path?: unknown } } }).error.details.path).toBe('/api/configuration/plugins');
  });
});
