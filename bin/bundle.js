// Runs a TypeScript entry of the suite from an esbuild bundle instead of through tsx. The emulator
// uses it: a long-running server then carries no loader thread (about 26 MiB less RSS). The bundle is
// written beside node_modules so the suite's dependencies resolve as usual, imported, then removed.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export async function runBundled(entry) {
  const dir = `${ROOT}node_modules/.cache/sps-conformance`;
  mkdirSync(dir, { recursive: true });
  const outfile = `${dir}/${entry.replace(/[^A-Za-z0-9]+/g, '-')}-${process.pid}-${Date.now()}.mjs`;
  await build({
    entryPoints: [`${ROOT}${entry}`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  try {
    await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}
