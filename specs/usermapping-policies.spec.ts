// /api/configuration/policies/usermapping_policies (seeds 003, 004).
import { runName } from '../suite/client/run-names.ts';
import { expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { payloadProperty, runLifecycle } from './lifecycle.ts';
import { familyPath } from '../contract/surface.ts';

const POLICIES = familyPath('usermapping_policies');

test.describe('usermapping policies', () => {
  test(
    'create, read, list, modify and delete a usermapping policy',
    requirements(
      'USERMAP-CREATE-001',
      'USERMAP-READ-001',
      'USERMAP-LIST-001',
      'USERMAP-MODIFY-001',
      'USERMAP-DELETE-001',
      'USERMAP-USE-AFTER-DELETE-001',
      'META-CREATE-001',
      'META-MODIFY-001',
      'META-DELETE-001',
      'META-BODY-FIELDS-001',
    ),
    async ({ tx, settings }) => {
      const name = runName(settings.runId, 'um');
      const mappings = [
        { allowed_groups: [], remote_user: 'test' },
        { allowed_groups: ['admins'], remote_user: 'root' },
      ];
      await runLifecycle(tx, {
        collection: POLICIES,
        create: { name, allow_other_remote_users_without_mapping: false, mappings },
        created: { name, allow_other_remote_users_without_mapping: false, mappings },
        modify: { name, allow_other_remote_users_without_mapping: true, mappings: mappings.slice(1) },
        modified: { name, allow_other_remote_users_without_mapping: true, mappings: mappings.slice(1) },
        bodySchema: 'usermapping-policy',
        ids: {
          create: 'USERMAP-CREATE-001',
          read: 'USERMAP-READ-001',
          list: 'USERMAP-LIST-001',
          modify: 'USERMAP-MODIFY-001',
          delete: 'USERMAP-DELETE-001',
          useAfterDelete: 'USERMAP-USE-AFTER-DELETE-001',
        },
      });
    },
  );

  test(
    'allow_other_remote_users_without_mapping defaults to true',
    requirements('USERMAP-DEFAULT-001'),
    async ({ tx, settings }) => {
      const res = await tx.post(POLICIES, { name: runName(settings.runId, 'default'), mappings: [] });
      expect(res.status).toBe(201);
      const { meta } = res.json as { meta: { href: string } };
      expect(
        ((await tx.get(meta.href)).json as { body: Record<string, unknown> }).body
          .allow_other_remote_users_without_mapping,
      ).toBe(true);
    },
  );

  test(
    'invalid usermapping policies are refused with 400 SemanticError',
    requirements('USERMAP-VALIDATION-001', 'ERROR-SEMANTIC-001'),
    async ({ tx, settings }) => {
      const name = runName(settings.runId, 'badum');
      const cases: [string, unknown][] = [
        ['remote_user missing', { name, mappings: [{ allowed_groups: [] }] }],
        ['remote_user empty', { name, mappings: [{ allowed_groups: [], remote_user: '' }] }],
        ['allowed_groups missing', { name, mappings: [{ remote_user: 'root' }] }],
        ['allowed_groups not a list', { name, mappings: [{ allowed_groups: 'admins', remote_user: 'root' }] }],
        ['flag not a boolean', { name, allow_other_remote_users_without_mapping: 'yes', mappings: [] }],
        ['name missing', { mappings: [] }],
        ['unknown field', { name, mappings: [], extra: 1 }],
      ];
      for (const [label, body] of cases)
        expectError(await tx.post(POLICIES, body), {
          id: 'USERMAP-VALIDATION-001',
          status: 400,
          type: 'SemanticError',
          fieldProblems: true,
          label,
        });
    },
  );

  test(
    'generated usermapping policies get the answer their label promises',
    requirements('USERMAP-CREATE-001', 'USERMAP-VALIDATION-001'),
    async ({ sps, property, settings, writes: _w }) => {
      await payloadProperty(
        sps,
        property,
        'usermapping_policies',
        { namePrefix: settings.runId },
        {
          create: 'USERMAP-CREATE-001',
          validation: 'USERMAP-VALIDATION-001',
        },
      );
    },
  );

  test(
    'a list GET with an unsupported filter is refused with 400 InvalidQuery',
    requirements('USERMAP-INVALID-QUERY-001'),
    async ({ sps }) => {
      expectError(await sps.get(`${POLICIES}?filter=bogus`), {
        id: 'USERMAP-INVALID-QUERY-001',
        status: 400,
        type: 'InvalidQuery',
      });
    },
  );

  test(
    "the documentation's /usermapping path is not an alias: 404",
    requirements('USERMAP-PATH-001'),
    async ({ sps }) => {
      expectError(await sps.get('/api/configuration/policies/usermapping'), {
        id: 'USERMAP-PATH-001',
        status: 404,
        type: 'NotFound',
      });
    },
  );

  test(
    'an unknown usermapping policy answers 404 NotFound',
    requirements('USERMAP-NOTFOUND-001', 'ERROR-NOTFOUND-001'),
    async ({ sps }) => {
      expectError(await sps.get(`${POLICIES}/00000000-0000-4000-8000-000000000000`), {
        id: 'USERMAP-NOTFOUND-001',
        also: ['ERROR-NOTFOUND-001'],
        status: 404,
        type: 'NotFound',
      });
    },
  );

  test(
    'usermapping policies need a session',
    requirements('AUTH-SESSION-001', 'AUTH-POLICIES-401'),
    async ({ anonymous }) => {
      expectError(await anonymous.get(POLICIES), {
        id: 'AUTH-POLICIES-401',
        also: ['AUTH-SESSION-001'],
        status: 401,
        type: 'Unauthenticated',
      });
    },
  );
});
