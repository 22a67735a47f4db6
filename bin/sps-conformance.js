#!/usr/bin/env node
// Runs the command line. Installed from the package, it runs the compiled JavaScript in dist/js (made by
// `prepack`, bin/build-package.js). From a clone it runs the build in dist/ (made by `npm ci` through the
// `prepare` script, see bin/build.js): no TypeScript loader at start, so `lint` answers at once. When that
// build is missing or a source file changed since, it is rebuilt first (esbuild, well under a second).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const emulator = process.argv[2] === 'emulator';

/** An installed package ships the compiled tree and no sources. */
function installedEntry() {
  if (existsSync(`${ROOT}commands/cli/main.ts`)) return undefined;
  const entry = `${ROOT}dist/js/commands/cli/${emulator ? 'emulator-main' : 'main'}.js`;
  return existsSync(entry) ? entry : undefined;
}

function currentBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(`${ROOT}dist/current.json`, 'utf8'));
  } catch {
    return undefined;
  }
  for (const input of manifest.inputs) {
    try {
      if (statSync(`${ROOT}${input}`).mtimeMs > manifest.builtAt) return undefined;
    } catch {
      return undefined;
    }
  }
  return manifest;
}

async function build() {
  try {
    const { buildCli } = await import('./build.js');
    return await buildCli();
  } catch (error) {
    process.stderr.write(
      `sps-conformance: the command line is not built and building it failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); run npm ci\n`,
    );
    process.exit(1);
  }
}

async function cloneEntry() {
  const manifest = currentBuild() ?? (await build());
  return `${ROOT}dist/${emulator ? manifest.entries.emulator : manifest.entries.cli}`;
}

await import(pathToFileURL(installedEntry() ?? (await cloneEntry())).href);
