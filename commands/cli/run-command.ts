// `sps-conformance run`: the conformance project of the Playwright suite, against SPS_URL or the
// embedded emulator. Extra arguments go to Playwright (e.g. --grep, --shard 1/2). Before the run it
// settles what the child needs to know: strict or default mode, the expectations file (checked here,
// so a bad one is one clear line, not a failed run) and the report folders; the Playwright config
// settles the rest of the run (suite/target/run-setup.ts). `observe` is a default-mode run that records
// every inferred answer into an expectations file.
// Against a live target the preflight (suite/target/preflight.ts) runs first: a failure is one line and
// exit 3, and no test starts. A run of a subset (--grep, a file filter, ...) is PARTIAL and, unless
// SPS_REPORT_DIR names a folder, reports into reports/latest-partial, never over the last full run's. The exit code comes from the
// certificate this run wrote (exit-codes.ts): 0 pass, 1 conformance failure, 3 INVALID.
import { CODE_EXTENSION } from '../../contract/code-extension.ts';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../contract/catalog.ts';
import { ExpectationsError, loadExpectations } from '../../suite/report/certificate/expectations.ts';
import {
  blobDir,
  childEnvironment,
  consoleEnvironment,
  loadSettings,
  reportDir,
  reportDirChosen,
  SettingsError,
  type Settings,
} from '../../suite/target/settings.ts';
import { preflight } from '../../suite/target/preflight.ts';
import { isListOnly, partialReportDir, subsetReasons } from '../../suite/report/reporter/run-selection.ts';
import { shardOf } from '../../suite/report/reporter/reporter-list.ts';
import { EXIT_INVALID } from './exit-codes.ts';
import { certificateOutcome, exitCode } from './run-outcome.ts';
import { UsageError } from './usage-error.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The Playwright config beside the running code: .ts from a clone, .js from an installed package. */
const CONFIG = `${ROOT}playwright.config.${CODE_EXTENSION}`;

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
  const changes: Record<string, string | undefined> = {};
  if (options.strict) changes.SPS_STRICT = 'true';
  // Playwright's own reporters read FORCE_COLOR, some of them not NO_COLOR (https://no-color.org).
  const shell = consoleEnvironment();
  if (shell.NO_COLOR) changes.FORCE_COLOR = '0';
  // Playwright words its show-report hint relative to INIT_CWD: the user's folder, not the suite's.
  changes.INIT_CWD = shell.INIT_CWD ?? process.cwd();
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

/** `--reporter X` of the user: added to ours (SPS_REPORTER) instead of replacing them. */
export function splitReporters(args: readonly string[]): { rest: string[]; reporters: string[] } {
  const rest: string[] = [];
  const reporters: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--reporter' && i + 1 < args.length) reporters.push(args[++i]!);
    else if (arg.startsWith('--reporter=')) reporters.push(arg.slice('--reporter='.length));
    else rest.push(arg);
  }
  return { rest, reporters: reporters.flatMap((r) => r.split(',')).filter(Boolean) };
}

/** Against a live target: the preflight's one line and its exit code on failure; undefined when it passed. */
async function checkTarget(settings: Settings): Promise<number | undefined> {
  if (settings.embedded) return undefined;
  const result = await preflight(settings);
  if (!result.ok) {
    if (result.usage) throw new UsageError(result.message);
    process.stderr.write(`sps-conformance: run INVALID: ${result.message}\n`);
    return EXIT_INVALID;
  }
  const version = result.firmwareVersion ? `, firmware ${result.firmwareVersion}` : ', no firmware version reported';
  process.stdout.write(`Preflight: ${settings.url} answers as SPS (logged in as ${settings.username}${version})\n`);
  return undefined;
}

export async function runCommand(playwrightArgs: readonly string[], options: RunOptions = {}): Promise<number> {
  const settings = settingsOrUsageError();
  const refused = await checkTarget(settings);
  if (refused !== undefined) return refused;
  const { rest, reporters } = splitReporters(playwrightArgs);
  // A subset run never replaces the default report dir's certificate; a report dir the user named is
  // theirs to use (the certificate says PARTIAL either way). All relative to the user's folder, never
  // inside the package.
  const partial = subsetReasons(rest).length > 0 && !reportDirChosen();
  // reportDir() and blobDir() are absolute already (the user's folder), as the child must get them.
  const out = partial ? partialReportDir(reportDir()) : reportDir();
  const env = childEnvironment({
    ...(await runEnvironment(options, settings)),
    // This process settles the run id, so it can tell the certificate the child writes is this run's.
    SPS_RUN_ID: settings.runId,
    SPS_REPORT_DIR: out,
    SPS_BLOB_DIR: blobDir(),
    SPS_REPORTER: reporters.length ? reporters.join(',') : undefined,
  });
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const args = [cli, 'test', '--config', CONFIG, '--project=conformance', ...rest];
  const code = await new Promise<number>((done) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: process.cwd(), env });
    child.on('exit', (status, signal) => done(status ?? (signal ? 1 : 0)));
  });
  // --list runs nothing and a shard leaves its certificate to the merge: neither writes one.
  const noCertificate = isListOnly(rest) || shardOf(rest) !== undefined;
  return exitCode(code, certificateOutcome(out, settings.runId), noCertificate);
}
