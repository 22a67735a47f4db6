// GET /api/plugin/integrity (seed 002): verdicts per op, and the documented 400/404 rows.
import { schemaProblems } from '../contract/validators.ts';
import { check, checkEach, expectError } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { INTEGRITY_PATH } from '../contract/surface.ts';

const INTEGRITY = INTEGRITY_PATH;

function query(params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) search.append(name, v);
  return `${INTEGRITY}?${search.toString()}`;
}

test.describe('plugin integrity', () => {
  // One committed plugin for the checks that need one: a commit takes seconds on an appliance.
  test(
    'an uploaded plugin: the documented checks report their verdicts, only the requested ones, and not under another plugin_type',
    requirements('INTEGRITY-001', 'INTEGRITY-VERDICTS-001', 'INTEGRITY-MISSING-PLUGIN-001'),
    async ({ sps, plant }) => {
      const plugin = await plant.plugin('aa');
      const all = await sps.get(
        query({ key: plugin.key, plugin_type: 'aa', ops: ['zip_checksum', 'zip_content', 'unregistered'] }),
      );
      const one = await sps.get(query({ key: plugin.key, plugin_type: 'aa', ops: 'zip_checksum' }));
      const elsewhere = await sps.get(query({ key: plugin.key, plugin_type: 'credentialstore', ops: 'zip_checksum' }));
      // The documented sample answer: its shape (INTEGRITY-001) and its verdicts (INTEGRITY-VERDICTS-001) at once.
      const documentedAnswer = () => {
        expect(all.status).toBe(200);
        expect(schemaProblems('integrity', all.json)).toEqual([]);
        const body = (all.json as { body: Record<string, { verdict: string; reason: string }> }).body;
        expect(Object.keys(body).sort()).toEqual(['unregistered', 'zip_checksum', 'zip_content']);
        expect(body.zip_checksum).toEqual({ verdict: 'passed', reason: 'Plugin .zip checksums match' });
        expect(body.zip_content?.verdict).toBe('passed');
        expect(body.unregistered).toEqual({
          verdict: 'unavailable',
          reason: 'Cannot find checker. Make sure that you use an existing checker: unregistered',
        });
      };
      checkEach(
        () => check('INTEGRITY-001', documentedAnswer, 'three checks'),
        () => check('INTEGRITY-VERDICTS-001', documentedAnswer, 'three checks'),
        () =>
          check(
            'INTEGRITY-VERDICTS-001',
            () => expect(Object.keys((one.json as { body: object }).body)).toEqual(['zip_checksum']),
            'only the requested check',
          ),
        () =>
          expectError(elsewhere, {
            id: 'INTEGRITY-MISSING-PLUGIN-001',
            status: 404,
            type: 'MissingPlugin',
            label: 'under the wrong plugin_type',
          }),
      );
    },
  );

  test(
    'a missing key, plugin_type or ops is refused with 400 MissingMandatoryParameter',
    requirements('INTEGRITY-MISSING-PARAM-001'),
    async ({ sps }) => {
      const full = { key: '2080160955734bb2a1ddf9', plugin_type: 'aa', ops: 'zip_checksum' };
      for (const missing of Object.keys(full)) {
        const params = Object.fromEntries(Object.entries(full).filter(([k]) => k !== missing));
        expectError(await sps.get(query(params)), {
          id: 'INTEGRITY-MISSING-PARAM-001',
          status: 400,
          type: 'MissingMandatoryParameter',
          label: `without ${missing}`,
        });
      }
    },
  );

  test(
    'a key that is not a plugin key is refused with 400 InvalidFormat',
    requirements('INTEGRITY-INVALID-KEY-001'),
    async ({ sps }) => {
      for (const key of ['../etc/passwd', 'not a key', 'x'.repeat(65)]) {
        expectError(await sps.get(query({ key, plugin_type: 'aa', ops: 'zip_checksum' })), {
          id: 'INTEGRITY-INVALID-KEY-001',
          status: 400,
          type: 'InvalidFormat',
          label: key,
        });
      }
    },
  );

  test(
    'a plugin_type that is not a plugin type is refused with 400 InvalidFormat',
    requirements('INTEGRITY-INVALID-TYPE-001'),
    async ({ sps }) => {
      for (const type of ['ticket', 'AA', '../aa', 'aa_plugin_instances']) {
        expectError(await sps.get(query({ key: '2080160955734bb2a1ddf9', plugin_type: type, ops: 'zip_checksum' })), {
          id: 'INTEGRITY-INVALID-TYPE-001',
          status: 400,
          type: 'InvalidFormat',
          label: type,
        });
      }
    },
  );

  test(
    'every plugin type of the version is a valid plugin_type',
    requirements('INTEGRITY-TYPES-001'),
    async ({ sps, spsProfile }) => {
      for (const type of spsProfile.manifestTypes) {
        const res = await sps.get(
          query({ key: '00000000-0000-4000-8000-000000000000', plugin_type: type, ops: 'zip_checksum' }),
        );
        expectError(res, {
          id: 'INTEGRITY-TYPES-001',
          status: 404,
          type: 'MissingPlugin',
          label: `${type}: accepted, and no such plugin`,
        });
      }
    },
  );

  test(
    'a well-formed key of no plugin answers 404 MissingPlugin',
    requirements('INTEGRITY-MISSING-PLUGIN-001'),
    async ({ sps }) => {
      const res = await sps.get(
        query({ key: '00000000-0000-4000-8000-000000000000', plugin_type: 'aa', ops: 'zip_checksum' }),
      );
      expectError(res, { id: 'INTEGRITY-MISSING-PLUGIN-001', status: 404, type: 'MissingPlugin' });
    },
  );

  test('the integrity check needs a session', requirements('AUTH-SESSION-001'), async ({ anonymous }) => {
    expectError(await anonymous.get(query({ key: 'a', plugin_type: 'aa', ops: 'zip_checksum' })), {
      id: 'AUTH-SESSION-001',
      status: 401,
      type: 'Unauthenticated',
    });
  });
});
