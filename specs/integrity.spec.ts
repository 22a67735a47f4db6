// GET /api/plugin/integrity (seed 002): verdicts per op, and the documented 400/404 rows.
import { errorProblems } from '../suite/checks/error-problems.ts';
import { schemaProblems } from '../contract/validators.ts';
import { expectAnswer } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';
import { INTEGRITY_PATH } from '../contract/surface.ts';

const INTEGRITY = INTEGRITY_PATH;

function query(params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) search.append(name, v);
  return `${INTEGRITY}?${search.toString()}`;
}

test.describe('plugin integrity', () => {
  test(
    'the documented checks report their verdicts for an uploaded plugin',
    requirements('INTEGRITY-001', 'INTEGRITY-VERDICTS-001'),
    async ({ sps, plant }) => {
      const plugin = await plant.plugin('aa');
      const res = await sps.get(
        query({ key: plugin.key, plugin_type: 'aa', ops: ['zip_checksum', 'zip_content', 'unregistered'] }),
      );
      expect(res.status).toBe(200);
      expect(schemaProblems('integrity', res.json)).toEqual([]);
      const body = (res.json as { body: Record<string, { verdict: string; reason: string }> }).body;
      expect(Object.keys(body).sort()).toEqual(['unregistered', 'zip_checksum', 'zip_content']);
      expect(body.zip_checksum).toEqual({ verdict: 'passed', reason: 'Plugin .zip checksums match' });
      expect(body.zip_content?.verdict).toBe('passed');
      expect(body.unregistered).toEqual({
        verdict: 'unavailable',
        reason: 'Cannot find checker. Make sure that you use an existing checker: unregistered',
      });
    },
  );

  test('only the requested checks are answered', requirements('INTEGRITY-VERDICTS-001'), async ({ sps, plant }) => {
    const plugin = await plant.plugin('aa');
    const res = await sps.get(query({ key: plugin.key, plugin_type: 'aa', ops: 'zip_checksum' }));
    expect(Object.keys((res.json as { body: object }).body)).toEqual(['zip_checksum']);
  });

  test(
    'a missing key, plugin_type or ops is refused with 400 MissingMandatoryParameter',
    requirements('INTEGRITY-MISSING-PARAM-001'),
    async ({ sps }) => {
      const full = { key: '2080160955734bb2a1ddf9', plugin_type: 'aa', ops: 'zip_checksum' };
      for (const missing of Object.keys(full)) {
        const params = Object.fromEntries(Object.entries(full).filter(([k]) => k !== missing));
        expect(
          errorProblems(await sps.get(query(params)), 400, 'MissingMandatoryParameter'),
          `without ${missing}`,
        ).toEqual([]);
      }
    },
  );

  test(
    'a key that is not a plugin key is refused with 400 InvalidFormat',
    requirements('INTEGRITY-INVALID-KEY-001'),
    async ({ sps }) => {
      for (const key of ['../etc/passwd', 'not a key', 'x'.repeat(65)]) {
        expect(
          errorProblems(await sps.get(query({ key, plugin_type: 'aa', ops: 'zip_checksum' })), 400, 'InvalidFormat'),
          key,
        ).toEqual([]);
      }
    },
  );

  test(
    'a plugin_type that is not a plugin type is refused with 400 InvalidFormat',
    requirements('INTEGRITY-INVALID-TYPE-001'),
    async ({ sps }) => {
      for (const type of ['ticket', 'AA', '../aa', 'aa_plugin_instances']) {
        expectAnswer(await sps.get(query({ key: '2080160955734bb2a1ddf9', plugin_type: type, ops: 'zip_checksum' })), {
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
        expect(errorProblems(res, 404, 'MissingPlugin'), `${type}: accepted, and no such plugin`).toEqual([]);
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
      expect(errorProblems(res, 404, 'MissingPlugin')).toEqual([]);
    },
  );

  test(
    'a plugin of another type is not found under the wrong plugin_type',
    requirements('INTEGRITY-MISSING-PLUGIN-001'),
    async ({ sps, plant }) => {
      const plugin = await plant.plugin('aa');
      expect(
        errorProblems(
          await sps.get(query({ key: plugin.key, plugin_type: 'credentialstore', ops: 'zip_checksum' })),
          404,
          'MissingPlugin',
        ),
      ).toEqual([]);
    },
  );

  test('the integrity check needs a session', requirements('AUTH-SESSION-001'), async ({ anonymous }) => {
    expect(
      errorProblems(
        await anonymous.get(query({ key: 'a', plugin_type: 'aa', ops: 'zip_checksum' })),
        401,
        'Unauthenticated',
      ),
    ).toEqual([]);
  });
});
