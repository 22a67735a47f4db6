// The create → read → list → modify → delete sequence every configuration collection follows
// (seeds 001-004; sps-api-facts.md §4), written once and run per resource family. Each step is
// checked against the requirement it belongs to (LifecycleCase.ids), so an inferred step (credential
// store writes, trusted CA lists) that a target does not take WARNs, and the steps after it are
// NOT-TESTED rather than FAIL. The whole sequence runs inside the test's open transaction (the `tx`
// fixture), where the writing session sees its own changes, and is rolled back: none of these
// requirements is about commit, and a commit takes seconds on an appliance.
import assert from 'node:assert/strict';
import { schemaProblems } from '../contract/validators.ts';
import type { SpsClient } from '../suite/client/sps-client.ts';
import { openTransaction, rollbackTransaction } from '../suite/client/transactions.ts';
import { brokenPayload, validPayload, type PayloadContext } from '../generators/payloads.ts';
import type { FamilyName } from '../contract/surface.ts';
import fc from 'fast-check';
import { check, expectError, notTested } from './evidence.ts';
import { expect } from './fixtures.ts';
import { familyPath } from '../contract/surface.ts';

/** The requirement of each step of the sequence. */
export interface LifecycleIds {
  create: string;
  read: string;
  list: string;
  modify: string;
  delete: string;
  useAfterDelete: string;
}

export interface LifecycleCase {
  collection: string;
  ids: LifecycleIds;
  /** What to POST. */
  create: Record<string, unknown>;
  /** What GET must answer as body after the create (references expanded to { key, meta }). */
  created: Record<string, unknown>;
  /** What to PUT (the complete object). */
  modify: Record<string, unknown>;
  /** What GET must answer as body after the modify. */
  modified: Record<string, unknown>;
  /** The schema of the body (schemas/<name>.schema.json). */
  bodySchema: string;
}

interface WriteAnswer {
  key: string;
  meta: { href: string; parent: string };
}

/** Requirements the steps after `step` check: NOT-TESTED when `step` could not be taken. */
function laterIds(ids: LifecycleIds, step: keyof LifecycleIds): string[] {
  const order: (keyof LifecycleIds)[] = ['create', 'read', 'list', 'modify', 'delete', 'useAfterDelete'];
  return order.slice(order.indexOf(step) + 1).map((s) => ids[s]);
}

async function created(client: SpsClient, c: LifecycleCase): Promise<WriteAnswer> {
  const res = await client.post(c.collection, c.create);
  const made = check(
    c.ids.create,
    () => expect(res.status, `POST ${c.collection}: ${res.body.toString('utf8').slice(0, 300)}`).toBe(201),
    'create',
  );
  if (!made)
    notTested(
      laterIds(c.ids, 'create'),
      `the target did not create the object (HTTP ${res.status}), so the later steps could not run`,
    );
  const answer = res.json as WriteAnswer;
  check('META-CREATE-001', () =>
    expect(answer.meta).toEqual({
      href: `${c.collection}/${answer.key}`,
      parent: c.collection,
      transaction: '/api/transaction',
    }),
  );
  return answer;
}

async function readBack(
  client: SpsClient,
  href: string,
  c: LifecycleCase,
  id: string,
  expected: Record<string, unknown>,
): Promise<void> {
  const res = await client.get(href);
  const body = (res.json as { body: Record<string, unknown> } | undefined)?.body;
  check(
    id,
    () => {
      expect(res.status, `GET ${href}`).toBe(200);
      expect(schemaProblems('object', res.json)).toEqual([]);
      expect(schemaProblems(c.bodySchema, body)).toEqual([]);
      expect(body).toMatchObject(expected);
    },
    'read back',
  );
  // Exactly these fields and no others: the element tables never say the list is closed.
  check('META-BODY-FIELDS-001', () => expect(body).toEqual(expected), `${c.collection} body`);
}

