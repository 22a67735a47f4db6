// The fixed, seeded scenario `sps-conformance diff` sends to both targets: login, the plugin tree and
// lists, uploads of generated valid and broken zips, integrity, policy create/read/list/modify/delete,
// passwords, transactions and error cases. Everything it writes stays inside transactions it rolls
// back; the one commit it makes is of an empty transaction. `{name}` in a path or body stands for the
// key a previous step captured as `name` on that target.
import fc from 'fast-check';
import { brokenPayload, validPayload } from '../../generators/payloads.ts';
import { brokenPluginZip, minimalPluginZip, pluginZipBytes, validPluginZip } from '../../generators/plugin-zip.ts';
import type { Profile } from '../../contract/profiles.ts';
import {
  AUTHENTICATION_PATH,
  familyPath,
  INFO_PATH,
  INTEGRITY_PATH,
  PASSWORDS_PATH,
  PLUGINS_PATH,
  POLICIES_PATH,
  RESOURCE_FAMILIES,
  TRANSACTION_PATH,
  UPLOAD_PATH,
  type FamilyName,
} from '../../contract/surface.ts';

export type Session = 'main' | 'other' | 'anonymous';

export interface Step {
  label: string;
  session: Session;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Log in with the target's account (valid) or a wrong password (wrong) instead of a plain request. */
  login?: 'valid' | 'wrong';
  /** Remember the answer's `key` under this name for later steps. */
  capture?: string;
}

const PLUGINS = PLUGINS_PATH;
const POLICIES = POLICIES_PATH;
/** The capture of the uploaded plugin a family's bodies reference; families without references get a dummy. */
const REFERENCED_UPLOAD: Readonly<Record<FamilyName, string>> = {
  aa_plugin_instances: '{aa}',
  credentialstores: '{store}',
};
const JSON_TYPE = { 'content-type': 'application/json' };
const ZIP_TYPE = { 'content-type': 'application/zip' };
const NO_SUCH_KEY = '00000000-0000-4000-8000-000000000000';

function sample<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return fc.sample(arbitrary, { seed, numRuns: count });
}

const get = (label: string, path: string, session: Session = 'main'): Step => ({ label, session, method: 'GET', path });
const json = (label: string, method: Step['method'], path: string, body: unknown, capture?: string): Step => ({
  label,
  session: 'main',
  method,
  path,
  headers: JSON_TYPE,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  ...(capture ? { capture } : {}),
});

function integrity(params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) search.append(name, v);
  return `${INTEGRITY_PATH}?${search.toString()}`;
}

async function uploads(profile: Profile, seed: number): Promise<Step[]> {
  const [aa] = sample(minimalPluginZip(['aa']), seed, 1);
  const [store] = sample(minimalPluginZip(['credentialstore']), seed + 1, 1);
  const steps: Step[] = [
    {
      label: 'upload an aa plugin',
      session: 'main',
      method: 'POST',
      path: UPLOAD_PATH,
      headers: ZIP_TYPE,
      body: await pluginZipBytes(aa!),
      capture: 'aa',
    },
    {
      label: 'upload a credentialstore plugin',
      session: 'main',
      method: 'POST',
      path: UPLOAD_PATH,
      headers: ZIP_TYPE,
      body: await pluginZipBytes(store!),
      capture: 'store',
    },
    {
      label: 'upload the aa plugin again (update)',
      session: 'main',
      method: 'POST',
      path: UPLOAD_PATH,
      headers: ZIP_TYPE,
      body: await pluginZipBytes(aa!),
    },
  ];
  for (const [i, c] of sample(validPluginZip(profile), seed + 2, 3).entries()) {
    steps.push({
      label: `upload generated valid plugin ${i + 1}`,
      session: 'main',
      method: 'POST',
      path: UPLOAD_PATH,
      headers: ZIP_TYPE,
      body: await pluginZipBytes(c),
    });
  }
  for (const c of sample(brokenPluginZip(profile), seed + 3, 5)) {
    steps.push({
      label: `upload a broken plugin (${c.defects.join(', ')})`,
      session: 'main',
      method: 'POST',
      path: UPLOAD_PATH,
      headers: ZIP_TYPE,
      body: await pluginZipBytes(c),
    });
  }
  steps.push({
    label: 'upload as application/json',
    session: 'main',
    method: 'POST',
    path: UPLOAD_PATH,
    headers: JSON_TYPE,
    body: await pluginZipBytes(aa!),
  });
  return steps;
}

function payloadSteps(resource: FamilyName, pluginKey: string, seed: number, prefix: string): Step[] {
  const collection = familyPath(resource);
  const ctx = { pluginKeys: [pluginKey], namePrefix: prefix };
  const [first, second] = sample(validPayload(resource, ctx), seed, 2);
  const capture = `${resource}1`;
  return [
    json(`create a ${resource} object`, 'POST', collection, first!.text, capture),
    get(`read the ${resource} object`, `${collection}/{${capture}}`),
    get(`list ${resource}`, collection),
    json(`modify the ${resource} object`, 'PUT', `${collection}/{${capture}}`, second!.text),
    get(`read the modified ${resource} object`, `${collection}/{${capture}}`),
    ...sample(brokenPayload(resource, ctx), seed + 1, 3).map((c) =>
      json(`create a broken ${resource} object (${c.defects.join(', ')})`, 'POST', collection, c.text),
    ),
    get(`read an unknown ${resource} object`, `${collection}/${NO_SUCH_KEY}`),
  ];
}

