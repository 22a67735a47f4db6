// /api/configuration/policies/trusted_ca_lists: as far as credential stores reference them (seed 001).
import { runName } from '../suite/client/run-names.ts';
import { check, expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { runLifecycle } from './lifecycle.ts';
import { familyPath } from '../contract/surface.ts';

const LISTS = familyPath('trusted_ca_lists');
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUXz\n-----END CERTIFICATE-----\n';

test.describe('trusted CA lists', () => {
  test(
    'create, read, list, modify and delete a trusted CA list',
    requirements(
      'TRUSTEDCA-LIFECYCLE-001',
      'TRUSTEDCA-CREATE-001',
      'TRUSTEDCA-READ-001',
      'META-CREATE-001',
      'META-MODIFY-001',
      'META-DELETE-001',
      'META-BODY-FIELDS-001',
    ),
    async ({ tx, settings }) => {
      const name = runName(settings.runId, 'ca');
      await runLifecycle(tx, {
        collection: LISTS,
        create: { name, certificates: [PEM] },
        created: { name, certificates: [PEM] },
        modify: { name, certificates: [] },
        modified: { name, certificates: [] },
        bodySchema: 'trusted-ca-list',
        ids: {
          create: 'TRUSTEDCA-CREATE-001',
          read: 'TRUSTEDCA-READ-001',
          list: 'TRUSTEDCA-LIFECYCLE-001',
          modify: 'TRUSTEDCA-LIFECYCLE-001',
          delete: 'TRUSTEDCA-LIFECYCLE-001',
          useAfterDelete: 'TRUSTEDCA-LIFECYCLE-001',
        },
      });
    },
  );

  test(
    'invalid trusted CA lists are refused with 400 SemanticError; names are unique',
    requirements('TRUSTEDCA-VALIDATION-001', 'TRUSTEDCA-CREATE-001', 'ERROR-SEMANTIC-001'),
    async ({ tx, settings }) => {
      const name = runName(settings.runId, 'badca');
      const first = await tx.post(LISTS, { name, certificates: [] });
      check(
        'TRUSTEDCA-CREATE-001',
        () => expect(first.status, 'the first list of that name').toBe(201),
        'first of a name',
      );
      const refused = { id: 'TRUSTEDCA-VALIDATION-001', status: 400, type: 'SemanticError', fieldProblems: true };
      expectError(await tx.post(LISTS, { name, certificates: [PEM] }), { ...refused, label: 'duplicate name' });
      for (const [label, body] of [
        ['name missing', { certificates: [] }],
        ['certificates not a list', { name, certificates: PEM }],
        ['unknown field', { name, certificates: [], extra: 1 }],
      ] as const) {
        expectError(await tx.post(LISTS, body), { ...refused, label });
      }
    },
  );

  test(
    'an unknown trusted CA list answers 404 NotFound',
    requirements('TRUSTEDCA-NOTFOUND-001', 'ERROR-NOTFOUND-001'),
    async ({ sps }) => {
      expectError(await sps.get(`${LISTS}/00000000-0000-4000-8000-000000000000`), {
        id: 'TRUSTEDCA-NOTFOUND-001',
        status: 404,
        type: 'NotFound',
      });
    },
  );

  test('trusted CA lists need a session', requirements('AUTH-SESSION-001'), async ({ anonymous }) => {
    expectError(await anonymous.get(LISTS), { id: 'AUTH-SESSION-001', status: 401, type: 'Unauthenticated' });
  });
});
