// The layers of ARCHITECTURE.md, enforced: every relative import of every source file, read with the
// TypeScript compiler's own import scanner (not a regex), must go to a layer its layer may use.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What each layer may import besides itself (ARCHITECTURE.md "Layers"). `*`: anything. */
const MAY_USE: Record<string, readonly string[] | '*'> = {
  contract: ['schemas'],
  emulator: ['contract', 'schemas'],
  generators: ['contract', 'schemas'],
  suite: ['contract', 'schemas'],
  specs: ['suite', 'generators', 'contract', 'schemas'],
  'playwright.config.ts': ['suite', 'contract'],
  commands: '*',
  bench: '*',
  test: '*',
  bin: '*',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(ts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The layer of a path inside the repo: its top folder, or the file itself at the top. */
function layerOf(path: string): string {
  return relative(ROOT, path).split(sep)[0]!;
}

/** Relative module specifiers a file imports, exports from or imports dynamically. */
export function importsOf(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('.'));
}

function violations(): string[] {
  const files = [
    ...Object.keys(MAY_USE)
      .filter((l) => !l.includes('.'))
      .flatMap((l) => sourceFiles(join(ROOT, l))),
    join(ROOT, 'playwright.config.ts'),
  ];
  const found: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    const allowed = MAY_USE[from]!;
    if (allowed === '*') continue;
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const to = layerOf(resolve(dirname(file), spec));
      if (to !== from && !allowed.includes(to)) found.push(`${relative(ROOT, file)} (${from}) imports ${spec} (${to})`);
    }
  }
  return found;
}

test('the import scanner sees static, type-only, re-exported and dynamic imports', () => {
  const text = [
    "import a from './a.ts';",
    "import type { B } from '../b.ts';",
    "export { c } from './c.ts';",
    "const d = await import('./d.ts');",
    "import fs from 'node:fs';",
    "// import nope from './comment.ts';",
  ].join('\n');
  expect(importsOf(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts']);
});

test('every import follows the layering of ARCHITECTURE.md', () => {
  expect(violations()).toEqual([]);
});
