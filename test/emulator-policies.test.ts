// Policy collections and passwords: create/get/list/modify/delete, validation, references, meta
// (decisions: Policies; sps-api-facts §8).
import { expect, expectError, json, test, uploadPlugin, type ApiResponseLike } from './emulator-fixtures.ts';
import { PASSWORDS_PATH, POLICIES_PATH } from '../contract/surface.ts';

const POLICIES = POLICIES_PATH;
const AA = `${POLICIES}/aa_plugin_instances`;
const CS = `${POLICIES}/credentialstores`;
const UM = `${POLICIES}/usermapping_policies`;
const CA = `${POLICIES}/trusted_ca_lists`;
const PASSWORDS = PASSWORDS_PATH;

function keyOf(res: ApiResponseLike): string {
  expect(res.status, res.body.toString('utf8').slice(0, 300)).toBe(201);
  return json<{ key: string }>(res).key;
}

function problemFields(res: ApiResponseLike): string[] {
  return json<{ error: { details: { problems: { field: string }[] } } }>(res).error.details.problems.map(
    (p) => p.field,
  );
}

test('GET /api/configuration/policies lists its collections with configuration siblings', async ({ admin }) => {
  const res = await admin.get(POLICIES);
  expect(res.status).toBe(200);
  const body = json<{ items: { key: string; meta: { href: string } }[]; meta: Record<string, unknown> }>(res);
  expect(body.items[0]).toEqual({ key: 'aa_plugin_instances', meta: { href: AA } });
  expect(body.items.at(-1)?.key).toBe('usermapping_policies');
  expect(body.meta).toMatchObject({
    href: POLICIES,
    parent: '/api/configuration',
    previous: '/api/configuration/plugins',
    next: '/api/configuration/private_keys',
  });
  expectError(await admin.get(`${POLICIES}/analytics`), 404, 'NotFound');
  expectError(await admin.get(`${POLICIES}/usermapping`), 404, 'NotFound');
});

test('aa_plugin_instances: create, show with embedded plugin reference, modify, delete', async ({ admin }) => {
  const plugin = await uploadPlugin(admin, 'aaplugin');
  const created = await admin.post(AA, { name: 'first_instance', configuration: '[plugin]\n', plugin });
  const key = keyOf(created);
  expect(json(created)).toEqual({ key, meta: { href: `${AA}/${key}`, parent: AA, transaction: '/api/transaction' } });
  const got = await admin.get(`${AA}/${key}`);
  expect(json(got)).toMatchObject({
    key,
    body: {
      name: 'first_instance',
      configuration: '[plugin]\n',
      plugin: { key: plugin, meta: { href: `/api/configuration/plugins/aa/${plugin}` } },
    },
    meta: {
      href: `${AA}/${key}`,
      parent: AA,
      first: `${AA}/${key}`,
      last: `${AA}/${key}`,
      next: null,
      previous: null,
      transaction: '/api/transaction',
      remaining_seconds: 600,
    },
  });
  const modified = await admin.put(`${AA}/${key}`, { name: 'renamed', configuration: '', plugin });
  expect(modified.status).toBe(200);
  expect(json(modified)).toEqual({ key, meta: { href: `${AA}/${key}`, parent: AA, transaction: '/api/transaction' } });
  expect(json(await admin.get(`${AA}/${key}`))).toMatchObject({ body: { name: 'renamed', configuration: '' } });
  const deleted = await admin.delete(`${AA}/${key}`);
  expect(deleted.status).toBe(200);
  expect(json(deleted)).toMatchObject({
    meta: { href: `${AA}/${key}`, parent: AA, first: `${AA}/${key}`, last: `${AA}/${key}` },
  });
  expectError(await admin.get(`${AA}/${key}`), 404, 'NotFound');
  expectError(await admin.delete(`${AA}/${key}`), 404, 'NotFound');
  expectError(await admin.put(`${AA}/${key}`, { name: 'x', configuration: '', plugin }), 404, 'NotFound');
});

