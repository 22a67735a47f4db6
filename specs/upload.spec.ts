// POST /api/upload/plugins: the raw zip as the body; the MANIFEST's fields reported as written.
import { createHash } from 'node:crypto';
import { errorProblems } from '../lib/contract/error-problems.ts';
import { metaLinkProblems } from '../lib/contract/meta-links.ts';
import { schemaProblems } from '../lib/contract/validators.ts';
import { mustCommit, openTransaction, rollbackTransaction } from '../lib/client/transactions.ts';
import { runName } from '../lib/client/run-names.ts';
import { keyAndHref } from '../lib/client/objects.ts';
import { brokenPluginZip, minimalPluginFiles, pluginZipBytes, validPluginZip, type ManifestFields, type PluginZipCase } from '../generators/plugin-zip.ts';
import { buildZip } from '../generators/zip-bytes.ts';
import { UPLOAD_LIMIT_BYTES } from '../lib/plugin/limits.ts';
import { expect, requirements, test } from './fixtures.ts';

const UPLOAD = '/api/upload/plugins';
const PLUGINS = '/api/configuration/plugins';

function fields(name: string, overrides: Partial<ManifestFields> = {}): ManifestFields {
  return { name, type: 'aa', version: '1.0', api: '1.1', description: 'sps-conformance upload check', entry_point: 'main.py', ...overrides };
}

test.describe('plugin upload', () => {
  test('a valid plugin is accepted with 201 and its MANIFEST fields as written', requirements('UPLOAD-001', 'UPLOAD-FIELDS-001', 'UPLOAD-META-001'), async ({ sps, ledger, settings, spsProfile }) => {
    const manifest = fields(runName(settings.runId, 'upload'));
    const zip = await buildZip(minimalPluginFiles(manifest));
    await openTransaction(sps);
    const res = await sps.upload(zip);
    const created = keyAndHref(res);
    if (created) ledger.record(created.href);
    expect(res.status).toBe(201);
    const json = res.json as { key: string; body: Record<string, unknown>; meta: { href: string; parent: string } };
    expect(json.meta.href).toBe(`${PLUGINS}/aa/${json.key}`);
    expect(json.meta.parent).toBe(`${PLUGINS}/aa`);
    expect(metaLinkProblems(json.meta, json.meta.href)).toEqual([]);
    expect(schemaProblems(spsProfile.extendedPluginBody ? 'plugin-extended' : 'plugin', json.body)).toEqual([]);
    expect(json.body).toMatchObject({ name: manifest.name, version: '1.0', api: '1.1', description: manifest.description });
    if (spsProfile.extendedPluginBody) expect(json.body.sha256sum).toBe(createHash('sha256').update(zip).digest('hex'));
    await rollbackTransaction(sps);
  });

  test('an upload with no Content-Type at all is accepted too', requirements('UPLOAD-CONTENT-TYPE-001'), async ({ sps, ledger, settings }) => {
    const zip = await buildZip(minimalPluginFiles(fields(runName(settings.runId, 'notype'))));
    await openTransaction(sps);
    const res = await sps.upload(zip, null);
    const created = keyAndHref(res);
    if (created) ledger.record(created.href);
    expect(res.status).toBe(201);
    await rollbackTransaction(sps);
  });

  test('an upload with a Content-Type that is not a zip is refused with 415', requirements('UPLOAD-CONTENT-TYPE-002'), async ({ sps, settings, writes: _w }) => {
    const zip = await buildZip(minimalPluginFiles(fields(runName(settings.runId, 'badtype'))));
    await openTransaction(sps);
    expect(errorProblems(await sps.upload(zip, 'application/json'), 415, 'UnsupportedMediaType')).toEqual([]);
    await rollbackTransaction(sps);
  });

  test('uploading a plugin of the same name again updates it in place: 200, same key, new fields', requirements('UPLOAD-UPDATE-001'), async ({ sps, plant }) => {
    const plugin = await plant.plugin('aa');
    const zip = await buildZip(minimalPluginFiles(fields(plugin.name, { version: '2.0.1-a', description: 'updated' })));
    await openTransaction(sps);
    const res = await sps.upload(zip);
    expect(res.status).toBe(200);
    expect((res.json as { key: string }).key).toBe(plugin.key);
    await mustCommit(sps);
    const body = ((await sps.get(plugin.href)).json as { body: Record<string, unknown> }).body;
    expect(body).toMatchObject({ version: '2.0.1-a', description: 'updated' });
  });

  test('an upload over 20 MB is refused with 413 PayloadTooLarge', requirements('UPLOAD-SIZE-001'), async ({ sps, writes: _w }) => {
    await openTransaction(sps);
    const res = await sps.upload(Buffer.alloc(UPLOAD_LIMIT_BYTES + 1, 0x50));
    expect(errorProblems(res, 413, 'PayloadTooLarge')).toEqual([]);
    await rollbackTransaction(sps);
  });

  test('an upload rolled back leaves no plugin behind', requirements('UPLOAD-TX-001'), async ({ sps, connect, settings, writes: _w }) => {
    const zip = await buildZip(minimalPluginFiles(fields(runName(settings.runId, 'rollback'))));
    await openTransaction(sps);
    const res = await sps.upload(zip);
    expect(res.status).toBe(201);
    const created = keyAndHref(res)!;
    const other = await connect();
    expect((await other.get(created.href)).status, 'invisible to another session before commit').toBe(404);
    await rollbackTransaction(sps);
    expect((await sps.get(created.href)).status).toBe(404);
  });

  test('GET on the upload endpoint is not allowed: 405', requirements('UPLOAD-METHOD-001'), async ({ sps }) => {
    expect(errorProblems(await sps.get(UPLOAD), 405, 'MethodNotAllowed')).toEqual([]);
  });

  test('an upload without a session is refused with 401', requirements('AUTH-SESSION-001'), async ({ anonymous }) => {
    const zip = await buildZip(minimalPluginFiles(fields('Anonymous_upload')));
    expect(errorProblems(await anonymous.upload(zip), 401, 'Unauthenticated')).toEqual([]);
  });
});

