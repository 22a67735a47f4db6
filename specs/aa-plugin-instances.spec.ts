// /api/configuration/policies/aa_plugin_instances (seeds 001, 002).
import { runName } from '../suite/client/run-names.ts';
import { expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { payloadProperty, runLifecycle } from './lifecycle.ts';
import { PLUGINS_PATH, familyPath } from '../contract/surface.ts';

const INSTANCES = familyPath('aa_plugin_instances');
const pluginRef = (key: string) => ({ key, meta: { href: `${PLUGINS_PATH}/aa/${key}` } });

test.describe('AA plugin instances', () => {
  test(
    'create, read, list, modify and delete an instance; gone after delete',
    requirements(
      'AAINST-CREATE-001',
      'AAINST-READ-001',
      'AAINST-LIST-001',
      'AAINST-MODIFY-001',
      'AAINST-DELETE-001',
      'AAINST-USE-AFTER-DELETE-001',
      'AAINST-CONFIGURATION-001',
      'META-CREATE-001',
      'META-MODIFY-001',
      'META-DELETE-001',
      'META-BODY-FIELDS-001',
      'META-REFERENCE-001',
    ),
    async ({ tx, draft, settings }) => {
      const plugin = await draft.plugin('aa');
      const name = runName(settings.runId, 'inst');
      await runLifecycle(tx, {
        collection: INSTANCES,
        create: { name, configuration: '[starling]\ndisable_echo=yes\n', plugin: plugin.key },
        created: { name, configuration: '[starling]\ndisable_echo=yes\n', plugin: pluginRef(plugin.key) },
        modify: { name, configuration: '', plugin: plugin.key },
        modified: { name, configuration: '', plugin: pluginRef(plugin.key) },
        bodySchema: 'aa-plugin-instance',
        ids: {
          create: 'AAINST-CREATE-001',
          read: 'AAINST-READ-001',
          list: 'AAINST-LIST-001',
          modify: 'AAINST-MODIFY-001',
          delete: 'AAINST-DELETE-001',
          useAfterDelete: 'AAINST-USE-AFTER-DELETE-001',
        },
      });
    },
  );

  test(
    'invalid instances are refused with 400 SemanticError and nothing is created',
    requirements(
      'AAINST-VALIDATION-001',
      'AAINST-NAME-001',
      'AAINST-REFERENCE-001',
      'AAINST-CONFIGURATION-001',
      'ERROR-SEMANTIC-001',
    ),
    async ({ tx, draft, settings }) => {
      const plugin = await draft.plugin('aa');
      const name = runName(settings.runId, 'bad');
      const cases: [string, string, unknown][] = [
        ['AAINST-NAME-001', 'name starting with a digit', { name: `1${name}`, configuration: '', plugin: plugin.key }],
        ['AAINST-NAME-001', 'name with a hyphen', { name: `${name}-x`, configuration: '', plugin: plugin.key }],
        ['AAINST-VALIDATION-001', 'name missing', { configuration: '', plugin: plugin.key }],
        ['AAINST-VALIDATION-001', 'plugin missing', { name, configuration: '' }],
        [
          'AAINST-REFERENCE-001',
          'plugin of no object',
          { name, configuration: '', plugin: '00000000-0000-4000-8000-000000000000' },
        ],
        ['AAINST-CONFIGURATION-001', 'configuration not a string', { name, configuration: 42, plugin: plugin.key }],
        ['AAINST-VALIDATION-001', 'unknown field', { name, configuration: '', plugin: plugin.key, color: 'blue' }],
      ];
      for (const [id, label, body] of cases)
        expectError(await tx.post(INSTANCES, body), {
          id,
          status: 400,
          type: 'SemanticError',
          fieldProblems: true,
          label,
        });
      const list = await tx.get(INSTANCES);
      expect(JSON.stringify(list.json)).not.toContain(name);
    },
  );

  test(
    'a credential store plugin cannot back an AA plugin instance',
    requirements('AAINST-REFERENCE-001'),
    async ({ tx, draft, settings }) => {
      const plugin = await draft.plugin('credentialstore');
      const body = { name: runName(settings.runId, 'wrongtype'), configuration: '', plugin: plugin.key };
      expectError(await tx.post(INSTANCES, body), {
        id: 'AAINST-REFERENCE-001',
        status: 400,
        type: 'SemanticError',
        fieldProblems: true,
        label: 'credentialstore plugin',
      });
    },
  );

  test('instance names are unique', requirements('AAINST-NAME-UNIQUE-001'), async ({ tx, draft }) => {
    const plugin = await draft.plugin('aa');
    const instance = await draft.aaInstance(plugin.key);
    expectError(await tx.post(INSTANCES, { name: instance.name, configuration: '', plugin: plugin.key }), {
      id: 'AAINST-NAME-UNIQUE-001',
      status: 400,
      type: 'SemanticError',
      fieldProblems: true,
      label: 'duplicate name',
    });
  });

  test(
    'generated instances get the answer their label promises: valid → 201, each defect → its error',
    requirements('AAINST-CREATE-001', 'AAINST-VALIDATION-001', 'AAINST-NAME-001', 'AAINST-REFERENCE-001'),
    async ({ sps, draft, property, settings }) => {
      const ids = { create: 'AAINST-CREATE-001', validation: 'AAINST-VALIDATION-001' };
      const plugin = async () => (await draft.plugin('aa')).key;
      await payloadProperty(sps, property, 'aa_plugin_instances', { namePrefix: settings.runId }, ids, plugin);
    },
  );

  test(
    'an unknown instance answers 404 NotFound',
    requirements('AAINST-NOTFOUND-001', 'ERROR-NOTFOUND-001'),
    async ({ sps }) => {
      expectError(await sps.get(`${INSTANCES}/00000000-0000-4000-8000-000000000000`), {
        id: 'AAINST-NOTFOUND-001',
        also: ['ERROR-NOTFOUND-001'],
        status: 404,
        type: 'NotFound',
      });
    },
  );

  test('instances need a session', requirements('AUTH-SESSION-001', 'AUTH-POLICIES-401'), async ({ anonymous }) => {
    const unauthenticated = {
      id: 'AUTH-POLICIES-401',
      also: ['AUTH-SESSION-001'],
      status: 401,
      type: 'Unauthenticated',
    };
    expectError(await anonymous.get(INSTANCES), { ...unauthenticated, label: 'GET' });
    expectError(await anonymous.post(INSTANCES, {}), { ...unauthenticated, label: 'POST' });
  });
});