test('aa_plugin_instances: every broken field is reported', async ({ admin }) => {
  const plugin = await uploadPlugin(admin, 'aaplugin');
  const credPlugin = await uploadPlugin(admin, 'csplugin', 'credentialstore');
  const cases: [unknown, string[]][] = [
    [{ configuration: '', plugin }, ['name']],
    [{ name: '1starts_with_digit', configuration: '', plugin }, ['name']],
    [{ name: 'has space', configuration: '', plugin }, ['name']],
    [{ name: 'ok', plugin }, ['configuration']],
    [{ name: 'ok', configuration: 5, plugin }, ['configuration']],
    [{ name: 'ok', configuration: '' }, ['plugin']],
    [{ name: 'ok', configuration: '', plugin: 'deadbeef' }, ['plugin']],
    [{ name: 'ok', configuration: '', plugin: credPlugin }, ['plugin']],
    [{ name: 'ok', configuration: '', plugin: { key: plugin } }, ['plugin']],
    [{ name: 'ok', configuration: '', plugin, extra: true }, ['extra']],
    [{}, ['name', 'configuration', 'plugin']],
  ];
  for (const [payload, fields] of cases) {
    const res = await admin.post(AA, payload);
    expectError(res, 400, 'SemanticError');
    expect(problemFields(res), JSON.stringify(payload)).toEqual(fields);
  }
  keyOf(await admin.post(AA, { name: 'taken', configuration: '', plugin }));
  expect(problemFields(await admin.post(AA, { name: 'taken', configuration: '', plugin }))).toEqual(['name']);
  expect(json<{ items: unknown[] }>(await admin.get(AA)).items).toHaveLength(1);
});

test('credentialstores: external plugin stores; local ones are refused as the documents say', async ({ admin }) => {
  const plugin = await uploadPlugin(admin, 'vault', 'credentialstore');
  const key = keyOf(await admin.post(CS, { name: 'vault_store', type: { selection: 'external_plugin', plugin } }));
  expect(json(await admin.get(`${CS}/${key}`))).toMatchObject({
    body: {
      name: 'vault_store',
      type: {
        selection: 'external_plugin',
        plugin: { key: plugin, meta: { href: `/api/configuration/plugins/credentialstore/${plugin}` } },
      },
    },
  });
  const local = await admin.post(CS, { name: 'local_store', type: { selection: 'local' } });
  expectError(local, 400, 'SemanticError');
  expect(json<{ error: { message: string } }>(local).error.message).toBe(
    'Local credential stores can only be configured using the web interface',
  );
  expect(
    problemFields(await admin.post(CS, { name: 'has space', type: { selection: 'external_plugin', plugin } })),
  ).toEqual(['name']);
  expect(
    problemFields(await admin.post(CS, { name: 'vault_store', type: { selection: 'external_plugin', plugin } })),
  ).toEqual(['name']);
  expect(problemFields(await admin.post(CS, { name: 'x', type: 'external_plugin' }))).toEqual(['type']);
  expect(
    problemFields(await admin.post(CS, { name: 'x', type: { selection: 'external_plugin', plugin, extra: 1 } })),
  ).toEqual(['type.extra']);
});

