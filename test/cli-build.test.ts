// The command line runs from its build (bin/build.js, made by `npm ci`): every entry exists, the build
// records the suite sources it was made from (bin/sps-conformance.js rebuilds when one is newer), and
// no TypeScript loader is involved at run time.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface Manifest {
  dir: string;
  builtAt: number;
  entries: Record<string, string>;
  inputs: string[];
}

test('a build has both entries, records its own sources, and loads no TypeScript loader', async () => {
  // @ts-expect-error bin/build.js is plain JavaScript without declarations
  const { buildCli } = (await import('../bin/build.js')) as { buildCli: () => Promise<Manifest> };
  const manifest = await buildCli();
  expect(Object.keys(manifest.entries).sort()).toEqual(['cli', 'emulator']);
  for (const entry of Object.values(manifest.entries)) expect(existsSync(join(ROOT, 'dist', entry)), entry).toBe(true);
  expect(manifest.inputs).toEqual(
    expect.arrayContaining(['commands/cli/main.ts', 'commands/cli/lint-command.ts', 'emulator/server.ts']),
  );
  expect(manifest.inputs.filter((p) => p.startsWith('node_modules/'))).toEqual([]);
  const code = readdirSync(join(ROOT, 'dist', manifest.dir))
    .map((f) => readFileSync(join(ROOT, 'dist', manifest.dir, f), 'utf8'))
    .join('\n');
  expect(code).not.toMatch(/from ["']tsx/);
  // The sources find schemas and package.json relative to themselves, as when run from source.
  expect(code).toContain(JSON.stringify(new URL('../suite/report/certificate/suite-version.ts', import.meta.url).href));
});

test('the command line answers from the build', () => {
  const res = spawnSync(process.execPath, [join(ROOT, 'bin', 'sps-conformance.js'), '--version'], { encoding: 'utf8' });
  expect(res.status).toBe(0);
  expect(res.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});
