// The documented 403 Unauthorized rows: a user without the privilege for a part of the configuration
// is refused, with the attempted path in the details (seeds 001, 002; sps-rest-api.md "Authentication").
import { openTransaction } from '../suite/client/transactions.ts';
import { check, checkEach, expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { PLUGINS_PATH, RESOURCE_FAMILIES } from '../contract/surface.ts';

const PLUGINS = PLUGINS_PATH;
const READABLE = [
  PLUGINS,
  `${PLUGINS}/aa`,
  `${PLUGINS}/credentialstore`,
  ...RESOURCE_FAMILIES.map((family) => family.path),
];

test.describe('privileges', () => {
  test(
    'a read-only user may read the plugin configuration',
    requirements('ROLES-READONLY-001'),
    async ({ as, settings }) => {
      test.skip(!settings.readonlyAccount, 'no read-only account configured (SPS_READONLY_USERNAME)');
      const reader = await as(settings.readonlyAccount!);
      for (const path of READABLE) expect((await reader.get(path)).status, path).toBe(200);
    },
  );

  test(
    'a read-only user cannot change the configuration: 403 Unauthorized',
    requirements('ROLES-READONLY-002', 'ERROR-UNAUTHORIZED-001'),
    async ({ as, settings }) => {
      test.skip(!settings.readonlyAccount, 'no read-only account configured (SPS_READONLY_USERNAME)');
      const reader = await as(settings.readonlyAccount!);
      expectError(await openTransaction(reader), {
        id: 'ROLES-READONLY-002',
        status: 403,
        type: 'Unauthorized',
        label: 'open a transaction',
      });
      const path = '/api/configuration/policies/usermapping_policies';
      const res = await reader.post(path, { name: 'Readonly_attempt', mappings: [] });
      if (expectError(res, { id: 'ROLES-READONLY-002', status: 403, type: 'Unauthorized', label: 'create' })) {
        expect(
          (res.json as { error: { details?: { path?: unknown } } }).error.details?.path,
          'a 403 names the path',
        ).toBe(path);
      }
      expectError(await reader.upload(Buffer.from('PK')), {
        id: 'ROLES-READONLY-002',
        status: 403,
        type: 'Unauthorized',
        label: 'upload',
      });
    },
  );

  test(
    'a user without configuration privileges cannot read it: 403 Unauthorized naming the path',
    requirements('ROLES-NONE-001', 'ROLES-PLUGINS-403', 'ROLES-CREDSTORE-403', 'ERROR-UNAUTHORIZED-001'),
    async ({ as, settings }) => {
      test.skip(!settings.noAccessAccount, 'no account without privileges configured (SPS_NOACCESS_USERNAME)');
      const outsider = await as(settings.noAccessAccount!);
      const answers = [];
      for (const path of READABLE) answers.push({ path, res: await outsider.get(path) });
      // Each path is judged, also after one fails: each names its own requirements.
      checkEach(
        ...answers.map(({ path, res }) => () => {
          const own = path.startsWith(PLUGINS)
            ? ['ROLES-PLUGINS-403']
            : path.endsWith('/credentialstores')
              ? ['ROLES-CREDSTORE-403']
              : [];
          const also = ['ERROR-UNAUTHORIZED-001', ...own];
          if (expectError(res, { id: 'ROLES-NONE-001', also, status: 403, type: 'Unauthorized', label: path })) {
            const named = (res.json as { error: { details?: { path?: unknown } } }).error.details?.path;
            // The test's promise, "naming the path", is the no-access requirement's as well.
            const naming = () => expect(named, path).toBe(path);
            checkEach(
              () => check('ERROR-UNAUTHORIZED-001', naming, path),
              () => check('ROLES-NONE-001', naming, path),
            );
          }
        }),
      );
    },
  );
});
