// Plugins: upload (create, update in place), delete, references, integrity, size and media-type limits,
// Expect: 100-continue, and hostile zips that must be refused with 400, never crash the emulator.
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import {
  corruptCrc,
  duplicateEntry,
  markEncrypted,
  markSymlink,
  renameEntry,
  truncate,
} from '../generators/zip-surgery.ts';
import { minimalPlugin } from '../generators/plugin-zip.ts';
import { UPLOAD_LIMIT_BYTES } from '../contract/plugin/limits.ts';
import {
  clientFor,
  COMMIT,
  emulatorWith,
  expect,
  expectError,
  json,
  pluginZip,
  test,
  TX,
  uploadPlugin,
} from './emulator-fixtures.ts';
import { PLUGINS_PATH, UPLOAD_PATH } from '../contract/surface.ts';

const PLUGINS = PLUGINS_PATH;
const UPLOAD = UPLOAD_PATH;

interface Upload {
  key: string;
  body: Record<string, unknown>;
  meta: Record<string, unknown>;
}

test('upload creates a plugin (201) with every body field; the same name updates it in place (200)', async ({
  admin,
}) => {
  const zip = await pluginZip('Sample_plugin', 'aa', { cfg: '[plugin]\nkey = value\n' });
  const created = await admin.upload(zip);
  expect(created.status).toBe(201);
  const first = json<Upload>(created);
  expect(first.meta).toEqual({ href: `${PLUGINS}/aa/${first.key}`, parent: `${PLUGINS}/aa` });
  expect(first.body).toEqual({
    api: '1.6',
    default_configuration: '[plugin]\nkey = value\n',
    description: 'Sample_plugin plugin',
    entry_point: 'main.py',
    name: 'Sample_plugin',
    path: '/opt/scb/var/plugins/aa/Sample_plugin',
    scb_max_version: '',
    scb_min_version: '',
    sha256sum: createHash('sha256').update(zip).digest('hex'),
    version: '1.0',
  });
  const other = await uploadPlugin(admin, 'Other_plugin');
  const updated = await admin.upload(await pluginZip('Sample_plugin', 'aa', { version: '2.0' }));
  expect(updated.status).toBe(200);
  expect(json<Upload>(updated).key).toBe(first.key);
  expect(json<Upload>(updated).body.version).toBe('2.0');
  const list = json<{ items: { key: string }[] }>(await admin.get(`${PLUGINS}/aa`));
  expect(list.items.map((i) => i.key)).toEqual([first.key, other]);
  expect(json<Upload>(await admin.get(`${PLUGINS}/aa/${first.key}`)).body.version).toBe('2.0');
});

test('older profiles show the five documented body fields only', async () => {
  const emu = await emulatorWith({ profile: '6.0' });
  try {
    const admin = await clientFor(emu);
    await admin.request({ method: 'POST', path: TX, headers: { 'content-length': '0' }, body: Buffer.alloc(0) });
    const zip = await minimalPlugin({
      name: 'Sample-Authentication-Plugin',
      description: 'd',
      version: '1.0',
      api: '1.0',
    });
    const res = await admin.upload(zip);
    expect(res.status, res.body.toString()).toBe(201);
    expect(Object.keys(json<Upload>(res).body).sort()).toEqual(['api', 'description', 'name', 'path', 'version']);
    // Before 6.4 plugins cannot be deleted over REST.
    const del = await admin.delete(`${PLUGINS}/aa/${json<Upload>(res).key}`);
    expectError(del, 405, 'MethodNotAllowed');
    expect(del.headers.allow).toBe('GET');
  } finally {
    await emu.close();
  }
});

test('delete: 200 with href/parent meta, 404 when unknown, 400 while an instance uses the plugin', async ({
  admin,
}) => {
  const used = await uploadPlugin(admin, 'used_plugin');
  const unused = await uploadPlugin(admin, 'unused_plugin');
  const instance = await admin.post('/api/configuration/policies/aa_plugin_instances', {
    name: 'inst',
    configuration: '',
    plugin: used,
  });
  expect(instance.status).toBe(201);
  expectError(await admin.delete(`${PLUGINS}/aa/${used}`), 400, 'SemanticError');
  const res = await admin.delete(`${PLUGINS}/aa/${unused}`);
  expect(res.status).toBe(200);
  expect(json(res)).toEqual({ meta: { href: `${PLUGINS}/aa/${unused}`, parent: `${PLUGINS}/aa` } });
  expectError(await admin.delete(`${PLUGINS}/aa/${unused}`), 404, 'NotFound');
  expectError(await admin.delete(`${PLUGINS}/credentialstore/${used}`), 404, 'NotFound');
  expectError(await admin.delete(`${PLUGINS}/nosuchtype/${used}`), 404, 'NotFound');
  const cs = await uploadPlugin(admin, 'cs_plugin', 'credentialstore');
  await admin.post('/api/configuration/policies/credentialstores', {
    name: 'store',
    type: { selection: 'external_plugin', plugin: cs },
  });
  expectError(await admin.delete(`${PLUGINS}/credentialstore/${cs}`), 400, 'SemanticError');
});

