// Builds what the published package runs (the `prepack` script): the suite's TypeScript compiled by tsc
// (tsconfig.build.json) into dist/js/, in the same layout as the sources, with the public API's type
// declarations. Installed under node_modules, Playwright does not transpile TypeScript, so the config,
// the specs and the reporter must be JavaScript. dist/js/ is a root of its own: it gets a copy of
// schemas/ and a package.json with the name and version, because the code finds them relative to itself.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'dist', 'js');

function compile(outDir) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (result.status !== 0) {
    process.stderr.write('sps-conformance: the package build failed (tsc -p tsconfig.build.json)\n');
    process.exit(1);
  }
}

function writeRootFiles(outDir) {
  cpSync(join(ROOT, 'schemas'), join(outDir, 'schemas'), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  // Only what the code reads about itself; private, so this inner root is never published on its own.
  const inner = { name: pkg.name, version: pkg.version, private: true, type: 'module' };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(inner, null, 2)}\n`);
}

// Built beside and swapped in at the end, so a failed build leaves no half of one in dist/js.
const staging = `${OUT}.${process.pid}`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
compile(staging);
writeRootFiles(staging);
rmSync(OUT, { recursive: true, force: true });
renameSync(staging, OUT);
process.stdout.write('sps-conformance: built the package into dist/js\n');
