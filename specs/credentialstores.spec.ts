// /api/configuration/policies/credentialstores (seed 001).
import { errorProblems } from '../suite/checks/error-problems.ts';
import { runName } from '../suite/client/run-names.ts';
import { openTransaction, rollbackTransaction } from '../suite/client/transactions.ts';
import { check, checkEach, expectAnswer } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { expectRefused, payloadProperty, runLifecycle } from './lifecycle.ts';
import { PLUGINS_PATH, familyPath } from '../contract/surface.ts';

const STORES = familyPath('credentialstores');
const pluginRef = (key: string) => ({ key, meta: { href: `${PLUGINS_PATH}/credentialstore/${key}` } });

test.describe('credential stores', () => {
  test(
    'create, read, list, modify and delete an external-plugin credential store',
    requirements(
      'CREDSTORE-CREATE-001',
      'CREDSTORE-READ-001',
      'CREDSTORE-LIST-001',
      'CREDSTORE-MODIFY-001',
      'CREDSTORE-DELETE-001',
      'CREDSTORE-USE-AFTER-DELETE-001',
      'META-CREATE-001',
      'META-MODIFY-001',
      'META-DELETE-001',
      'META-BODY-FIELDS-001',
      'META-REFERENCE-001',
    ),
    async ({ sps, ledger, plant, settings }) => {
      const first = await plant.plugin('credentialstore');
      const second = await plant.plugin('credentialstore');
      const name = runName(settings.runId, 'store');
      await runLifecycle(sps, ledger, {
        collection: STORES,
        create: { name, type: { selection: 'external_plugin', plugin: first.key } },
        created: { name, type: { selection: 'external_plugin', plugin: pluginRef(first.key) } },
        modify: { name, type: { selection: 'external_plugin', plugin: second.key } },
        modified: { name, type: { selection: 'external_plugin', plugin: pluginRef(second.key) } },
        bodySchema: 'credentialstore',
        ids: {
          create: 'CREDSTORE-CREATE-001',
          read: 'CREDSTORE-READ-001',
          list: 'CREDSTORE-LIST-001',
          modify: 'CREDSTORE-MODIFY-001',
          delete: 'CREDSTORE-DELETE-001',
          useAfterDelete: 'CREDSTORE-USE-AFTER-DELETE-001',
        },
      });
    },
  );

  test(
    'invalid credential stores are refused with 400 SemanticError',
    requirements('CREDSTORE-VALIDATION-001', 'CREDSTORE-NAME-001', 'CREDSTORE-REFERENCE-001', 'ERROR-SEMANTIC-001'),
    async ({ sps, plant, settings }) => {
      const plugin = await plant.plugin('credentialstore');
      const name = runName(settings.runId, 'badstore');
      await openTransaction(sps);
      const cases: [string, string, unknown][] = [
        [
          'CREDSTORE-NAME-001',
          'name with whitespace',
          { name: `${name} x`, type: { selection: 'external_plugin', plugin: plugin.key } },
        ],
        ['CREDSTORE-VALIDATION-001', 'name missing', { type: { selection: 'external_plugin', plugin: plugin.key } }],
        ['CREDSTORE-VALIDATION-001', 'type missing', { name }],
        ['CREDSTORE-VALIDATION-001', 'plugin missing', { name, type: { selection: 'external_plugin' } }],
        [
          'CREDSTORE-REFERENCE-001',
          'plugin of no object',
          { name, type: { selection: 'external_plugin', plugin: '00000000-0000-4000-8000-000000000000' } },
        ],
        ['CREDSTORE-VALIDATION-001', 'unknown selection', { name, type: { selection: 'vault', plugin: plugin.key } }],
        [
          'CREDSTORE-VALIDATION-001',
          'unknown field',
          { name, type: { selection: 'external_plugin', plugin: plugin.key }, extra: true },
        ],
      ];
      for (const [id, label, body] of cases)
        await expectRefused(sps, STORES, body, { id, status: 400, type: 'SemanticError' }, label);
      await rollbackTransaction(sps);
    },
  );

  test(
    'a local credential store cannot be configured over REST',
    requirements('CREDSTORE-LOCAL-001', 'ERROR-SEMANTIC-001'),
    async ({ sps, settings, writes: _w }) => {
      await openTransaction(sps);
      const res = await sps.post(STORES, { name: runName(settings.runId, 'local'), type: { selection: 'local' } });
      checkEach(
        () =>
          check('CREDSTORE-LOCAL-001', () =>
            expect(res.status >= 400 && res.status < 500, `refused over REST, got HTTP ${res.status}`).toBe(true),
          ),
        () => expectAnswer(res, { id: 'ERROR-SEMANTIC-001', status: 400, type: 'SemanticError', label: 'local store' }),
      );
      await rollbackTransaction(sps);
    },
  );

  test(
    'an AA plugin cannot back a credential store',
    requirements('CREDSTORE-REFERENCE-001'),
    async ({ sps, plant, settings }) => {
      const plugin = await plant.plugin('aa');
      await openTransaction(sps);
      await expectRefused(
        sps,
        STORES,
        { name: runName(settings.runId, 'aastore'), type: { selection: 'external_plugin', plugin: plugin.key } },
        { id: 'CREDSTORE-REFERENCE-001', status: 400, type: 'SemanticError' },
        'aa plugin',
      );
      await rollbackTransaction(sps);
    },
  );

  test(
    'generated credential stores get the answer their label promises',
    requirements('CREDSTORE-CREATE-001', 'CREDSTORE-VALIDATION-001', 'CREDSTORE-NAME-001', 'CREDSTORE-REFERENCE-001'),
    async ({ sps, plant, property, settings }) => {
      const plugin = await plant.plugin('credentialstore');
      const ctx = { pluginKeys: [plugin.key], namePrefix: settings.runId };
      await payloadProperty(sps, property, 'credentialstores', ctx, {
        create: 'CREDSTORE-CREATE-001',
        validation: 'CREDSTORE-VALIDATION-001',
      });
    },
  );

  test(
    'an unknown credential store answers 404 NotFound',
    requirements('CREDSTORE-NOTFOUND-001', 'ERROR-NOTFOUND-001'),
    async ({ sps }) => {
      expect(errorProblems(await sps.get(`${STORES}/00000000-0000-4000-8000-000000000000`), 404, 'NotFound')).toEqual(
        [],
      );
    },
  );

  test(
    'credential stores need a session',
    requirements('AUTH-SESSION-001', 'AUTH-POLICIES-401'),
    async ({ anonymous }) => {
      expect(errorProblems(await anonymous.get(STORES), 401, 'Unauthenticated')).toEqual([]);
    },
  );
});
