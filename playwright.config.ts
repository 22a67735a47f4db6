// Projects: unit (test/*.test.ts), conformance (specs/*.spec.ts), selftest (test/*.selftest.ts).
// With SPS_URL unset, webServer starts the embedded emulator on the free loopback port the run settled.
// Compiled into an installed package it is playwright.config.js beside the compiled specs.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CODE_EXTENSION } from './contract/code-extension.ts';
import { runReporters, shardOf } from './suite/report/reporter/reporter-list.ts';
import { playwrightTestArgs, subsetReasons } from './suite/report/reporter/run-selection.ts';
import { resolveRun, runMetadata, settingsOfRun } from './suite/target/run-setup.ts';
import { blobDir, isPlaywrightWorker, loadSettings, reportDir, userReporters } from './suite/target/settings.ts';

const HERE = fileURLToPath(new URL('./', import.meta.url));
/** From a clone the emulator starts through bin/ (its build); installed, from the compiled entry beside this file. */
const EMULATOR_ENTRY = CODE_EXTENSION === 'js' ? 'commands/cli/emulator-main.js' : 'bin/sps-conformance.js';

/** The --project names on the command line (empty: every project). */
function requestedProjects(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) =>
    arg.startsWith('--project=') ? [arg.slice('--project='.length)] : arg === '--project' ? [argv[i + 1] ?? ''] : [],
  );
}

/** Unit tests start their own emulators: the embedded target is for the conformance projects. */
const projects = requestedProjects(process.argv);
const needsTarget = projects.length === 0 || projects.some((p) => p.startsWith('conformance'));

// The runner settles the run once (port, seed, run id, profile); workers re-read this file but get the
// runner's metadata, so they do not settle it again.
const base = loadSettings();
const run = isPlaywrightWorker()
  ? undefined
  : await resolveRun(base, shardOf(process.argv), subsetReasons(playwrightTestArgs(process.argv)));
const settings = run ? settingsOfRun(base, run) : base;
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
  metadata: run ? runMetadata(run) : {},
  projects: [
    { name: 'unit', testDir: 'test', testMatch: /.*\.test\.ts$/ },
    // The appliance's configuration lock is global: conformance runs one test at a time.
    {
      name: 'conformance-setup',
      testDir: 'specs',
      testMatch: /\.setup\.[jt]s$/,
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
    run?.port && needsTarget
      ? {
          // Accounts come from the settings inside the emulator process: no password on a command line.
          command: `"${process.execPath}" ${EMULATOR_ENTRY} emulator --port ${run.port} --profile ${settings.profile} --settings-accounts`,
          cwd: HERE,
          url: `${settings.url}/api/info`,
          reuseExistingServer: false,
          timeout: 5 * 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
        }
      : undefined,
});
