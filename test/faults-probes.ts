// One probe per listed fault: a few requests whose answer shows the fault's claimed behaviour
// (true) or the documented one (false). Used by faults-behaviour.test.ts against a pristine and a
// faulted emulator. Not a test file itself.
import { createHash } from 'node:crypto';
import type { SpsClient, ApiResponse } from '../suite/client/sps-client.ts';
import { openTransaction, rollbackTransaction, commitTransaction } from '../suite/client/transactions.ts';
import { UPLOAD_LIMIT_BYTES } from '../contract/plugin/limits.ts';
import { DEFAULT_PROFILE, profile } from '../contract/profiles.ts';
import { pluginZip } from './emulator-fixtures.ts';
import { PLUGINS_PATH, familyPath } from '../contract/surface.ts';

export interface ProbeClients {
  admin: SpsClient;
  other: SpsClient;
  reader: SpsClient;
  anonymous: SpsClient;
}

type Probe = (c: ProbeClients) => Promise<boolean>;

const PLUGINS = PLUGINS_PATH;
const USERMAPPING = familyPath('usermapping_policies');
const NO_SUCH_KEY = '00000000-0000-4000-8000-000000000000';

// biome-ignore lint/suspicious/noExplicitAny: probes read arbitrary JSON answers field by field
type Json = Record<string, any>;
const body = (res: ApiResponse): Json => (res.json ?? {}) as Json;
const errorType = (res: ApiResponse): unknown => body(res).error?.type;

async function created(admin: SpsClient, name: string): Promise<ApiResponse> {
  await openTransaction(admin);
  return admin.post(USERMAPPING, { name, mappings: [] });
}

async function uploaded(
  admin: SpsClient,
  name = 'Probe_plugin',
  type = 'aa',
): Promise<{ res: ApiResponse; zip: Buffer }> {
  await openTransaction(admin);
  const zip = await pluginZip(name, type);
  return { res: await admin.upload(zip), zip };
}

const integrity = (key: string, ops = 'zip_checksum') =>
  `/api/plugin/integrity?key=${encodeURIComponent(key)}&plugin_type=aa&ops=${ops}`;

