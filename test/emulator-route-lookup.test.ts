// The route lookup (emulator/route-lookup.ts) keeps the answers of paths it has seen: a kept answer is
// the router's own answer, shared safely, and a client sending endless paths cannot grow it.
import { test, expect } from '@playwright/test';
import { RouteLookup } from '../emulator/route-lookup.ts';
import type { Route } from '../emulator/route-table.ts';

const route = (method: Route['method'], path: string): Route => ({
  method,
  path,
  auth: 'none',
  handle: () => ({ status: 200 }),
});
const list = route('GET', '/api/plugins/:type');
const remove = route('DELETE', '/api/plugins/:type/:key');

test('a path asked twice gets the same answer as the first time, with its params', () => {
  const lookup = new RouteLookup([list, remove]);
  for (let i = 0; i < 2; i++) {
    const found = lookup.find('GET', '/api/plugins/aa');
    expect(found?.route).toBe(list);
    expect(found?.params).toEqual({ type: 'aa' });
  }
  expect(lookup.find('GET', '/api/plugins/aa/')?.route, 'a trailing slash is ignored').toBe(list);
  expect(lookup.find('DELETE', '/api/plugins/aa'), 'no route of that method').toBeNull();
  expect(lookup.find('PATCH', '/api/plugins/aa'), 'a method we do not serve').toBeNull();
  expect(lookup.allowedAt('/api/plugins/aa/k')).toEqual(['DELETE']);
});

test('the shared params cannot be changed by one request for the next', () => {
  const lookup = new RouteLookup([list]);
  const params = lookup.find('GET', '/api/plugins/aa')!.params as Record<string, string>;
  expect(() => {
    params.type = 'changed';
  }).toThrow();
  expect(lookup.find('GET', '/api/plugins/aa')!.params).toEqual({ type: 'aa' });
});

test('endless new paths, long ones included, are answered right and keep the memo bounded', () => {
  const lookup = new RouteLookup([list]);
  // Counted, not an expect() each: an expect() costs about 5 ms in this runner.
  let wrong = 0;
  for (let i = 0; i < 5000; i++) if (lookup.find('GET', `/api/plugins/t${i}`)?.params.type !== `t${i}`) wrong++;
  expect(wrong).toBe(0);
  expect(lookup.memoSize('GET')).toBeLessThanOrEqual(1024);
  lookup.find('GET', '/nothing/here');
  const kept = lookup.memoSize('GET');
  expect(lookup.find('GET', `/api/plugins/aa/${'x'.repeat(10_000)}`), 'a long path is still looked up').toBeNull();
  expect(lookup.memoSize('GET'), 'but not kept').toBe(kept);
});