test('usermapping_policies: defaults, mapping rules, list order in object meta', async ({ admin }) => {
  const a = keyOf(await admin.post(UM, { name: 'a', mappings: [] }));
  const b = keyOf(
    await admin.post(UM, {
      name: 'b',
      allow_other_remote_users_without_mapping: false,
      mappings: [{ allowed_groups: ['g'], remote_user: 'root' }],
    }),
  );
  const c = keyOf(await admin.post(UM, { name: 'c', mappings: [{ allowed_groups: [], remote_user: 'u' }] }));
  expect(json(await admin.get(`${UM}/${a}`))).toMatchObject({
    body: { name: 'a', allow_other_remote_users_without_mapping: true, mappings: [] },
  });
  expect(json<{ items: { key: string }[] }>(await admin.get(UM)).items.map((i) => i.key)).toEqual([a, b, c]);
  expect(json(await admin.get(`${UM}/${b}`))).toMatchObject({
    meta: {
      first: `${UM}/${a}`,
      previous: `${UM}/${a}`,
      next: `${UM}/${c}`,
      last: `${UM}/${c}`,
      parent: UM,
      href: `${UM}/${b}`,
    },
  });
  expect(problemFields(await admin.post(UM, { name: 'd' }))).toEqual(['mappings']);
  expect(problemFields(await admin.post(UM, { name: 'd', mappings: [{ remote_user: 'x' }] }))).toEqual([
    'mappings[0].allowed_groups',
  ]);
  expect(
    problemFields(await admin.post(UM, { name: 'd', mappings: [{ allowed_groups: [], remote_user: '' }] })),
  ).toEqual(['mappings[0].remote_user']);
  expect(
    problemFields(await admin.post(UM, { name: 'd', mappings: [], allow_other_remote_users_without_mapping: 'yes' })),
  ).toEqual(['allow_other_remote_users_without_mapping']);
  expect(problemFields(await admin.post(UM, { name: '', mappings: [] }))).toEqual(['name']);
  // Delete answers the sibling meta of the list as it was, href still the deleted object.
  expect(json(await admin.delete(`${UM}/${c}`))).toMatchObject({
    meta: { href: `${UM}/${c}`, previous: `${UM}/${b}`, next: null, first: `${UM}/${a}` },
  });
});

test('trusted_ca_lists: name required and unique, certificates a list of strings', async ({ admin }) => {
  const key = keyOf(await admin.post(CA, { name: 'cas', certificates: ['-----BEGIN CERTIFICATE-----\n'] }));
  expect(json(await admin.get(`${CA}/${key}`))).toMatchObject({
    body: { name: 'cas', certificates: ['-----BEGIN CERTIFICATE-----\n'] },
  });
  expect(problemFields(await admin.post(CA, { name: 'cas', certificates: [] }))).toEqual(['name']);
  expect(problemFields(await admin.post(CA, { name: 'other', certificates: [1] }))).toEqual(['certificates']);
});

test('passwords: create plain or hash, get by key without the secret, no list/modify/delete', async ({
  emu,
  admin,
}) => {
  const plain = keyOf(await admin.post(PASSWORDS, { plain: 'secret-value' }));
  keyOf(await admin.post(PASSWORDS, { hash: 'a'.repeat(64) }));
  const got = await admin.get(`${PASSWORDS}/${plain}`);
  expect(got.status).toBe(200);
  expect(json(got)).toMatchObject({ key: plain, body: {}, meta: { href: `${PASSWORDS}/${plain}`, parent: PASSWORDS } });
  expect(got.body.toString()).not.toContain('secret-value');
  expect(JSON.stringify(emu.emulator.store.view(undefined))).not.toContain('secret-value');
  for (const res of [
    await admin.get(PASSWORDS),
    await admin.put(`${PASSWORDS}/${plain}`, { plain: 'x' }),
    await admin.delete(`${PASSWORDS}/${plain}`),
  ]) {
    expectError(res, 405, 'MethodNotAllowed');
  }
  expect((await admin.get(PASSWORDS)).headers.allow).toBe('POST');
  expectError(await admin.post(PASSWORDS, { plain: 'a', hash: 'b' }), 400, 'SemanticError');
  expectError(await admin.post(PASSWORDS, {}), 400, 'SemanticError');
  expectError(await admin.post(PASSWORDS, { plain: '' }), 400, 'SemanticError');
  expectError(await admin.post(PASSWORDS, { plain: 'x', note: 'y' }), 400, 'SemanticError');
  expectError(await admin.get(`${PASSWORDS}/00000000-0000-4000-8000-000000000000`), 404, 'NotFound');
});

test('list GETs refuse query parameters with InvalidQuery', async ({ admin }) => {
  for (const path of [
    `${UM}?name=a`,
    `${POLICIES}?x=1`,
    '/api/configuration/plugins?filter=1',
    '/api/configuration/plugins/aa?limit=2',
  ]) {
    expectError(await admin.get(path), 400, 'InvalidQuery');
  }
});
