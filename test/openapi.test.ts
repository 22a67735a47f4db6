// The OpenAPI document is valid OpenAPI 3.1 (by @readme/openapi-parser, its $refs resolved against the
// JSON Schemas beside it), covers the surface the decisions define, and every documented response is
// pinned by requirements that exist in the catalog.
import { test, expect } from '@playwright/test';
import { validate } from '@readme/openapi-parser';
import { bundledOpenApi, listOperations, loadOpenApi, responsesOf } from '../contract/openapi.ts';
import { loadCatalog } from '../contract/catalog.ts';

const doc = loadOpenApi();
const operations = listOperations(doc);

test('the document is valid OpenAPI 3.1', async () => {
  expect(doc.openapi).toBe('3.1.0');
  const result = await validate(bundledOpenApi(), { resolve: { external: false } });
  expect(result.valid, JSON.stringify(result, null, 2).slice(0, 3000)).toBe(true);
  // The validator must be able to fail: a response without a description is not OpenAPI.
  const broken = bundledOpenApi();
  delete (broken.paths!['/api/info']!.get!.responses!['200'] as { description?: string }).description;
  expect((await validate(broken, { resolve: { external: false } })).valid).toBe(false);
});

// That the described operations are exactly the emulator's routes, and that each resource family has its
// five operations, is test/surface.test.ts (both read the document through contract/surface.ts).

test("the seeds' status-code rows are documented", () => {
  const statuses = (method: string, path: string) =>
    responsesOf(operations.find((o) => o.method === method && o.path === path)!).map(([s]) => s);
  expect(statuses('delete', '/api/configuration/plugins/{type}/{key}')).toEqual(
    expect.arrayContaining(['200', '400', '401', '404']),
  );
  expect(statuses('get', '/api/plugin/integrity')).toEqual(expect.arrayContaining(['200', '400', '404']));
  expect(statuses('post', '/api/configuration/policies/usermapping_policies')).toEqual(expect.arrayContaining(['201']));
  expect(statuses('get', '/api/configuration/policies/usermapping_policies')).toEqual(
    expect.arrayContaining(['400', '401']),
  );
  expect(statuses('get', '/api/configuration/plugins/{type}/{key}')).toEqual(
    expect.arrayContaining(['401', '403', '404']),
  );
  expect(statuses('post', '/api/transaction')).toEqual(expect.arrayContaining(['411', '409']));
  expect(statuses('post', '/api/upload/plugins')).toEqual(expect.arrayContaining(['200', '201', '400', '413', '415']));
});

test('every documented status code has a requirement in the catalog', () => {
  const ids = new Set(loadCatalog().map((r) => r.id));
  const unpinned: string[] = [];
  const unknown: string[] = [];
  for (const op of operations) {
    for (const [status, response] of responsesOf(op)) {
      const where = `${op.method.toUpperCase()} ${op.path} ${status}`;
      const reqs = response['x-requirements'] ?? [];
      if (reqs.length === 0) unpinned.push(where);
      for (const id of reqs) if (!ids.has(id)) unknown.push(`${where}: ${id}`);
      if (Number(status) >= 400)
        expect(response['x-error-codes']?.length ?? 0, `${where} names its error codes`).toBeGreaterThan(0);
    }
  }
  expect(unpinned).toEqual([]);
  expect(unknown).toEqual([]);
});

test('operation ids are unique', () => {
  const ids = operations.map((o) => o.operation.operationId);
  expect(ids.every(Boolean)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
});
