// Builds the command line into dist/ (git-ignored): one ESM bundle per entry, with the suite's own
// TypeScript and its dependencies compiled in (Playwright and esbuild stay external). `npm ci` runs it (the `prepare` script);
// bin/sps-conformance.js rebuilds on demand when a source file is newer than the build.
// Each build goes to a folder of its own and dist/current.json names it, written last and atomically,
// so a process starting while another builds never imports half a build.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const ENTRIES = { cli: 'commands/cli/main.ts', emulator: 'commands/cli/emulator-main.ts' };
/** Builds older than this are removed by the next build (a process may still be loading a newer one). */
const KEEP_MS = 10 * 60_000;

/**
 * The sources locate schemas, package.json and Playwright's CLI relative to themselves: each keeps its
 * own import.meta.url in the bundle, so those paths mean what they mean when run from source.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      };
    });
  },
};

function pruneOldBuilds(keep) {
  let names = [];
  try {
    names = readdirSync(DIST).filter((n) => n.startsWith('build-') && n !== keep);
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(DIST, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > KEEP_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another build removed it first.
    }
  }
}

/** Builds every entry; answers the manifest written to dist/current.json. */
export async function buildCli() {
  const name = `build-${Date.now()}-${process.pid}`;
  const outdir = join(DIST, name);
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([key, entry]) => [key, join(ROOT, entry)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies are bundled too (resolving many small CommonJS files is most of a cold start),
    // except the test runner and the bundler, which are run or resolved as installed.
    external: ['@playwright/test', '@playwright/test/*', 'playwright', 'playwright-core', 'esbuild'],
    // Bundled CommonJS calls require(): give the ESM output one.
    banner: {
      js: "import { createRequire as __spsRequire } from 'node:module'; const require = __spsRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'error',
    plugins: [ownImportMetaUrl],
  });
  // Dependencies change only through npm ci, which rebuilds: staleness is judged on the suite's own files.
  const inputs = Object.keys(result.metafile.inputs)
    .map((p) => relative(ROOT, join(process.cwd(), p)))
    .filter((p) => !p.startsWith('node_modules/'));
  const manifest = {
    dir: name,
    builtAt: Date.now(),
    entries: Object.fromEntries(Object.keys(ENTRIES).map((k) => [k, `${name}/${k}.mjs`])),
    inputs,
  };
  const temp = join(DIST, `current.json.${process.pid}`);
  writeFileSync(temp, `${JSON.stringify(manifest)}\n`);
  renameSync(temp, join(DIST, 'current.json'));
  pruneOldBuilds(name);
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const manifest = await buildCli();
  process.stdout.write(
    `sps-conformance: built ${Object.keys(manifest.entries).join(', ')} into ${relative(ROOT, dirname(join(DIST, manifest.entries.cli)))} (${manifest.inputs.length} sources)\n`,
  );
}