/** Runs the sequence in the transaction `client` has open (the `tx` fixture rolls it back). */
export async function runLifecycle(client: SpsClient, c: LifecycleCase): Promise<void> {
  const { key, meta } = await created(client, c);
  await readBack(client, meta.href, c, c.ids.read, c.created);
  const list = await client.get(c.collection);
  check(c.ids.list, () => expect((list.json as { items: { key: string }[] }).items.map((i) => i.key)).toContain(key));

  const put = await client.put(meta.href, c.modify);
  const modified = check(
    c.ids.modify,
    () => expect(put.status, `PUT ${meta.href}: ${put.body.toString('utf8').slice(0, 300)}`).toBe(200),
    'modify',
  );
  if (modified) {
    check('META-MODIFY-001', () =>
      expect(put.json as WriteAnswer).toEqual({
        key,
        meta: { href: meta.href, parent: c.collection, transaction: '/api/transaction' },
      }),
    );
    await readBack(client, meta.href, c, c.ids.modify, c.modified);
  }

  const siblings = ((await client.get(c.collection)).json as { items: { meta: { href: string } }[] }).items.map(
    (i) => i.meta.href,
  );
  const del = await client.delete(meta.href);
  const deleted = check(c.ids.delete, () => expect(del.status).toBe(200), 'delete');
  if (!deleted)
    notTested([c.ids.useAfterDelete, 'META-DELETE-001'], `the target did not delete the object (HTTP ${del.status})`);
  const index = siblings.indexOf(meta.href);
  check('META-DELETE-001', () => {
    expect(Object.keys(del.json as object), 'a delete answers only its meta').toEqual(['meta']);
    expect((del.json as { meta: unknown }).meta, "the deleted object's meta among its former siblings").toMatchObject({
      href: meta.href,
      parent: c.collection,
      first: siblings[0],
      last: siblings.at(-1),
      previous: siblings[index - 1] ?? null,
      next: siblings[index + 1] ?? null,
      transaction: '/api/transaction',
    });
  });

  const gone = { id: c.ids.useAfterDelete, status: 404, type: 'NotFound' };
  expectError(await client.get(meta.href), { ...gone, label: 'GET after delete' });
  expectError(await client.put(meta.href, c.modify), { ...gone, label: 'PUT after delete' });
  expectError(await client.delete(meta.href), { ...gone, label: 'DELETE after delete' });
}

type PayloadCaseLike = { text: string; defects: string[]; expect: { status: number; code?: string } };
type Property = <T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>) => Promise<void>;

/** The requirements a generated payload case answers to: valid ones are created, broken ones refused. */
export interface PayloadIds {
  create: string;
  validation: string;
}

/** Where a generated body refers to the plugin: replaced by the key of the plugin drafted for the case. */
export const PLUGIN_KEY_PLACEHOLDER = 'sps-conformance-plugin-key';

/**
 * Generated payloads for `resource`, valid and broken, each POSTed in its own transaction (rolled back,
 * so valid cases leave nothing behind, and no commit is needed) and answered as its label promises.
 * `plugin` uploads, inside each case's transaction, the plugin the bodies refer to (as
 * PLUGIN_KEY_PLACEHOLDER) and answers its key.
 */
export async function payloadProperty(
  client: SpsClient,
  property: Property,
  resource: FamilyName,
  ctx: Omit<PayloadContext, 'pluginKeys'>,
  ids: PayloadIds,
  plugin?: () => Promise<string>,
): Promise<void> {
  const collection = familyPath(resource);
  const context = { ...ctx, pluginKeys: [PLUGIN_KEY_PLACEHOLDER] };
  await property(fc.oneof(validPayload(resource, context), brokenPayload(resource, context)), async (c) => {
    await openTransaction(client);
    try {
      const key = plugin ? await plugin() : PLUGIN_KEY_PLACEHOLDER;
      await checkPayloadCase(client, collection, { ...c, text: c.text.replaceAll(PLUGIN_KEY_PLACEHOLDER, key) }, ids);
    } finally {
      await rollbackTransaction(client);
    }
  });
}

async function checkPayloadCase(
  client: SpsClient,
  collection: string,
  c: PayloadCaseLike,
  ids: PayloadIds,
): Promise<void> {
  const res = await client.request({
    method: 'POST',
    path: collection,
    headers: { 'content-type': 'application/json' },
    body: c.text,
  });
  const label = c.defects.length ? c.defects.join(', ') : 'valid';
  // node:assert, not expect: see specs/upload.spec.ts on test steps inside properties.
  if (c.expect.code) {
    // Text that is not a JSON object is a robustness case (400 SyntacticError, inferred), not validation.
    const id = c.expect.code === 'SyntacticError' ? 'ROBUST-JSON-001' : ids.validation;
    expectError(res, { id, status: c.expect.status, type: c.expect.code, label: 'each generated case' });
  } else {
    check(
      ids.create,
      () => assert.equal(res.status, c.expect.status, `${label}: ${res.body.toString('utf8').slice(0, 300)}`),
      'each generated case',
    );
  }
}
