import { errorProblems } from '../lib/contract/error-problems.ts';
import { metaLinkProblems } from '../lib/contract/meta-links.ts';
import { schemaProblems } from '../lib/contract/validators.ts';
import { expect, requirements, test } from './fixtures.ts';

const PLUGINS = '/api/configuration/plugins';

interface ListBody {
  items: { key: string; meta: { href: string } }[];
  meta: Record<string, unknown>;
}

test.describe('plugin collections', () => {
  test('GET /api/configuration/plugins lists one endpoint per plugin type', requirements('PLUGINS-TREE-001', 'META-LIST-001'), async ({ sps, spsProfile }) => {
    const res = await sps.get(PLUGINS);
    expect(res.status).toBe(200);
    expect(schemaProblems('list', res.json)).toEqual([]);
    const body = res.json as ListBody;
    expect(body.items.map((i) => i.key)).toEqual(spsProfile.pluginTypes);
    for (const item of body.items) expect(item.meta.href).toBe(`${PLUGINS}/${item.key}`);
    expect(metaLinkProblems(body.meta, PLUGINS)).toEqual([]);
  });

  test('GET /api/configuration/plugins/aa is a list of AA plugins', requirements('PLUGINS-AA-LIST-001', 'META-LIST-001'), async ({ sps, spsProfile }) => {
    const path = `${PLUGINS}/aa`;
    const res = await sps.get(path);
    expect(res.status).toBe(200);
    expect(schemaProblems('list', res.json)).toEqual([]);
    const body = res.json as ListBody;
    for (const item of body.items) expect(item.meta.href).toBe(`${path}/${item.key}`);
    expect(metaLinkProblems(body.meta, path)).toEqual([]);
    expect(body.meta.first).toBe(`${PLUGINS}/${spsProfile.pluginTypes[0]}`);
    expect(body.meta.last).toBe(`${PLUGINS}/${spsProfile.pluginTypes.at(-1)}`);
  });

  test('plugin collections need a session', requirements('AUTH-SESSION-001'), async ({ anonymous }) => {
    for (const path of [PLUGINS, `${PLUGINS}/aa`]) {
      expect(errorProblems(await anonymous.get(path), 401, 'Unauthenticated'), path).toEqual([]);
    }
  });
});
