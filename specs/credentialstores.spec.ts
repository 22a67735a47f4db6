// /api/configuration/policies/credentialstores (seed 001).
import { runName } from '../suite/client/run-names.ts';
import { check, checkEach, expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { payloadProperty, runLifecycle } from './lifecycle.ts';
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
    async ({ tx, draft, settings }) => {
      const first = await draft.plugin('credentialstore');
      const second = await draft.plugin('credentialstore');
      const name = runName(settings.runId, 'store');
      await runLifecycle(tx, {
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
    async ({ tx, draft, settings }) => {
      const plugin = await draft.plugin('credentialstore');
      const name = runName(settings.runId, 'badstore');
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
        expectError(await tx.post(STORES, body), {
          id,
          status: 400,
          type: 'SemanticError',
          fieldProblems: true,
          label,
        });
    },
  );

  test(
    'a local credential store cannot be configured over REST',
    requirements('CREDSTORE-LOCAL-001', 'ERROR-SEMANTIC-001'),
    async ({ tx, settings }) => {
      const res = await tx.post(STORES, { name: runName(settings.runId, 'local'), type: { selection: 'local' } });
      checkEach(
        () =>
          check('CREDSTORE-LOCAL-001', () =>
            expect(res.status >= 400 && res.status < 500, `refused over REST, got HTTP ${res.status}`).toBe(true),
          ),
        () => expectError(res, { id: 'ERROR-SEMANTIC-001', status: 400, type: 'SemanticError', label: 'local store' }),
      );
    },
  );

  test(
    'an AA plugin cannot back a credential store',
    requirements('CREDSTORE-REFERENCE-001'),
    async ({ tx, draft, settings }) => {
      const plugin = await draft.plugin('aa');
      const body = {
        name: runName(settings.runId, 'aastore'),
        type: { selection: 'external_plugin', plugin: plugin.key },
      };
      expectError(await tx.post(STORES, body), {
        id: 'CREDSTORE-REFERENCE-001',
        status: 400,
        type: 'SemanticError',
        fieldProblems: true,
        label: 'aa plugin',
      });
    },
  );

  test(
    'generated credential stores get the answer their label promises',
    requirements('CREDSTORE-CREATE-001', 'CREDSTORE-VALIDATION-001', 'CREDSTORE-NAME-001', 'CREDSTORE-REFERENCE-001'),
    async ({ sps, draft, property, settings }) => {
      const ids = { create: 'CREDSTORE-CREATE-001', validation: 'CREDSTORE-VALIDATION-001' };
      const plugin = async () => (await draft.plugin('credentialstore')).key;
      await payloadProperty(sps, property, 'credentialstores', { namePrefix: settings.runId }, ids, plugin);
    },
  );

  test(
    'an unknown credential store answers 404 NotFound',
    requirements('CREDSTORE-NOTFOUND-001', 'ERROR-NOTFOUND-001'),
    async ({ sps }) => {
      expectError(await sps.get(`${STORES}/00000000-0000-4000-8000-000000000000`), {
        id: 'CREDSTORE-NOTFOUND-001',
        also: ['ERROR-NOTFOUND-001'],
        status: 404,
        type: 'NotFound',
      });
    },
  );

  test(
    'credential stores need a session',
    requirements('AUTH-SESSION-001', 'AUTH-POLICIES-401'),
    async ({ anonymous }) => {
      expectError(await anonymous.get(STORES), {
        id: 'AUTH-POLICIES-401',
        also: ['AUTH-SESSION-001'],
        status: 401,
        type: 'Unauthenticated',
      });
    },
  );
});