export const PROBES: Record<string, Probe> = {
  'create-answers-200': async ({ admin }) => (await created(admin, 'Probe')).status === 200,
  'upload-new-answers-200': async ({ admin }) => (await uploaded(admin)).res.status === 200,
  'unauthenticated-as-404': async ({ anonymous }) => (await anonymous.get(PLUGINS)).status === 404,
  'bad-json-500': async ({ admin }) => {
    await openTransaction(admin);
    return (
      (
        await admin.request({
          method: 'POST',
          path: USERMAPPING,
          headers: { 'content-type': 'application/json' },
          body: 'nope',
        })
      ).status === 500
    );
  },
  'login-failure-code': async ({ anonymous }) =>
    errorType(await anonymous.login({ username: 'admin', password: 'wrong' })) === 'Unauthenticated',
  'forbidden-as-401': async ({ reader }) => (await openTransaction(reader)).status === 401,
  'unknown-object-400': async ({ admin }) => (await admin.get(`${USERMAPPING}/${NO_SUCH_KEY}`)).status === 400,
  'method-not-allowed-without-allow': async ({ admin }) => {
    const res = await admin.request({
      method: 'PUT',
      path: PLUGINS,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return res.status === 405 && res.headers.allow === undefined;
  },
  'semantic-error-renamed': async ({ admin }) => {
    await openTransaction(admin);
    return errorType(await admin.post(USERMAPPING, {})) === 'ValidationError';
  },
  'error-details-without-path': async ({ anonymous }) =>
    body(await anonymous.get(PLUGINS)).error?.details?.path === undefined,
  'commit-without-transaction': async ({ admin }) => {
    await rollbackTransaction(admin);
    return (await commitTransaction(admin)).status === 200;
  },
  'upload-size-unchecked': async ({ admin }) => {
    await openTransaction(admin);
    return (await admin.upload(Buffer.alloc(UPLOAD_LIMIT_BYTES + 1, 0x50))).status === 400;
  },
  'integrity-missing-plugin-as-notfound': async ({ admin }) =>
    errorType(await admin.get(integrity(NO_SUCH_KEY))) === 'NotFound',
  'integrity-key-unchecked': async ({ admin }) => (await admin.get(integrity('../x'))).status === 404,
  'href-trailing-slash': async ({ admin }) => String(body(await admin.get(PLUGINS)).meta?.href).endsWith('/'),
  'object-parent-is-grandparent': async ({ admin }) => {
    const href = body(await created(admin, 'Probe')).meta.href as string;
    return body(await admin.get(href)).meta.parent === '/api/configuration/policies';
  },
  'next-previous-swapped': async ({ admin }) =>
    body(await admin.get(PLUGINS)).meta.next === '/api/configuration/passwords',
  'object-without-transaction-link': async ({ admin }) => {
    const href = body(await created(admin, 'Probe')).meta.href as string;
    return !('transaction' in body(await admin.get(href)).meta);
  },
  'object-is-own-first-and-last': async ({ admin }) => {
    const first = body(await created(admin, 'Probe_one')).meta.href as string;
    await admin.post(USERMAPPING, { name: 'Probe_two', mappings: [] });
    return body(await admin.get(first)).meta.last === first;
  },
  'remaining-seconds-missing': async ({ admin }) => {
    await openTransaction(admin);
    return !('remaining_seconds' in body(await admin.get(USERMAPPING)).meta);
  },
  'delete-answers-collection-href': async ({ admin }) => {
    const href = body(await created(admin, 'Probe')).meta.href as string;
    return body(await admin.delete(href)).meta.href === USERMAPPING;
  },
  'version-normalised': async ({ admin }) => body((await uploaded(admin)).res).body.version === '1',
  'sha256-of-wrong-bytes': async ({ admin }) => {
    const { res, zip } = await uploaded(admin);
    return body(res).body.sha256sum !== createHash('sha256').update(zip).digest('hex');
  },
  'list-drops-last-item': async ({ admin }) =>
    body(await admin.get(PLUGINS)).items.length === profile(DEFAULT_PROFILE).pluginTypes.length - 1,
  'integrity-verdict-text': async ({ admin }) => {
    const key = body((await uploaded(admin)).res).key as string;
    return body(await admin.get(integrity(key))).body.zip_checksum.reason === 'Checksums OK';
  },
  'integrity-all-ops': async ({ admin }) => {
    const key = body((await uploaded(admin)).res).key as string;
    return Object.keys(body(await admin.get(integrity(key))).body).length > 1;
  },
  // 7.x documents the status under "transaction"; the fault moves it to "body" (8.x's key).
  'transaction-status-envelope': async ({ admin }) => 'body' in body(await admin.get('/api/transaction')),
  'content-type-text-plain': async ({ admin }) =>
    String((await admin.get(PLUGINS)).headers['content-type']).startsWith('text/plain'),
  'uncommitted-changes-visible': async ({ admin, other }) => {
    const key = body(await created(admin, 'Probe')).key as string;
    return JSON.stringify(body(await other.get(USERMAPPING)).items).includes(key);
  },
  'rollback-ignored': async ({ admin }) => {
    await openTransaction(admin);
    await rollbackTransaction(admin);
    return body(await admin.get('/api/transaction')).transaction?.status === 'open';
  },
  'no-configuration-lock': async ({ admin, other }) => {
    await openTransaction(admin);
    return (await openTransaction(other)).status === 200;
  },
  'length-not-required': async ({ admin }) =>
    (
      await admin.request({
        method: 'POST',
        path: '/api/transaction',
        headers: { 'transfer-encoding': 'chunked' },
        body: Buffer.alloc(0),
      })
    ).status === 200,
  'manifest-fields-unchecked': async ({ admin }) => (await uploaded(admin, '9_starts_with_a_digit')).res.status === 201,
  'reupload-creates-new-plugin': async ({ admin }) => {
    const first = body((await uploaded(admin)).res).key;
    const again = await uploaded(admin);
    return again.res.status === 201 && body(again.res).key !== first;
  },
  'plugin-delete-ignores-references': async ({ admin }) => {
    const plugin = body((await uploaded(admin)).res);
    await admin.post('/api/configuration/policies/aa_plugin_instances', {
      name: 'Probe',
      configuration: '',
      plugin: plugin.key,
    });
    return (await admin.delete(plugin.meta.href)).status === 200;
  },
  'readonly-may-write': async ({ reader }) => (await openTransaction(reader)).status === 200,
  'no-authentication': async ({ anonymous }) => (await anonymous.get(PLUGINS)).status === 200,
  'usermapping-alias': async ({ admin }) => (await admin.get('/api/configuration/policies/usermapping')).status === 200,
  'query-ignored': async ({ admin }) => (await admin.get(`${USERMAPPING}?filter=x`)).status === 200,
  // Sequence faults (emulator/faults/sequence-faults.ts): each probe is the fault's shortest sequence.
  'rollback-keeps-reuploads': async ({ admin }) => {
    const { res } = await uploaded(admin, 'Probe_seq');
    await commitTransaction(admin);
    await openTransaction(admin);
    await admin.upload(await pluginZip('Probe_seq', 'aa', { version: '2.0' }));
    await rollbackTransaction(admin);
    return body(await admin.get(`${PLUGINS}/aa/${String(body(res).key)}`)).body?.version === '2.0';
  },
  'delete-check-ignores-new-users': async ({ admin }) => {
    const plugin = body((await uploaded(admin, 'Probe_seq')).res);
    await admin.post('/api/configuration/policies/aa_plugin_instances', {
      name: 'Probe',
      configuration: '',
      plugin: plugin.key,
    });
    return (await admin.delete(`${PLUGINS}/aa/${String(plugin.key)}`)).status === 200;
  },
  'logout-ends-others-transaction': async ({ admin, other }) => {
    await created(admin, 'Probe_seq');
    await other.logout();
    return body(await admin.get(USERMAPPING)).items?.length === 0;
  },
};
