import { createHash } from 'node:crypto';
import { mustCommit, openTransaction, rollbackTransaction } from '../suite/client/transactions.ts';
import { metaLinkProblems } from '../suite/checks/meta-links.ts';
import { schemaProblems } from '../contract/validators.ts';
import { check, checkAsync, checkEach, expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { PLUGINS_PATH } from '../contract/surface.ts';

const PLUGINS = PLUGINS_PATH;

interface ListBody {
  items: { key: string; meta: { href: string } }[];
  meta: Record<string, unknown>;
}

test.describe('plugin collections', () => {
  test(
    'GET /api/configuration/plugins lists one endpoint per plugin type',
    requirements(
      'PLUGINS-TREE-001',
      'PLUGINS-TREE-002',
      'PLUGINS-TREE-003',
      'PLUGINS-TREE-004',
      'META-LIST-001',
      'META-LIST-ITEMS-001',
      'META-TRANSACTION-001',
    ),
    async ({ sps, spsProfile }) => {
      const res = await sps.get(PLUGINS);
      expect(res.status).toBe(200);
      expect(schemaProblems('list', res.json)).toEqual([]);
      const body = res.json as ListBody;
      expect(body.items.map((i) => i.key)).toEqual(spsProfile.pluginTypes);
      for (const item of body.items) expect(item.meta.href).toBe(`${PLUGINS}/${item.key}`);
      expect(metaLinkProblems(body.meta, PLUGINS)).toEqual([]);
    },
  );

  const typeLists = [
    { type: 'aa', id: 'PLUGINS-AA-LIST-001' },
    { type: 'credentialstore', id: 'PLUGINS-CS-LIST-001' },
  ] as const;
  for (const { type, id } of typeLists) {
    test(
      `GET /api/configuration/plugins/${type} is a list of ${type} plugins`,
      requirements(id, 'META-LIST-001', 'META-LIST-ITEMS-001', 'META-TRANSACTION-001'),
      async ({ sps, spsProfile }) => {
        const path = `${PLUGINS}/${type}`;
        const res = await sps.get(path);
        expect(res.status).toBe(200);
        expect(schemaProblems('list', res.json)).toEqual([]);
        const body = res.json as ListBody;
        for (const item of body.items) expect(item.meta.href).toBe(`${path}/${item.key}`);
        expect(metaLinkProblems(body.meta, path)).toEqual([]);
        expect(body.meta.transaction).toBe('/api/transaction');
        expect(body.meta.first).toBe(`${PLUGINS}/${spsProfile.pluginTypes[0]}`);
        expect(body.meta.last).toBe(`${PLUGINS}/${spsProfile.pluginTypes.at(-1)}`);
      },
    );
  }

  test(
    'the ticketing collection exists in 5.x only',
    requirements('PLUGINS-TICKETING-001', 'PLUGINS-TICKETING-002'),
    async ({ sps, spsProfile }) => {
      const res = await sps.get(`${PLUGINS}/ticketing`);
      if (spsProfile.pluginTypes.includes('ticketing')) expect(schemaProblems('list', res.json)).toEqual([]);
      else expectError(res, { id: 'PLUGINS-TICKETING-002', status: 404, type: 'NotFound' });
    },
  );

  test(
    'an unknown path under the plugins tree answers 404 NotFound',
    requirements('PLUGINS-TREE-404', 'ERROR-NOTFOUND-001'),
    async ({ sps }) => {
      for (const path of [
        `${PLUGINS}/no_such_type`,
        `${PLUGINS}/aa/x/y`,
        `${PLUGINS}/aa/00000000-0000-4000-8000-000000000000/more`,
      ]) {
        expectError(await sps.get(path), {
          id: 'PLUGINS-TREE-404',
          also: ['ERROR-NOTFOUND-001'],
          status: 404,
          type: 'NotFound',
          label: path,
        });
      }
    },
  );

  test(
    'a plugin list GET with a filter it does not support answers 400 InvalidQuery',
    requirements('PLUGINS-INVALID-QUERY-001'),
    async ({ sps }) => {
      expectError(await sps.get(`${PLUGINS}/aa?name=x`), {
        id: 'PLUGINS-INVALID-QUERY-001',
        status: 400,
        type: 'InvalidQuery',
      });
    },
  );

  test(
    'plugin collections and objects need a session',
    requirements('AUTH-SESSION-001', 'AUTH-PLUGINS-TREE-401', 'AUTH-PLUGINS-TYPE-401', 'AUTH-PLUGIN-DELETE-401'),
    async ({ anonymous, spsProfile }) => {
      const object = `${PLUGINS}/aa/00000000-0000-4000-8000-000000000000`;
      const unauthenticated = { status: 401, type: 'Unauthenticated', also: ['AUTH-SESSION-001'] };
      const reads = [
        { path: PLUGINS, id: 'AUTH-PLUGINS-TREE-401' },
        { path: `${PLUGINS}/aa`, id: 'AUTH-PLUGINS-TYPE-401' },
        { path: `${PLUGINS}/credentialstore`, id: 'AUTH-PLUGINS-TYPE-401' },
        { path: object, id: 'AUTH-PLUGINS-TYPE-401' },
      ];
      const answers = [];
      for (const { path, id } of reads) answers.push({ res: await anonymous.get(path), id, label: path });
      // Before 6.4 there is no plugin DELETE to refuse (405 comes first).
      if (spsProfile.pluginDelete)
        answers.push({ res: await anonymous.delete(object), id: 'AUTH-PLUGIN-DELETE-401', label: 'DELETE' });
      // Each answer is judged, also after one fails: each names its own requirement.
      checkEach(
        ...answers.map(
          ({ res, id, label }) =>
            () =>
              expectError(res, { ...unauthenticated, id, label }),
        ),
      );
    },
  );
});

test.describe('plugin objects', () => {
  test(
    'an uploaded plugin is listed and readable with the documented body',
    requirements('PLUGINS-OBJECT-001', 'PLUGINS-AA-LIST-001', 'PLUGINS-FIELDS-001'),
    async ({ tx, draft, spsProfile }) => {
      const plugin = await draft.plugin('aa');
      const list = await tx.get(`${PLUGINS}/aa`);
      expect((list.json as ListBody).items.map((i) => i.key)).toContain(plugin.key);
      const res = await tx.get(plugin.href);
      expect(res.status).toBe(200);
      expect(schemaProblems('object', res.json)).toEqual([]);
      const body = (res.json as { body: Record<string, unknown> }).body;
      expect(schemaProblems(spsProfile.extendedPluginBody ? 'plugin-extended' : 'plugin', body)).toEqual([]);
      expect(body).toMatchObject({
        name: plugin.name,
        version: '1.0.0',
        api: '1.1',
        description: 'sps-conformance test plugin',
      });
    },
  );

  test(
    '6.4+ plugin bodies carry the entry point, version bounds, default configuration and checksum',
    requirements('PLUGINS-OBJECT-002'),
    async ({ spsProfile, tx, draft }) => {
      test.skip(!spsProfile.extendedPluginBody, `profile ${spsProfile.name} documents the short plugin body`);
      const plugin = await draft.plugin('aa');
      const body = ((await tx.get(plugin.href)).json as { body: Record<string, unknown> }).body;
      expect(body).toMatchObject({
        entry_point: 'main.py',
        scb_min_version: '',
        scb_max_version: '',
        default_configuration: '',
      });
      expect(body.sha256sum).toBe(createHash('sha256').update(plugin.zip).digest('hex'));
    },
  );

  test(
    'an unknown plugin key or plugin type answers 404 NotFound',
    requirements('PLUGINS-NOTFOUND-001', 'ERROR-NOTFOUND-001'),
    async ({ sps }) => {
      for (const path of [`${PLUGINS}/aa/00000000-0000-4000-8000-000000000000`, `${PLUGINS}/no_such_type`]) {
        expectError(await sps.get(path), {
          id: 'PLUGINS-NOTFOUND-001',
          also: ['ERROR-NOTFOUND-001'],
          status: 404,
          type: 'NotFound',
          label: path,
        });
      }
    },
  );
});

test.describe('plugin deletion', () => {
  // One committed plugin for the four requirements: a commit takes seconds on an appliance.
  test(
    'deleting a plugin answers its meta, is invisible to others until commit, undone by rollback; once committed it is gone',
    requirements('PLUGIN-DELETE-001', 'PLUGIN-DELETE-TX-001', 'PLUGIN-DELETE-USE-AFTER-001', 'META-PLUGIN-DELETE-001'),
    async ({ sps, peer, plant, ledger, spsProfile }) => {
      test.skip(!spsProfile.pluginDelete, `profile ${spsProfile.name}: plugins cannot be deleted over REST before 6.4`);
      const plugin = await plant.plugin('aa');
      await openTransaction(sps);
      const res = await sps.delete(plugin.href);
      expect(res.status).toBe(200);
      expect(res.json, 'only the meta, with only href and parent').toEqual({
        meta: { href: plugin.href, parent: `${PLUGINS}/aa` },
      });
      await checkAsync(
        'PLUGIN-DELETE-TX-001',
        async () => {
          expect((await sps.get(plugin.href)).status, 'gone for the deleting session').toBe(404);
          expect((await peer.get(plugin.href)).status, 'still there for another session').toBe(200);
        },
        'before commit',
      );
      await rollbackTransaction(sps);
      const back = await sps.get(plugin.href);
      check('PLUGIN-DELETE-TX-001', () => expect(back.status, 'back after rollback').toBe(200), 'after rollback');

      await openTransaction(sps);
      expect((await sps.delete(plugin.href)).status, 'deleting it again, to commit').toBe(200);
      await mustCommit(sps);
      ledger.forget(plugin.href);
      expectError(await sps.get(plugin.href), { id: 'PLUGIN-DELETE-USE-AFTER-001', status: 404, type: 'NotFound' });
      expect(((await sps.get(`${PLUGINS}/aa`)).json as ListBody).items.map((i) => i.key)).not.toContain(plugin.key);
    },
  );

  test('deleting an unknown plugin answers 404', requirements('PLUGIN-DELETE-404'), async ({ tx, spsProfile }) => {
    test.skip(!spsProfile.pluginDelete, `profile ${spsProfile.name}: plugins cannot be deleted over REST before 6.4`);
    expectError(await tx.delete(`${PLUGINS}/aa/00000000-0000-4000-8000-000000000000`), {
      id: 'PLUGIN-DELETE-404',
      status: 404,
      type: 'NotFound',
    });
  });

  const referenced = [
    { type: 'aa', by: 'an AA plugin instance', id: 'PLUGIN-DELETE-REFERENCED-001' },
    { type: 'credentialstore', by: 'a credential store', id: 'PLUGIN-DELETE-REFERENCED-002' },
  ] as const;
  for (const { type, by, id } of referenced) {
    test(
      `a ${type} plugin that ${by} uses cannot be deleted: 400 SemanticError`,
      requirements(id),
      async ({ tx, draft, spsProfile }) => {
        test.skip(
          !spsProfile.pluginDelete,
          `profile ${spsProfile.name}: plugins cannot be deleted over REST before 6.4`,
        );
        const plugin = await draft.plugin(type);
        await (type === 'aa' ? draft.aaInstance(plugin.key) : draft.credentialStore(plugin.key));
        expectError(await tx.delete(plugin.href), { id, status: 400, type: 'SemanticError' });
        const still = await tx.get(plugin.href);
        check(id, () => expect(still.status, 'the plugin is still there').toBe(200), 'still there');
      },
    );
  }

  test(
    'before 6.4 plugin deletion is not offered: 405',
    requirements('PLUGIN-DELETE-405'),
    async ({ tx, draft, spsProfile }) => {
      test.skip(spsProfile.pluginDelete, `profile ${spsProfile.name} offers plugin deletion`);
      const plugin = await draft.plugin('aa');
      expectError(await tx.delete(plugin.href), { id: 'PLUGIN-DELETE-405', status: 405, type: 'MethodNotAllowed' });
    },
  );
});