/** What the API reports for a plugin built from a case: the MANIFEST as written, the bytes' checksum. */
function expectedBody(c: PluginZipCase, zip: Buffer, extended: boolean): Record<string, unknown> {
  const m = c.manifest;
  const base = { name: m.name, version: m.version, api: m.api, description: m.description };
  if (!extended) return base;
  const cfg = c.files.find((f) => f.name === 'default.cfg');
  return {
    ...base,
    entry_point: m.entryPoint,
    scb_min_version: m.scbMinVersion,
    scb_max_version: m.scbMaxVersion,
    default_configuration: cfg ? cfg.content.toString() : '',
    sha256sum: createHash('sha256').update(zip).digest('hex'),
  };
}

test.describe('plugin upload properties', () => {
  test('generated valid plugins are accepted with every field as the MANIFEST says', requirements('UPLOAD-001', 'UPLOAD-FIELDS-001', 'UPLOAD-UPDATE-001', 'UPLOAD-PROPERTY-001'), async ({ sps, connect, property, spsProfile, writes: _w }) => {
    const observer = await connect();
    // A model of the open transaction: the plugins this property uploaded, by type and name. A name seen
    // before must be an update of the same plugin (200, same key); a new one is created (201).
    const uploaded = new Map<string, string>();
    await openTransaction(sps);
    try {
      await property(validPluginZip(spsProfile), async (c) => {
        const zip = await pluginZipBytes(c);
        const res = await sps.upload(zip);
        const json = res.json as { key?: string; body?: Record<string, unknown>; meta?: { parent?: unknown } };
        const id = `${c.manifest.type}/${c.manifest.name}`;
        const earlier = uploaded.get(id);
        if (earlier !== undefined) {
          expect(res.status, 'a second upload of a name is an update').toBe(200);
          expect(json.key, 'an update keeps the key').toBe(earlier);
        } else if (res.status === 200) {
          // Same name as a plugin already on the target: an update, which another session can confirm.
          const existing = await observer.get(`${PLUGINS}/${c.manifest.type}/${json.key ?? ''}`);
          expect(((existing.json as { body?: { name?: unknown } }).body ?? {}).name, 'a 200 answer must be an update of a plugin of that name').toBe(c.manifest.name);
        } else {
          expect(res.status, res.body.toString('utf8').slice(0, 400)).toBe(201);
        }
        if (json.key) uploaded.set(id, json.key);
        expect(json.body).toMatchObject(expectedBody(c, zip, spsProfile.extendedPluginBody));
        expect(json.meta?.parent).toBe(`${PLUGINS}/${c.manifest.type}`);
      });
    } finally {
      await rollbackTransaction(sps);
    }
  });

  test('each generated packaging defect gets its documented answer and creates nothing', requirements('UPLOAD-PROPERTY-002', 'UPLOAD-INVALID-001'), async ({ sps, property, spsProfile, writes: _w }) => {
    const listed = async () => {
      const keys: string[] = [];
      for (const type of spsProfile.pluginTypes) {
        const res = await sps.get(`${PLUGINS}/${type}`);
        keys.push(...(res.json as { items: { key: string }[] }).items.map((i) => `${type}/${i.key}`));
      }
      return keys.sort();
    };
    const before = await listed();
    await openTransaction(sps);
    try {
      await property(brokenPluginZip(spsProfile), async (c) => {
        const res = await sps.upload(await pluginZipBytes(c));
        expect(errorProblems(res, c.expect.status, c.expect.code ?? ''), c.defects.join(', ')).toEqual([]);
      });
      expect(await listed(), 'refused uploads must not appear, even inside the transaction').toEqual(before);
    } finally {
      await rollbackTransaction(sps);
    }
  });
});
