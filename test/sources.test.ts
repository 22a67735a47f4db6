// schemas/sources.yaml against the catalog: every requirement's source names a document a reader can
// open (a public https URL, or a file that ships with the suite), and no entry points at this machine.
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../contract/catalog.ts';
import { citedDocuments, documentsCitedBy } from '../contract/sources.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

test('every requirement source names at least one cited document', () => {
  const unnamed = loadCatalog()
    .filter((r) => documentsCitedBy(r.source).length === 0)
    .map((r) => `${r.id}: ${r.source}`);
  expect(unnamed).toEqual([]);
});

test('each cited document is a public https URL or a file the suite ships', () => {
  for (const d of citedDocuments()) {
    expect(Boolean(d.url) !== Boolean(d.shipped), `${d.cites}: exactly one of url and shipped`).toBe(true);
    if (d.url) expect(d.url, d.cites).toMatch(/^https:\/\/[a-z0-9.-]+\//);
    if (d.shipped) {
      expect(d.shipped, d.cites).not.toMatch(/^\/|\.\./);
      expect(existsSync(`${ROOT}${d.shipped}`), `${d.shipped} ships with the suite`).toBe(true);
    }
  }
});

test('documents are found in the order the source names them', () => {
  expect(documentsCitedBy('SDK_NOTES.md 2 / sps-api-facts 7.3').map((d) => d.cites)).toEqual([
    'SDK_NOTES.md',
    'sps-api-facts',
  ]);
  expect(documentsCitedBy('seeds/001-004 list examples').map((d) => d.cites)).toEqual([
    'seeds/001',
    'seeds/002',
    'seeds/003',
    'seeds/004',
  ]);
  expect(documentsCitedBy('seeds/003 and seeds/004 "Contains"').map((d) => d.cites)).toEqual([
    'seeds/003',
    'seeds/004',
  ]);
});