const usermapping = familyPath('usermapping_policies');

function policySteps(seed: number, prefix: string): Step[] {
  return [
    ...RESOURCE_FAMILIES.flatMap((family, i) =>
      payloadSteps(family.name, REFERENCED_UPLOAD[family.name] ?? 'unused', seed + 10 * i, prefix),
    ),
    json('create a password', 'POST', PASSWORDS_PATH, { plain: 'sps-conformance-diff-canary' }, 'password'),
    get('read the password', `${PASSWORDS_PATH}/{password}`),
    get('list passwords (not allowed)', PASSWORDS_PATH),
    get('list usermapping policies with a filter', `${usermapping}?filter=x`),
    get("the documents' usermapping path", `${POLICIES}/usermapping`),
    json('a body that is not JSON', 'POST', usermapping, '{"name": '),
    {
      label: 'a JSON endpoint sent text/plain',
      session: 'main',
      method: 'POST',
      path: usermapping,
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    },
    json('PUT on the plugins tree (not allowed)', 'PUT', PLUGINS, {}),
  ];
}

function deletionSteps(): Step[] {
  return [
    {
      label: 'delete the aa plugin while an instance uses it',
      session: 'main',
      method: 'DELETE',
      path: `${PLUGINS}/aa/{aa}`,
    },
    {
      label: 'delete the aa plugin instance',
      session: 'main',
      method: 'DELETE',
      path: `${familyPath('aa_plugin_instances')}/{aa_plugin_instances1}`,
    },
    { label: 'delete the aa plugin', session: 'main', method: 'DELETE', path: `${PLUGINS}/aa/{aa}` },
    {
      label: 'delete the usermapping policy',
      session: 'main',
      method: 'DELETE',
      path: `${usermapping}/{usermapping_policies1}`,
    },
    get('read the deleted usermapping policy', `${usermapping}/{usermapping_policies1}`),
    { label: 'delete an unknown plugin', session: 'main', method: 'DELETE', path: `${PLUGINS}/aa/${NO_SUCH_KEY}` },
  ];
}

export async function diffScenario(profile: Profile, seed: number, prefix: string): Promise<Step[]> {
  const transaction = TRANSACTION_PATH;
  return [
    get('read /api/info', INFO_PATH, 'anonymous'),
    get('plugins without a session', PLUGINS, 'anonymous'),
    {
      label: 'log in with a wrong password',
      session: 'anonymous',
      method: 'GET',
      path: AUTHENTICATION_PATH,
      login: 'wrong',
    },
    { label: 'log in', session: 'main', method: 'GET', path: AUTHENTICATION_PATH, login: 'valid' },
    { label: 'log in a second session', session: 'other', method: 'GET', path: AUTHENTICATION_PATH, login: 'valid' },
    get('the plugins tree', PLUGINS),
    ...profile.pluginTypes.map((type) => get(`the ${type} plugin list`, `${PLUGINS}/${type}`)),
    get('an unknown plugin type', `${PLUGINS}/no_such_type`),
    get('the policies tree', POLICIES),
    get('the transaction status', transaction),
    {
      label: 'open a transaction without a Content-Length',
      session: 'main',
      method: 'POST',
      path: transaction,
      headers: { 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(0),
    },
    {
      label: 'open a transaction',
      session: 'main',
      method: 'POST',
      path: transaction,
      headers: { 'content-length': '0' },
      body: Buffer.alloc(0),
    },
    get('the transaction status while open', transaction),
    ...(await uploads(profile, seed)),
    get('read the aa plugin', `${PLUGINS}/aa/{aa}`),
    get('the aa plugin list with the upload', `${PLUGINS}/aa`),
    get('another session reads the uncommitted plugin', `${PLUGINS}/aa/{aa}`, 'other'),
    {
      label: 'another session opens a transaction',
      session: 'other',
      method: 'POST',
      path: transaction,
      headers: { 'content-length': '0' },
      body: Buffer.alloc(0),
    },
    get(
      'integrity of the aa plugin',
      integrity({ key: '{aa}', plugin_type: 'aa', ops: ['zip_checksum', 'zip_content', 'unregistered'] }),
    ),
    get('integrity with one op', integrity({ key: '{aa}', plugin_type: 'aa', ops: 'zip_checksum' })),
    get('integrity without ops', integrity({ key: '{aa}', plugin_type: 'aa' })),
    get('integrity with a malformed key', integrity({ key: '../x', plugin_type: 'aa', ops: 'zip_checksum' })),
    get('integrity of no plugin', integrity({ key: NO_SUCH_KEY, plugin_type: 'aa', ops: 'zip_checksum' })),
    ...policySteps(seed + 100, `${prefix}`),
    ...deletionSteps(),
    { label: 'roll back', session: 'main', method: 'DELETE', path: transaction },
    get('the usermapping list after rollback', usermapping),
    json('commit with nothing open', 'PUT', transaction, { status: 'commit' }),
    {
      label: 'open an empty transaction',
      session: 'main',
      method: 'POST',
      path: transaction,
      headers: { 'content-length': '0' },
      body: Buffer.alloc(0),
    },
    json('commit it', 'PUT', transaction, { status: 'commit', message: 'sps-conformance diff' }),
    { label: 'log out', session: 'main', method: 'DELETE', path: AUTHENTICATION_PATH },
    get('plugins after logout', PLUGINS, 'main'),
    { label: 'log out the second session', session: 'other', method: 'DELETE', path: AUTHENTICATION_PATH },
  ];
}
