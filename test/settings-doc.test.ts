// `.env.example` and README's settings table are generated from suite/target/setting-table.ts, and
// only settings.ts reads the environment, by that table's names (an unlisted name throws there).
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envExample, readmeWithTable } from '../suite/target/settings-doc.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REGENERATE = 'regenerate it: npx tsx commands/docs/write-settings-doc.ts';
const CODE_DIRS = ['contract', 'emulator', 'generators', 'suite', 'specs', 'commands', 'bench', 'bin'];

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? codeFiles(join(dir, e.name)) : /\.(ts|js)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

test('.env.example is generated from the settings table', () => {
  expect(readFileSync(join(ROOT, '.env.example'), 'utf8'), REGENERATE).toBe(envExample());
});

test("README's settings table is generated from the settings table", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(readmeWithTable(readme), 'README.md has the settings table markers').toBeDefined();
  expect(readme, REGENERATE).toBe(readmeWithTable(readme));
});

test('only suite/target/settings.ts touches process.env (it reads by the table; children get spawn options)', () => {
  const files = [...CODE_DIRS.flatMap((d) => codeFiles(join(ROOT, d))), join(ROOT, 'playwright.config.ts')];
  const touching = files
    .filter((f) => readFileSync(f, 'utf8').includes('process.env'))
    .map((f) => relative(ROOT, f))
    .filter((f) => f !== join('suite', 'target', 'settings.ts'));
  // bin/run-steps.js runs npm before anything is built: it may read npm's own npm_execpath.
  expect(touching).toEqual([join('bin', 'run-steps.js')]);
});
