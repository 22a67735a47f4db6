// `sps-conformance run`: the conformance project of the Playwright suite, against SPS_URL or the
// embedded emulator. Extra arguments go to Playwright (e.g. --grep, --shard 1/2). Before the run it
// settles what the child needs to know: strict or default mode, the expectations file (checked here,
// so a bad one is one clear line, not a failed run) and the report folders; the Playwright config
// settles the rest of the run (suite/target/run-setup.ts). `observe` is a default-mode run that records
// every inferred answer into an expectations file.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../contract/catalog.ts';
import { ExpectationsError, loadExpectations } from '../../suite/report/certificate/expectations.ts';
import {
  blobDir,
  childEnvironment,
  loadSettings,
  reportDir,
  SettingsError,
  type Settings,
} from '../../suite/target/settings.ts';
import { UsageError } from './usage-error.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunOptions {
  /** --strict: inferred violations FAIL (SPS_STRICT=true). */
  strict?: boolean;
  /** --expectations FILE: recorded answers become exact expectations (SPS_EXPECTATIONS). */
  expectations?: string;
  /** Set by `observe`: record every inferred answer into this file (SPS_OBSERVE). */
  observe?: string;
}

function settingsOrUsageError(): Settings {
  try {
    return loadSettings();
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}

function checkedExpectations(file: string): string {
  const absolute = resolve(file);
  try {
    loadExpectations(absolute, loadCatalog());
  } catch (error) {
    if (error instanceof ExpectationsError) throw new UsageError(error.message);
    throw error;
  }
  return absolute;
}

/** The environment changes a run needs, from the options and the settings. */
export async function runEnvironment(
  options: RunOptions,
  settings: Settings,
): Promise<Record<string, string | undefined>> {
  // The child runs in the suite's folder: the report folders are the caller's, made absolute here.
  const changes: Record<string, string | undefined> = { SPS_REPORT_DIR: reportDir(), SPS_BLOB_DIR: blobDir() };
  if (options.strict) changes.SPS_STRICT = 'true';
  // Playwright's own reporters read FORCE_COLOR, some of them not NO_COLOR (https://no-color.org).
  if (process.env.NO_COLOR) changes.FORCE_COLOR = '0';
  // Playwright words its show-report hint relative to INIT_CWD: the user's folder, not the suite's.
  changes.INIT_CWD = process.env.INIT_CWD ?? process.cwd();
  const expectations = options.expectations ?? settings.expectationsFile;
  if (options.observe) {
    changes.SPS_OBSERVE = resolve(options.observe);
    changes.SPS_EXPECTATIONS = undefined;
    if (options.strict) throw new UsageError('observe records what the target answers: it cannot be --strict');
  } else if (expectations) {
    changes.SPS_EXPECTATIONS = checkedExpectations(expectations);
  }
  return changes;
}

export async function runCommand(playwrightArgs: readonly string[], options: RunOptions = {}): Promise<number> {
  const settings = settingsOrUsageError();
  const env = childEnvironment(await runEnvironment(options, settings));
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const args = [cli, 'test', '--config', `${ROOT}playwright.config.ts`, '--project=conformance', ...playwrightArgs];
  return new Promise<number>((done) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: ROOT, env });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
