#!/usr/bin/env node
// The emulator runs from a bundle of its own entry (no loader thread in a long-running server); every
// other command runs the TypeScript through tsx, so the package needs no build step.
if (process.argv[2] === 'emulator') {
  const { runBundled } = await import('./bundle.js');
  await runBundled('lib/cli/emulator-main.ts');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../lib/cli/main.ts');
}