test('integrity: documented verdicts per op, and its three errors', async ({ admin }) => {
  const key = await uploadPlugin(admin, 'checked');
  const path = `/api/plugin/integrity?key=${key}&plugin_type=aa&ops=zip_checksum&ops=zip_content&ops=unregistered`;
  const res = await admin.get(path);
  expect(res.status).toBe(200);
  expect(json(res)).toEqual({
    key,
    body: {
      zip_checksum: { verdict: 'passed', reason: 'Plugin .zip checksums match' },
      zip_content: {
        verdict: 'passed',
        reason: 'The plugin runtime files are the same since you have uploaded the plugin .zip',
      },
      unregistered: {
        verdict: 'unavailable',
        reason: 'Cannot find checker. Make sure that you use an existing checker: unregistered',
      },
    },
    meta: { href: '/api/plugin/integrity', parent: '/api/plugin' },
  });
  expect(
    Object.keys(
      json<{ body: object }>(await admin.get(`/api/plugin/integrity?key=${key}&plugin_type=aa&ops=zip_checksum`)).body,
    ),
  ).toEqual(['zip_checksum']);
  expectError(
    await admin.get(`/api/plugin/integrity?plugin_type=aa&ops=zip_checksum`),
    400,
    'MissingMandatoryParameter',
  );
  expectError(
    await admin.get(`/api/plugin/integrity?key=${key}&plugin_type=aa&ops=`),
    400,
    'MissingMandatoryParameter',
  );
  expectError(await admin.get(`/api/plugin/integrity?key=${key}&ops=zip_checksum`), 400, 'MissingMandatoryParameter');
  expectError(
    await admin.get(`/api/plugin/integrity?key=..%2Fx&plugin_type=aa&ops=zip_checksum`),
    400,
    'InvalidFormat',
  );
  expectError(
    await admin.get(`/api/plugin/integrity?key=${key}&plugin_type=ticketing&ops=zip_checksum`),
    400,
    'InvalidFormat',
  );
  expectError(
    await admin.get(`/api/plugin/integrity?key=${key}&plugin_type=credentialstore&ops=zip_checksum`),
    404,
    'MissingPlugin',
  );
  expect((await admin.get(`/api/plugin/integrity?key=${key}&plugin_type=aa&ops=__proto__`)).status).toBe(200);
});

test('media types: zip, x-zip-compressed, octet-stream or none are accepted; anything else is 415', async ({
  admin,
}) => {
  const zip = await pluginZip('typed', 'aa');
  expectError(await admin.upload(zip, 'application/json'), 415, 'UnsupportedMediaType');
  expectError(await admin.upload(zip, 'text/plain'), 415, 'UnsupportedMediaType');
  expect((await admin.upload(zip, null)).status).toBe(201);
  for (const type of [
    'application/zip',
    'application/x-zip-compressed',
    'application/octet-stream',
    'Application/Zip; charset=binary',
  ]) {
    expect((await admin.upload(zip, type)).status).toBe(200);
  }
});

