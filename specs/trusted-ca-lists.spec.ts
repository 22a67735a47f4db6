// /api/configuration/policies/trusted_ca_lists: as far as credential stores reference them (seed 001).
import { errorProblems } from '../suite/checks/error-problems.ts';
import { runName } from '../suite/client/run-names.ts';
import { openTransaction, rollbackTransaction } from '../suite/client/transactions.ts';
import { check, expectAnswer } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { expectRefused, runLifecycle } from './lifecycle.ts';
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
    async ({ sps, ledger, settings, writes: _w }) => {
      const name = runName(settings.runId, 'ca');
      await runLifecycle(sps, ledger, {
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
    async ({ sps, settings, writes: _w }) => {
      await openTransaction(sps);
      const name = runName(settings.runId, 'badca');
      const first = await sps.post(LISTS, { name, certificates: [] });
      check(
        'TRUSTEDCA-CREATE-001',
        () => expect(first.status, 'the first list of that name').toBe(201),
        'first of a name',
      );
      await expectRefused(
        sps,
        LISTS,
        { name, certificates: [PEM] },
        { id: 'TRUSTEDCA-VALIDATION-001', status: 400, type: 'SemanticError' },
        'duplicate name',
      );
      for (const [label, body] of [
        ['name missing', { certificates: [] }],
        ['certificates not a list', { name, certificates: PEM }],
        ['unknown field', { name, certificates: [], extra: 1 }],
      ] as const) {
        await expectRefused(
          sps,
          LISTS,
          body,
          { id: 'TRUSTEDCA-VALIDATION-001', status: 400, type: 'SemanticError' },
          label,
        );
      }
      await rollbackTransaction(sps);
    },
  );

  test(
    'an unknown trusted CA list answers 404 NotFound',
    requirements('TRUSTEDCA-NOTFOUND-001', 'ERROR-NOTFOUND-001'),
    async ({ sps }) => {
      expectAnswer(await sps.get(`${LISTS}/00000000-0000-4000-8000-000000000000`), {
        id: 'TRUSTEDCA-NOTFOUND-001',
        status: 404,
        type: 'NotFound',
      });
    },
  );

  test('trusted CA lists need a session', requirements('AUTH-SESSION-001'), async ({ anonymous }) => {
    expect(errorProblems(await anonymous.get(LISTS), 401, 'Unauthenticated')).toEqual([]);
  });
});
