#!/usr/bin/env node
// Runs the command line from its build in dist/ (made by `npm ci` through the `prepare` script, see
// bin/build.js): no TypeScript loader at start, so `lint` answers at once. When the build is missing
// or a source file changed since, it is rebuilt first (esbuild, well under a second).
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

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

const manifest = currentBuild() ?? (await build());
const entry = process.argv[2] === 'emulator' ? manifest.entries.emulator : manifest.entries.cli;
await import(pathToFileURL(`${ROOT}dist/${entry}`).href);
