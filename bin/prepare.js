// The `prepare` script: from a clone (npm ci) it builds the command line's bundle (bin/build.js). An
// installed package has no sources to build (it ships the compiled dist/js), so there it does nothing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

if (existsSync(`${ROOT}commands/cli/main.ts`) && existsSync(`${ROOT}bin/build.js`)) {
  const { buildCli } = await import('./build.js');
  const manifest = await buildCli();
  process.stdout.write(
    `sps-conformance: built ${Object.keys(manifest.entries).join(', ')} (${manifest.inputs.length} sources)\n`,
  );
}
