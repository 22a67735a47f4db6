// POST /api/upload/plugins: the raw zip as the body; the MANIFEST's fields reported as SPS reads them
// (PyYAML, YAML 1.1: str() of each value).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { metaLinkProblems } from '../suite/checks/meta-links.ts';
import { schemaProblems } from '../contract/validators.ts';
import { openTransaction, rollbackTransaction } from '../suite/client/transactions.ts';
import { runName } from '../suite/client/run-names.ts';
import { keyAndHref } from '../suite/client/objects.ts';
import {
  brokenPluginZip,
  minimalManifest,
  minimalPlugin,
  pluginZipBytes,
  pluginZipWith,
  validPluginZip,
  type WrittenManifest,
  type PluginZipCase,
} from '../generators/plugin-zip.ts';
import { appliesTo, loadCatalog } from '../contract/catalog.ts';
import { buildZip } from '../generators/zip-bytes.ts';
import { UPLOAD_LIMIT_BYTES } from '../contract/plugin/limits.ts';
import { check, checkEach, expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { PLUGINS_PATH, UPLOAD_PATH } from '../contract/surface.ts';

const UPLOAD = UPLOAD_PATH;
const PLUGINS = PLUGINS_PATH;

/** Accepted: the guides show the upload answer but not its status code (UPLOAD-STATUS-001 is inferred). */
function accepted(status: number, shown = ''): void {
  expect(status >= 200 && status < 300, `a 2xx answer, got HTTP ${status} ${shown}`).toBe(true);
}

/** Refused: the documents say a broken plugin is refused, not with which status (UPLOAD-INVALID-001). */
function refused(status: number): void {
  assert.ok(status >= 400 && status < 500, `a 4xx refusal, got HTTP ${status}`);
}

/** The catalog id of a packaging rule (schemas/requirements.yaml `rule`). */
const RULE_IDS = new Map(
  loadCatalog()
    .filter((r) => r.rule)
    .map((r) => [r.rule!, r.id]),
);

function fields(name: string, overrides: Partial<WrittenManifest> = {}): WrittenManifest {
  return minimalManifest({ name, version: '1.0', description: 'sps-conformance upload check', ...overrides });
}

test.describe('plugin upload', () => {
  test(
    'a valid plugin is accepted with 201 and its MANIFEST fields as written',
    requirements('UPLOAD-001', 'UPLOAD-STATUS-001', 'UPLOAD-FIELDS-001', 'UPLOAD-META-001'),
    async ({ tx, settings, spsProfile }) => {
      const manifest = fields(runName(settings.runId, 'upload'));
      const zip = await minimalPlugin(manifest);
      const res = await tx.upload(zip);
      accepted(res.status);
      check('UPLOAD-STATUS-001', () => expect(res.status).toBe(201));
      const json = res.json as { key: string; body: Record<string, unknown>; meta: { href: string; parent: string } };
      expect(json.meta.href).toBe(`${PLUGINS}/aa/${json.key}`);
      expect(json.meta.parent).toBe(`${PLUGINS}/aa`);
      expect(metaLinkProblems(json.meta, json.meta.href)).toEqual([]);
      expect(schemaProblems(spsProfile.extendedPluginBody ? 'plugin-extended' : 'plugin', json.body)).toEqual([]);
      expect(json.body).toMatchObject({
        name: manifest.name,
        version: '1.0',
        api: '1.1',
        description: manifest.description,
      });
      if (spsProfile.extendedPluginBody)
        expect(json.body.sha256sum).toBe(createHash('sha256').update(zip).digest('hex'));
    },
  );

  test(
    'an upload with no Content-Type, or a zip or octet-stream one, is accepted',
    requirements('UPLOAD-CONTENT-TYPE-001', 'UPLOAD-CONTENT-TYPE-003'),
    async ({ sps, settings, writes: _w }) => {
      for (const type of [null, 'application/zip', 'application/x-zip-compressed', 'application/octet-stream']) {
        const zip = await minimalPlugin(fields(runName(settings.runId, 'ctype')));
        await openTransaction(sps);
        const res = await sps.upload(zip, type);
        const id = type === null || type === 'application/zip' ? 'UPLOAD-CONTENT-TYPE-001' : 'UPLOAD-CONTENT-TYPE-003';
        check(id, () => accepted(res.status, String(type)), String(type));
        await rollbackTransaction(sps);
      }
    },
  );

  test(
    'an upload with a Content-Type that is not a zip is refused with 415',
    requirements('UPLOAD-CONTENT-TYPE-002'),
    async ({ tx, settings }) => {
      const zip = await minimalPlugin(fields(runName(settings.runId, 'badtype')));
      expectError(await tx.upload(zip, 'application/json'), {
        id: 'UPLOAD-CONTENT-TYPE-002',
        status: 415,
        type: 'UnsupportedMediaType',
      });
    },
  );

  test(
    'uploading a plugin of the same name again updates it in place: 200, same key, new fields',
    requirements('UPLOAD-UPDATE-001'),
    async ({ tx, draft }) => {
      const plugin = await draft.plugin('aa');
      const res = await tx.upload(
        await minimalPlugin({ name: plugin.name, version: '2.0.1-a', description: 'updated' }),
      );
      const updated = check(
        'UPLOAD-UPDATE-001',
        () => {
          expect(res.status).toBe(200);
          expect((res.json as { key: string }).key).toBe(plugin.key);
        },
        'answer',
      );
      if (!updated) return;
      const body = ((await tx.get(plugin.href)).json as { body: Record<string, unknown> }).body;
      check(
        'UPLOAD-UPDATE-001',
        () => expect(body).toMatchObject({ version: '2.0.1-a', description: 'updated' }),
        'new fields',
      );
    },
  );

  test(
    "the documentation's hyphenated plugin name: accepted before 6.9, refused by the strict name rule after",
    requirements('UPLOAD-NAME-001', 'UPLOAD-NAME-002', 'UPLOAD-INVALID-001'),
    async ({ tx, spsProfile, settings }) => {
      const name = `${settings.runId}-Sample-Authentication-Plugin`;
      const res = await tx.upload(await minimalPlugin(fields(name)));
      if (spsProfile.strictPluginNames) {
        checkEach(
          () => check('UPLOAD-NAME-002', () => refused(res.status)),
          () => expectError(res, { id: 'UPLOAD-INVALID-001', status: 400, type: 'SemanticError' }),
        );
      } else {
        check('UPLOAD-NAME-001', () =>
          expect((res.json as { body?: { name?: unknown } }).body?.name, `HTTP ${res.status}`).toBe(name),
        );
      }
    },
  );

  test(
    'unknown MANIFEST keys are ignored; description and entry_point are optional',
    requirements('PKG-UNKNOWN-KEYS-001', 'PKG-OPTIONAL-FIELDS-001'),
    async ({ tx, spsProfile, settings }) => {
      const name = runName(settings.runId, 'legacy');
      const manifest = `name: ${name}\nversion: 1.3.5\ntype: credentialstore\napi: 1.0\nauthor: someone@example.com\npython_version: 3.6\n`;
      const res = await tx.upload(
        await buildZip([
          { name: 'MANIFEST', content: manifest },
          { name: 'main.py', content: 'class Plugin:\n    pass\n' },
        ]),
      );
      accepted(res.status, res.body.toString('utf8').slice(0, 300));
      const body = (res.json as { body: Record<string, unknown> }).body;
      expect(body).toMatchObject({ name, version: '1.3.5', api: '1.0', description: '' });
      if (spsProfile.extendedPluginBody) expect(body.entry_point).toBeNull();
    },
  );

  test(
    "MANIFEST values are read as YAML 1.1 and reported as Python's str() of them",
    requirements('UPLOAD-VERSION-001', 'PKG-YAML11-001'),
    async ({ tx, settings }) => {
      // [MANIFEST lines after name and type, the version SPS reports]: worked out from PyYAML's resolver.
      const cases: Array<[string, string]> = [
        ['version: 1.10\napi: 1.1\n', '1.1'],
        ["version: '1.10'\napi: 1.1\n", '1.10'],
        ['version: 010\napi: 1.1\n', '8'],
        ['version: 1:30\napi: 1.1\n', '90'],
        ['version: 1.0e+3\napi: 1.1\n', '1000.0'],
        ['version: 1e3\napi: 1.1\n', '1e3'],
        // api: 1.10 is the float 1.1, minor 1, which every profile accepts.
        ['version: 1.0\napi: 1.10\n', '1.0'],
        // A key given twice: the last value counts.
        ['version: v-first\nversion: 2.0\napi: 1.1\n', '2.0'],
      ];
      for (const [lines, reported] of cases) {
        const manifest = `name: ${runName(settings.runId, 'yaml11')}\ntype: aa\n${lines}`;
        const res = await tx.upload(
          await buildZip([
            { name: 'MANIFEST', content: manifest },
            { name: 'main.py', content: 'class Plugin:\n    pass\n' },
          ]),
        );
        accepted(res.status, `${lines}${res.body.toString('utf8').slice(0, 300)}`);
        check(
          'UPLOAD-VERSION-001',
          () => expect((res.json as { body?: { version?: unknown } }).body?.version, lines).toBe(reported),
          lines,
        );
      }
    },
  );

  test(
    "a MANIFEST value the validator cannot check is refused under its field's rule",
    requirements('PKG-YAML11-002'),
    async ({ tx, settings }) => {
      const name = runName(settings.runId, 'yaml11bad');
      const cases: Array<[string, string]> = [
        ['name: yes\nversion: 1.0\n', 'manifest.name-pattern'],
        [`name: ${name}\nversion: 1.0\nentry_point: 1\n`, 'manifest.entry-point-pattern'],
        [`name: ${name}\nversion: 1.0\nauthor_email: yes\n`, 'manifest.author-email'],
        [`name: ${name}\nversion: 2001-02-30\n`, 'manifest.invalid-yaml'],
      ];
      for (const [lines, rule] of cases) {
        const res = await tx.upload(
          await buildZip([
            { name: 'MANIFEST', content: `${lines}type: aa\napi: 1.1\n` },
            { name: 'main.py', content: 'pass\n' },
          ]),
        );
        refused(res.status);
        if (expectError(res, { id: 'PKG-YAML11-002', status: 400, type: 'SemanticError', label: lines }))
          check('PKG-YAML11-002', () => expect(rulesOf(res.json), lines).toEqual([rule]), lines);
      }
    },
  );

  test(
    'every broken packaging rule is reported, not just the first',
    requirements('PKG-MANIFEST-NAME-PATTERN', 'PKG-ALL-RULES-001', 'UPLOAD-INVALID-001'),
    async ({ tx, settings }) => {
      // A name with a space breaks the name rule of every version; "v1" breaks the version rule.
      const manifest = `name: ${settings.runId} plugin\nversion: v1\ntype: aa\napi: 1.1\n`;
      const res = await tx.upload(
        await buildZip([
          { name: 'MANIFEST', content: manifest },
          { name: 'main.py', content: 'pass\n' },
        ]),
      );
      checkEach(
        () => check('PKG-MANIFEST-NAME-PATTERN', () => refused(res.status), 'two broken rules'),
        () => expectError(res, { id: 'UPLOAD-INVALID-001', status: 400, type: 'SemanticError' }),
      );
      // The appliance's MANIFEST validator stops at the first error: naming only one is allowed (inferred).
      check('PKG-ALL-RULES-001', () =>
        expect(rulesOf(res.json).sort()).toEqual(['manifest.name-pattern', 'manifest.version-pattern']),
      );
    },
  );

  test(
    'Expect: 100-continue: an oversized upload is refused before its body is sent, a valid one continues',
    requirements('UPLOAD-EXPECT-001'),
    async ({ tx, settings }) => {
      // Never a hang: without an interim answer the client sends after a short wait, as curl does.
      const early = await tx.uploadExpectingContinue(Buffer.alloc(16), UPLOAD_LIMIT_BYTES + 1);
      check(
        'UPLOAD-EXPECT-001',
        () => {
          expect(early.continued, 'no 100 Continue for an announced oversized body').toBe(false);
          expect(early.status, 'refused before the body').toBe(413);
        },
        'oversized',
      );
      const zip = await minimalPlugin(fields(runName(settings.runId, 'continue')));
      const later = await tx.uploadExpectingContinue(zip);
      accepted(later.status, later.body.toString('utf8').slice(0, 200));
      check('UPLOAD-EXPECT-001', () => expect(later.continued, '100 Continue for a valid upload').toBe(true), 'valid');
    },
  );

  test(
    'an upload over 20 MB is refused with 413 PayloadTooLarge',
    requirements('PKG-ZIP-TOO-LARGE', 'UPLOAD-SIZE-001'),
    async ({ tx }) => {
      const res = await tx.upload(Buffer.alloc(UPLOAD_LIMIT_BYTES + 1, 0x50));
      checkEach(
        () => check('PKG-ZIP-TOO-LARGE', () => refused(res.status)),
        () => expectError(res, { id: 'UPLOAD-SIZE-001', status: 413, type: 'PayloadTooLarge' }),
      );
    },
  );

  test(
    'an upload rolled back leaves no plugin behind',
    requirements('UPLOAD-TX-001'),
    async ({ sps, peer, settings, writes: _w }) => {
      const zip = await minimalPlugin(fields(runName(settings.runId, 'rollback')));
      await openTransaction(sps);
      const res = await sps.upload(zip);
      accepted(res.status);
      const created = keyAndHref(res)!;
      expect((await peer.get(created.href)).status, 'invisible to another session before commit').toBe(404);
      await rollbackTransaction(sps);
      expect((await sps.get(created.href)).status).toBe(404);
    },
  );

  test('GET on the upload endpoint is not allowed: 405', requirements('UPLOAD-METHOD-001'), async ({ sps }) => {
    expectError(await sps.get(UPLOAD), { id: 'UPLOAD-METHOD-001', status: 405, type: 'MethodNotAllowed' });
  });

  test('an upload without a session is refused with 401', requirements('AUTH-SESSION-001'), async ({ anonymous }) => {
    const zip = await minimalPlugin(fields('Anonymous_upload'));
    expectError(await anonymous.upload(zip), { id: 'AUTH-SESSION-001', status: 401, type: 'Unauthenticated' });
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

// Inside fast-check predicates the checks use node:assert: every Playwright `expect` records a test
// step, and a property of a thousand cases would make the step bookkeeping quadratic.

/** The fields of `body` named in `keys` (toMatchObject's view, for node:assert). */
function pick(body: Record<string, unknown> | undefined, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, body?.[k]]));
}

/** The packaging rule ids an upload answer's error.details.problems names. */
function rulesOf(json: unknown): string[] {
  const problems =
    (json as { error?: { details?: { problems?: { rule?: unknown }[] } } } | undefined)?.error?.details?.problems ?? [];
  return problems.map((p) => String(p.rule));
}

test.describe('packaging rules, one at a time', () => {
  const byRule = loadCatalog().filter((r) => r.rule);
  for (const requirement of byRule) {
    const rule = requirement.rule!;
    // The 20 MB and bomb cases move tens of megabytes each: a few of them prove the rule.
    const maxRuns = rule === 'zip.too-large' || rule === 'zip.bomb' ? 2 : 5;
    // The rule's own requirement: refused (its basis decides FAIL or WARN); the answer's status and
    // type are UPLOAD-INVALID-001's (413 for the size limit: UPLOAD-SIZE-001's), the problems list UPLOAD-PROBLEMS-001's.
    const answerId = rule === 'zip.too-large' ? 'UPLOAD-SIZE-001' : 'UPLOAD-INVALID-001';
    test(
      `${rule}: refused with the documented answer`,
      requirements(requirement.id, answerId, 'UPLOAD-PROBLEMS-001'),
      async ({ spsProfile, tx, property }) => {
        test.skip(!appliesTo(requirement, spsProfile.name), `not a rule of profile ${spsProfile.name}`);
        await property(
          pluginZipWith(rule, spsProfile),
          async (c) => {
            const res = await tx.upload(await pluginZipBytes(c));
            const label = 'each generated case';
            checkEach(
              () => check(requirement.id, () => refused(res.status), label),
              () => expectError(res, { id: answerId, status: c.expect.status, type: c.expect.code, label }),
            );
            if (c.expect.status === 400 && res.status === 400) {
              check(
                'UPLOAD-PROBLEMS-001',
                () =>
                  assert.deepEqual(rulesOf(res.json), [rule], 'error.details.problems names exactly the broken rule'),
                label,
              );
            }
          },
          { maxRuns },
        );
      },
    );
  }
});

test.describe('plugin upload properties', () => {
  test(
    'generated valid plugins are accepted with every field as the MANIFEST says',
    requirements(
      'UPLOAD-001',
      'UPLOAD-FIELDS-001',
      'UPLOAD-META-001',
      'UPLOAD-STATUS-001',
      'UPLOAD-UPDATE-001',
      'UPLOAD-PROPERTY-001',
      'UPLOAD-VERSION-001',
    ),
    async ({ tx, peer, property, spsProfile }) => {
      // A model of the open transaction: the plugins this property uploaded, by type and name. A name seen
      // before must be an update of the same plugin (200, same key); a new one is created (201).
      const uploaded = new Map<string, string>();
      await property(validPluginZip(spsProfile), async (c) => {
        const zip = await pluginZipBytes(c);
        const res = await tx.upload(zip);
        const json = res.json as { key?: string; body?: Record<string, unknown>; meta?: { parent?: unknown } };
        const id = `${c.manifest.type}/${c.manifest.name}`;
        const earlier = uploaded.get(id);
        const label = 'each generated case';
        check(
          'UPLOAD-001',
          () =>
            assert.ok(
              res.status >= 200 && res.status < 300,
              `a 2xx answer, got ${res.status}: ${res.body.toString('utf8').slice(0, 400)}`,
            ),
          label,
        );
        if (earlier !== undefined) {
          check(
            'UPLOAD-UPDATE-001',
            () => {
              assert.equal(res.status, 200, 'a second upload of a name is an update');
              assert.equal(json.key, earlier, 'an update keeps the key');
            },
            label,
          );
        } else if (res.status === 200) {
          // Same name as a plugin already on the target: an update, which another session can confirm.
          const existing = await peer.get(`${PLUGINS}/${c.manifest.type}/${json.key ?? ''}`);
          check(
            'UPLOAD-UPDATE-001',
            () =>
              assert.equal(
                (existing.json as { body?: { name?: unknown } }).body?.name,
                c.manifest.name,
                'a 200 answer must be an update of a plugin of that name',
              ),
            label,
          );
        } else {
          check(
            'UPLOAD-STATUS-001',
            () => assert.equal(res.status, 201, res.body.toString('utf8').slice(0, 400)),
            label,
          );
        }
        if (json.key) uploaded.set(id, json.key);
        // The label's version is the appliance's: str() of what YAML 1.1 reads ("version: 1.10" is "1.1").
        assert.equal(json.body?.version, c.manifest.version, 'the version SPS reports is str() of the YAML 1.1 value');
        const expected = expectedBody(c, zip, spsProfile.extendedPluginBody);
        check(
          'UPLOAD-FIELDS-001',
          () =>
            assert.deepEqual(
              pick(json.body, Object.keys(expected)),
              expected,
              'the plugin body reports the MANIFEST as written',
            ),
          label,
        );
        check('UPLOAD-META-001', () => assert.equal(json.meta?.parent, `${PLUGINS}/${c.manifest.type}`), label);
      });
    },
  );

  test(
    'each generated packaging defect gets its documented answer and creates nothing',
    requirements('UPLOAD-PROPERTY-002'),
    async ({ tx, property, spsProfile }) => {
      const listed = async () => {
        const keys: string[] = [];
        for (const type of spsProfile.pluginTypes) {
          const res = await tx.get(`${PLUGINS}/${type}`);
          keys.push(...(res.json as { items: { key: string }[] }).items.map((i) => `${type}/${i.key}`));
        }
        return keys.sort();
      };
      const before = await listed();
      await property(brokenPluginZip(spsProfile), async (c) => {
        const res = await tx.upload(await pluginZipBytes(c));
        const label = 'each generated case';
        // Each defect's rule says "refused" (its own basis); the exact answer is the generators' label.
        checkEach(
          ...c.defects.map(
            (defect) => () => check(RULE_IDS.get(defect) ?? 'UPLOAD-PROPERTY-002', () => refused(res.status), label),
          ),
          () => expectError(res, { id: 'UPLOAD-PROPERTY-002', status: c.expect.status, type: c.expect.code, label }),
        );
      });
      const after = await listed();
      check(
        'UPLOAD-PROPERTY-002',
        () => expect(after, 'refused uploads must not appear, even inside the transaction').toEqual(before),
        'nothing created',
      );
    },
  );
});
