// Projects: unit (test/*.test.ts), conformance (specs/*.spec.ts), selftest (test/*.selftest.ts).
// With SPS_URL unset, webServer starts the embedded emulator on a free loopback port.
// Compiled into an installed package it is playwright.config.js beside the compiled specs.
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CODE_EXTENSION } from './contract/code-extension.ts';
import { runReporters, shardOf } from './suite/report/reporter/reporter-list.ts';
import {
  blobDir,
  embeddedPort,
  loadSettings,
  reportDir,
  setEmbeddedPort,
  userReporters,
} from './suite/target/settings.ts';

const HERE = fileURLToPath(new URL('./', import.meta.url));
/** From a clone the emulator starts through bin/ (its build); installed, from the compiled entry beside this file. */
const EMULATOR_ENTRY = CODE_EXTENSION === 'js' ? 'commands/cli/emulator-main.js' : 'bin/sps-conformance.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The --project names on the command line (empty: every project). */
function requestedProjects(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) =>
    arg.startsWith('--project=') ? [arg.slice('--project='.length)] : arg === '--project' ? [argv[i + 1] ?? ''] : [],
  );
}

/** Unit tests start their own emulators: the embedded target is for the conformance projects. */
const projects = requestedProjects(process.argv);
const needsTarget = projects.length === 0 || projects.some((p) => p.startsWith('conformance'));

// Workers re-read this file; the port chosen by the runner reaches them through the environment.
if (embeddedPort() === undefined) setEmbeddedPort(await freePort());
const settings = loadSettings();
const out = reportDir();

export default defineConfig({
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // Generous, load-proof limits: only a hang reaches them, and Playwright reports it as a timeout. A
  // test against the emulator takes seconds; a loaded shared machine can make one take a minute.
  timeout: 5 * 60_000,
  // The user's folder, like the reports: never inside an installed package.
  outputDir: resolve('test-results'),
  // Sharded (--shard i/n): list + blob into SPS_BLOB_DIR; merge with `sps-conformance merge`.
  reporter: runReporters(out, blobDir(), shardOf(process.argv), userReporters()),
  use: { trace: 'off' },
  projects: [
    { name: 'unit', testDir: 'test', testMatch: /.*\.test\.ts$/ },
    // The appliance's configuration lock is global: conformance runs one test at a time.
    {
      name: 'conformance-setup',
      testDir: 'specs',
      testMatch: /inventory\.setup\.[jt]s$/,
      teardown: 'conformance-teardown',
    },
    { name: 'conformance-teardown', testDir: 'specs', testMatch: /inventory\.teardown\.[jt]s$/ },
    {
      name: 'conformance',
      testDir: 'specs',
      testMatch: /.*\.spec\.[jt]s$/,
      dependencies: ['conformance-setup'],
      workers: 1,
    },
    { name: 'selftest', testDir: 'test', testMatch: /.*\.selftest\.ts$/ },
  ],
  webServer:
    settings.embedded && needsTarget
      ? {
          // Accounts come from the settings inside the emulator process: no password on a command line.
          command: `"${process.execPath}" ${EMULATOR_ENTRY} emulator --port ${embeddedPort()} --profile ${settings.profile} --settings-accounts`,
          cwd: HERE,
          url: `${settings.url}/api/info`,
          reuseExistingServer: false,
          timeout: 5 * 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
        }
      : undefined,
});