test('an upload announcing more than 20 MiB is refused before its body is read', async ({ emu, admin }) => {
  const cookie = `session_id=${await sessionOf(emu.url)}`;
  // Only a sliver of the announced body is ever sent: the 413 must not wait for the rest.
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(new URL(UPLOAD, emu.url), {
      method: 'POST',
      agent: false,
      headers: { cookie, 'content-type': 'application/zip', 'content-length': String(UPLOAD_LIMIT_BYTES + 1) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.write(Buffer.alloc(1024));
  });
  expect(status).toBe(413);
  expect((await admin.get(`${PLUGINS}/aa`)).status).toBe(200);
});

/** A raw chunked upload of `size` bytes; resolves with the status the client reads. */
function chunkedUpload(url: string, cookie: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(UPLOAD, url);
    const req = request(
      target,
      { method: 'POST', headers: { cookie, 'content-type': 'application/zip', 'transfer-encoding': 'chunked' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(1024 * 1024, 7);
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

test('a chunked upload is cut at 20 MiB and answered 413; the connection is not reset', async ({ emu, admin }) => {
  const cookie = `session_id=${await sessionOf(emu.url)}`;
  expect(await chunkedUpload(emu.url, cookie, UPLOAD_LIMIT_BYTES + 2 * 1024 * 1024)).toBe(413);
  expect((await admin.get(`${PLUGINS}/aa`)).status).toBe(200);
});

async function sessionOf(url: string): Promise<string> {
  const res = await fetch(`${url}/api/authentication`, {
    headers: { authorization: `Basic ${Buffer.from('admin:admin-pw').toString('base64')}` },
  });
  return /session_id=([0-9a-f]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
}

/** Sends headers with Expect: 100-continue and reports whether 100 came before the final status. */
function expectContinue(
  url: string,
  cookie: string,
  length: number,
  body?: Buffer,
): Promise<{ continued: boolean; status: number }> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = request(new URL(UPLOAD, url), {
      method: 'POST',
      headers: { cookie, expect: '100-continue', 'content-type': 'application/zip', 'content-length': String(length) },
    });
    req.on('continue', () => {
      continued = true;
      req.end(body);
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ continued, status: res.statusCode ?? 0 });
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

test('Expect: 100-continue: oversized uploads get 413 without 100; others get 100 and are processed', async ({
  emu,
}) => {
  const cookie = `session_id=${await sessionOf(emu.url)}`;
  expect(await expectContinue(emu.url, cookie, UPLOAD_LIMIT_BYTES + 1)).toEqual({ continued: false, status: 413 });
  const zip = await pluginZip('continued', 'aa');
  expect(await expectContinue(emu.url, cookie, zip.length, zip)).toEqual({ continued: true, status: 201 });
  // Without a session nothing asks for the body either.
  expect(await expectContinue(emu.url, 'session_id=0', zip.length, zip)).toEqual({ continued: false, status: 401 });
});

test('hostile zips are refused with 400 SemanticError naming the rule; the emulator keeps serving', async ({
  admin,
}) => {
  const good = await pluginZip('victim', 'aa');
  const bomb = await minimalPlugin({ name: 'bomb', description: 'd', version: '1', api: '1.6' }, [
    { name: 'zeros.bin', content: Buffer.alloc(8 * 1024 * 1024) },
  ]);
  const cases: [string, Buffer][] = [
    ['zip.not-a-zip', Buffer.from('this is not a zip at all')],
    ['zip.not-a-zip', Buffer.alloc(0)],
    ['zip.bad-crc', corruptCrc(good, 'main.py')],
    ['zip.encrypted-entry', markEncrypted(good, 'main.py')],
    ['zip.symlink', markSymlink(good, 'main.py', '/etc/passwd')],
    ['zip.unsafe-path', renameEntry(good, 'main.py', '../../main.py')],
    ['zip.unsafe-path', renameEntry(good, 'main.py', '/abs/main.py')],
    ['zip.duplicate-entry', duplicateEntry(good, 'MANIFEST')],
    ['zip.bomb', bomb],
  ];
  for (const [rule, bytes] of cases) {
    const res = await admin.upload(bytes);
    expectError(res, 400, 'SemanticError');
    const rules = json<{ error: { details: { problems: { rule: string }[] } } }>(res).error.details.problems.map(
      (p) => p.rule,
    );
    expect(rules, rule).toContain(rule);
  }
  for (const length of [10, 30, 100, good.length - 10]) {
    expectError(await admin.upload(truncate(good, length)), 400, 'SemanticError');
  }
  expect(json<{ items: unknown[] }>(await admin.get(`${PLUGINS}/aa`)).items).toHaveLength(0);
  expect((await admin.upload(good)).status).toBe(201);
});

test('a refused upload leaves committed state alone', async ({ emu, admin }) => {
  await uploadPlugin(admin, 'kept');
  await admin.put(TX, COMMIT);
  const before = JSON.stringify(emu.emulator.store.committed);
  expectError(await admin.upload(Buffer.from('PK\x03\x04garbage')), 400, 'SemanticError');
  await admin.put(TX, COMMIT).catch(() => undefined);
  expect(JSON.stringify(emu.emulator.store.committed)).toBe(before);
});
