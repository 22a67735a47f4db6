// Projects: unit (test/*.test.ts), conformance (specs/*.spec.ts), selftest (test/*.selftest.ts).
// With SPS_URL unset, webServer starts the embedded emulator on the free loopback port the run settled.
import { defineConfig } from '@playwright/test';
import { runReporters, shardOf } from './suite/report/reporter/reporter-list.ts';
import { resolveRun, runMetadata, settingsOfRun } from './suite/target/run-setup.ts';
import { blobDir, isPlaywrightWorker, loadSettings, reportDir } from './suite/target/settings.ts';

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
const run = isPlaywrightWorker() ? undefined : await resolveRun(base, shardOf(process.argv));
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
  outputDir: 'test-results',
  // Sharded (--shard i/n): list + blob into SPS_BLOB_DIR; merge with `sps-conformance merge`.
  reporter: runReporters(out, blobDir(), shardOf(process.argv)),
  use: { trace: 'off' },
  metadata: run ? runMetadata(run) : {},
  projects: [
    { name: 'unit', testDir: 'test', testMatch: /.*\.test\.ts$/ },
    // The appliance's configuration lock is global: conformance runs one test at a time.
    {
      name: 'conformance-setup',
      testDir: 'specs',
      testMatch: /\.setup\.ts$/,
      teardown: 'conformance-teardown',
    },
    { name: 'conformance-teardown', testDir: 'specs', testMatch: /inventory\.teardown\.ts$/ },
    {
      name: 'conformance',
      testDir: 'specs',
      testMatch: /.*\.spec\.ts$/,
      dependencies: ['conformance-setup'],
      workers: 1,
    },
    { name: 'selftest', testDir: 'test', testMatch: /.*\.selftest\.ts$/ },
  ],
  webServer:
    run?.port && needsTarget
      ? {
          // Accounts come from the settings inside the emulator process: no password on a command line.
          command: `node bin/sps-conformance.js emulator --port ${run.port} --profile ${settings.profile} --settings-accounts`,
          url: `${settings.url}/api/info`,
          reuseExistingServer: false,
          timeout: 5 * 60_000,
          stdout: 'ignore',
          stderr: 'pipe',
        }
      : undefined,
});
