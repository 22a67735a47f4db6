// The create → read → list → modify → delete sequence every configuration collection follows
// (seeds 001-004; sps-api-facts.md §4), written once and run per resource family.
import assert from 'node:assert/strict';
import { errorProblems } from '../lib/contract/error-problems.ts';
import { schemaProblems } from '../lib/contract/validators.ts';
import type { Ledger } from '../lib/client/ledger.ts';
import type { SpsClient } from '../lib/client/sps-client.ts';
import { mustCommit, openTransaction, rollbackTransaction } from '../lib/client/transactions.ts';
import { brokenPayload, validPayload, type PayloadContext, type PayloadResource } from '../generators/payloads.ts';
import fc from 'fast-check';
import { expect } from './fixtures.ts';

export interface LifecycleCase {
  collection: string;
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

async function created(client: SpsClient, ledger: Ledger, c: LifecycleCase): Promise<WriteAnswer> {
  const res = await client.post(c.collection, c.create);
  expect(res.status, `POST ${c.collection}: ${res.body.toString('utf8').slice(0, 300)}`).toBe(201);
  const answer = res.json as WriteAnswer;
  ledger.record(answer.meta.href);
  expect(answer.meta).toEqual({ href: `${c.collection}/${answer.key}`, parent: c.collection, transaction: '/api/transaction' });
  return answer;
}

async function readBack(client: SpsClient, href: string, c: LifecycleCase, expected: Record<string, unknown>): Promise<void> {
  const res = await client.get(href);
  expect(res.status, `GET ${href}`).toBe(200);
  expect(schemaProblems('object', res.json)).toEqual([]);
  const body = (res.json as { body: unknown }).body;
  expect(schemaProblems(c.bodySchema, body)).toEqual([]);
  expect(body).toEqual(expected);
}

export async function runLifecycle(client: SpsClient, ledger: Ledger, c: LifecycleCase): Promise<void> {
  await openTransaction(client);
  const { key, meta } = await created(client, ledger, c);
  await readBack(client, meta.href, c, c.created);
  const list = await client.get(c.collection);
  expect((list.json as { items: { key: string }[] }).items.map((i) => i.key)).toContain(key);
  await mustCommit(client);

  await openTransaction(client);
  const put = await client.put(meta.href, c.modify);
  expect(put.status, `PUT ${meta.href}: ${put.body.toString('utf8').slice(0, 300)}`).toBe(200);
  expect(put.json as WriteAnswer).toEqual({ key, meta: { href: meta.href, parent: c.collection, transaction: '/api/transaction' } });
  await mustCommit(client);
  await readBack(client, meta.href, c, c.modified);

  await openTransaction(client);
  const siblings = (((await client.get(c.collection)).json as { items: { meta: { href: string } }[] }).items).map((i) => i.meta.href);
  const del = await client.delete(meta.href);
  expect(del.status).toBe(200);
  expect(Object.keys(del.json as object), 'a delete answers only its meta').toEqual(['meta']);
  const index = siblings.indexOf(meta.href);
  expect((del.json as { meta: unknown }).meta, 'the deleted object\'s meta among its former siblings').toMatchObject({
    href: meta.href,
    parent: c.collection,
    first: siblings[0],
    last: siblings.at(-1),
    previous: siblings[index - 1] ?? null,
    next: siblings[index + 1] ?? null,
    transaction: '/api/transaction',
  });
  await mustCommit(client);
  ledger.forget(meta.href);

  expect(errorProblems(await client.get(meta.href), 404, 'NotFound'), 'GET after delete').toEqual([]);
  await openTransaction(client);
  expect(errorProblems(await client.put(meta.href, c.modify), 404, 'NotFound'), 'PUT after delete').toEqual([]);
  expect(errorProblems(await client.delete(meta.href), 404, 'NotFound'), 'DELETE after delete').toEqual([]);
}

/** Problems with a SemanticError's details: it must list what is wrong as { field, message } entries. */
export function fieldProblemsShape(json: unknown): string[] {
  const problems = (json as { error?: { details?: { problems?: unknown } } } | undefined)?.error?.details?.problems;
  if (!Array.isArray(problems) || problems.length === 0) return ['error.details.problems: expected a non-empty list'];
  return problems
    .filter((p) => typeof (p as { field?: unknown }).field !== 'string' || typeof (p as { message?: unknown }).message !== 'string')
    .map((p) => `error.details.problems: ${JSON.stringify(p)} is not { field, message }`);
}

/** POSTs `body` and expects the error; for invalid payloads (nothing may be created). */
export async function expectRefused(client: SpsClient, collection: string, body: unknown, status: number, type: string, label: string): Promise<void> {
  const res = await client.post(collection, body);
  const shown = `${label}: ${res.body.toString('utf8').slice(0, 300)}`;
  expect(errorProblems(res, status, type), shown).toEqual([]);
  if (type === 'SemanticError') expect(fieldProblemsShape(res.json), shown).toEqual([]);
}

type PayloadCaseLike = { text: string; defects: string[]; expect: { status: number; code?: string } };
type Property = <T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>) => Promise<void>;

/**
 * Generated payloads for `resource`, valid and broken, each POSTed in its own transaction (rolled back,
 * so valid cases leave nothing behind) and answered as its label promises.
 */
export async function payloadProperty(client: SpsClient, property: Property, resource: PayloadResource, ctx: PayloadContext): Promise<void> {
  const collection = `/api/configuration/policies/${resource}`;
  await property(fc.oneof(validPayload(resource, ctx), brokenPayload(resource, ctx)), async (c) => {
    await openTransaction(client);
    try {
      await checkPayloadCase(client, collection, c);
    } finally {
      await rollbackTransaction(client);
    }
  });
}

async function checkPayloadCase(client: SpsClient, collection: string, c: PayloadCaseLike): Promise<void> {
  const res = await client.request({ method: 'POST', path: collection, headers: { 'content-type': 'application/json' }, body: c.text });
  const label = c.defects.length ? c.defects.join(', ') : 'valid';
  // node:assert, not expect: see specs/upload.spec.ts on test steps inside properties.
  if (c.expect.code) assert.deepEqual(errorProblems(res, c.expect.status, c.expect.code), [], label);
  else assert.equal(res.status, c.expect.status, `${label}: ${res.body.toString('utf8').slice(0, 300)}`);
}
