// The meta link structure across a collection (seeds 001-004; sps-api-facts.md §2.2): every object's
// first/last are the ends of its collection in list order, next/previous walk that order, and the
// collections themselves link to each other in their parent's order.
import type { SpsClient } from '../suite/client/sps-client.ts';
import { check } from './evidence.ts';
import { expect, requirements, test } from './fixtures.ts';

interface Meta {
  first: string | null;
  last: string | null;
  next: string | null;
  previous: string | null;
  href: string;
  parent: string | null;
  transaction?: string;
}

async function meta(client: SpsClient, path: string): Promise<Meta> {
  const res = await client.get(path);
  expect(res.status, `GET ${path}`).toBe(200);
  return (res.json as { meta: Meta }).meta;
}

async function itemHrefs(client: SpsClient, path: string): Promise<string[]> {
  const res = await client.get(path);
  expect(res.status, `GET ${path}`).toBe(200);
  return (res.json as { items: { meta: { href: string } }[] }).items.map((i) => i.meta.href);
}

/** Follows `next` from `start` to the end; stops at a cycle or after `limit` steps. */
async function walkNext(client: SpsClient, start: string, limit: number): Promise<string[]> {
  const seen = [start];
  let current: string | null = (await meta(client, start)).next;
  while (current && seen.length <= limit && !seen.includes(current)) {
    seen.push(current);
    current = (await meta(client, current)).next;
  }
  return seen;
}

test.describe('meta links', () => {
  test(
    'objects of a collection link to its ends and to their neighbours in list order',
    requirements('META-OBJECT-001', 'META-OBJECT-ORDER-001'),
    async ({ tx, draft }) => {
      for (let i = 0; i < 3; i += 1) await draft.usermapping();
      const collection = '/api/configuration/policies/usermapping_policies';
      const hrefs = await itemHrefs(tx, collection);
      expect(hrefs.length).toBeGreaterThanOrEqual(3);
      for (const [index, href] of hrefs.entries()) {
        const m = await meta(tx, href);
        expect(m.href).toBe(href);
        expect(m.parent).toBe(collection);
        expect(m.first, href).toBe(hrefs[0]);
        expect(m.last, href).toBe(hrefs.at(-1));
        expect(m.previous, href).toBe(hrefs[index - 1] ?? null);
        expect(m.next, href).toBe(hrefs[index + 1] ?? null);
        expect(m.transaction).toBe('/api/transaction');
      }
    },
  );

  test(
    'a single object is its own first and last, with no neighbours',
    requirements('META-OBJECT-001'),
    async ({ tx, draft }) => {
      const plugin = await draft.plugin('credentialstore');
      const hrefs = await itemHrefs(tx, '/api/configuration/plugins/credentialstore');
      test.skip(hrefs.length !== 1, 'the target already has other credential store plugins');
      const m = await meta(tx, plugin.href);
      expect(m).toMatchObject({ first: plugin.href, last: plugin.href, next: null, previous: null });
    },
  );

  test(
    'plugin type collections link to each other in the order the plugins tree lists them',
    requirements('META-SIBLINGS-001'),
    async ({ sps }) => {
      const types = await itemHrefs(sps, '/api/configuration/plugins');
      expect(await walkNext(sps, types[0]!, types.length + 1)).toEqual(types);
      for (const href of types) {
        const m = await meta(sps, href);
        expect(m.first, href).toBe(types[0]);
        expect(m.last, href).toBe(types.at(-1));
        expect(m.parent, href).toBe('/api/configuration/plugins');
      }
    },
  );

  test(
    'the plugins tree sits among the configuration endpoints',
    requirements('META-SIBLINGS-001'),
    async ({ sps }) => {
      const m = await meta(sps, '/api/configuration/plugins');
      expect(m.parent).toBe('/api/configuration');
      for (const link of [m.first, m.last, m.next, m.previous])
        expect(link === null || link.startsWith('/api/configuration/')).toBe(true);
      expect(m.first).not.toBeNull();
      expect(
        m.previous,
        'plugins is not the first configuration endpoint (seed 003: previous is passwords)',
      ).not.toBeNull();
    },
  );

  test(
    'policy collections carry the remaining seconds only while a transaction is open',
    requirements('META-REMAINING-001'),
    async ({ sps, writes: _w }) => {
      const path = '/api/configuration/policies/usermapping_policies';
      await sps.delete('/api/transaction');
      const closed = (await meta(sps, path)) as unknown as Record<string, unknown>;
      check('META-REMAINING-001', () => expect(closed).not.toHaveProperty('remaining_seconds'), 'closed');
      await sps.request({ method: 'POST', path: '/api/transaction', body: Buffer.alloc(0) });
      const open = (await meta(sps, path)) as unknown as Record<string, unknown>;
      check('META-REMAINING-001', () => expect(typeof open.remaining_seconds).toBe('number'), 'open');
      await sps.delete('/api/transaction');
    },
  );
});
