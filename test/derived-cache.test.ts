// The derived cache (contract/derived-cache.ts) and its two users: the cached catalog is the parsed
// one, the cached validators judge as freshly compiled ones do, a changed input is derived anew, and a
// damaged cache entry costs a derivation, never a wrong answer.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { CATALOG_FILE, loadCatalog } from '../contract/catalog.ts';
import { cacheFileOf, cachedDerivation, trustedEntry } from '../contract/derived-cache.ts';
import { SCHEMA_DIR } from '../contract/schema-dir.ts';
import { SCHEMA_BASE, schemaProblems } from '../contract/validators.ts';

test('the cached catalog equals a fresh parse of requirements.yaml, and each call gets its own copy', () => {
  const fresh = (parse(readFileSync(CATALOG_FILE, 'utf8')) as { requirements: unknown[] }).requirements;
  const first = loadCatalog();
  expect(first).toEqual(fresh);
  first[0]!.id = 'CHANGED-BY-A-CALLER';
  expect(loadCatalog()).toEqual(fresh);
});

test('a different input is derived anew; a damaged entry is derived anew and repaired', () => {
  let derivations = 0;
  const derive = (text: string) => () => {
    derivations += 1;
    return `derived from ${text}`;
  };
  const usable = (text: string) => text.startsWith('derived from ');
  const input = `input ${randomBytes(8).toString('hex')}`;
  expect(cachedDerivation(input, derive(input), usable)).toBe(`derived from ${input}`);
  expect(cachedDerivation(input, derive(input), usable)).toBe(`derived from ${input}`);
  expect(derivations).toBe(1);
  expect(cachedDerivation(`${input}!`, derive(`${input}!`), usable)).toBe(`derived from ${input}!`);
  expect(derivations).toBe(2);
  // Another process finds a damaged entry: simulated by an input this process has not seen yet.
  const third = `${input}?`;
  writeFileSync(cacheFileOf(third), 'half an entr');
  expect(cachedDerivation(third, derive(third), usable)).toBe(`derived from ${third}`);
  expect(derivations).toBe(3);
  expect(readFileSync(cacheFileOf(third), 'utf8')).toBe(`derived from ${third}`);
});

test('an entry others could have written is never read: it is derived anew', () => {
  const input = `input ${randomBytes(8).toString('hex')}`;
  const file = cacheFileOf(input);
  // The validators' entry is code this process runs: a planted one must not be.
  writeFileSync(file, 'planted by someone else');
  chmodSync(file, 0o666);
  expect(trustedEntry(file)).toBe(false);
  let derivations = 0;
  const derived = cachedDerivation(
    input,
    () => {
      derivations += 1;
      return 'derived here';
    },
    () => true,
  );
  expect(derived).toBe('derived here');
  expect(derivations).toBe(1);
});

test('the cached validators report what freshly compiled ajv validators report', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  for (const name of ['meta', 'navigation-meta', 'list', 'reference', 'object', 'error'])
    ajv.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, 'utf8')) as object);
  const samples: [string, unknown][] = [
    ['error', { error: { type: 'NotFound', message: 'x', details: {} }, meta: { href: '/api' } }],
    ['error', { error: 1 }],
    ['error', {}],
    ['list', { items: [{ key: 'a', meta: { href: '/api/x/a' } }], meta: { href: '/api/x', parent: '/api' } }],
    ['list', { items: 'no', meta: null }],
  ];
  for (const [name, value] of samples) {
    const fresh = ajv.getSchema(`${SCHEMA_BASE}${name}.schema.json`)!;
    const expected = fresh(value) ? [] : fresh.errors!.map((e) => `${name}${e.instancePath || ''}: ${e.message}`);
    expect(schemaProblems(name, value)).toEqual(expected);
  }
  expect(schemaProblems('error', { error: 1 }).length).toBeGreaterThan(0);
});
