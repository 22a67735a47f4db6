// The one place that reads the environment (and .env through dotenv), by the names in setting-table.ts.
// Everything else asks here. Nothing writes the environment: the facts one run settles once (port,
// seed, run id, profile) travel from the Playwright runner to its workers in the config's metadata
// (run-setup.ts), and to a child process in its spawn options (childEnvironment).
import { config as loadDotenv } from 'dotenv';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PROFILE, isProfileName, type ProfileName } from '../../contract/profiles.ts';
import { SETTING_NAMES } from './setting-table.ts';
import type { Credentials } from '../../contract/credentials.ts';

export const EMULATOR_DEFAULT_USER = 'admin';
export const EMULATOR_DEFAULT_PASSWORD = 'sps-conformance';
/** The suite starts the embedded emulator with these accounts (emulator --settings-accounts). */
export const EMULATOR_READONLY = { username: 'auditor', password: 'sps-conformance-ro' } as const;
export const EMULATOR_NOACCESS = { username: 'outsider', password: 'sps-conformance-na' } as const;

export interface Settings {
  /** Base URL of the target without a trailing slash. */
  url: string;
  /** True when SPS_URL is unset and the suite runs against its own emulator. */
  embedded: boolean;
  username: string;
  password: string;
  /** A user who may read but not change the configuration; undefined when none is configured. */
  readonlyAccount: Credentials | undefined;
  /** A user with the REST server privilege but no access to the configuration. */
  noAccessAccount: Credentials | undefined;
  tlsVerify: boolean;
  caFile: string | undefined;
  profile: ProfileName;
  allowWrites: boolean;
  fcSeed: number;
  fcRuns: number;
  runId: string;
  /**
   * Strict mode: an inferred requirement a target does not meet FAILs instead of WARNing. Default true
   * for the embedded emulator, false for a target named by SPS_URL (SPS_STRICT, `run --strict`).
   */
  strict: boolean;
  /** Where the profile came from: SPS_PROFILE, the target's firmware (settled by run-setup.ts) or the default. */
  profileSource: string;
  /** SPS_EXPECTATIONS: a file of recorded answers (sps-conformance observe) that become exact expectations. */
  expectationsFile: string | undefined;
  /** SPS_OBSERVE: set by `sps-conformance observe`; the run records every inferred answer into this file. */
  observeFile: string | undefined;
  /** SPS_REQUEST_TIMEOUT (seconds) in milliseconds: how long one answer of the target may take. */
  requestTimeoutMs: number;
}

/** The variables settings are read from: the process's own (with .env) unless a test passes others. */
export type Environment = Readonly<Record<string, string | undefined>>;

export class SettingsError extends Error {}

let dotenvLoaded = false;

/** The process environment with `.env` under it (variables already set win); .env is read once. */
function processEnvironment(): Environment {
  if (!dotenvLoaded) {
    // processEnv: a copy, so dotenv fills in ours and never writes process.env.
    dotenvOverlay = {};
    loadDotenv({ quiet: true, processEnv: dotenvOverlay });
    dotenvLoaded = true;
  }
  return { ...dotenvOverlay, ...process.env };
}

let dotenvOverlay: Record<string, string> = {};

/** One variable of setting-table.ts; a name missing there is a programming error, caught by any test. */
function read(e: Environment, name: string): string | undefined {
  if (!SETTING_NAMES.has(name)) throw new Error(`settings: ${name} is not in suite/target/setting-table.ts`);
  return e[name];
}

/** True inside a Playwright worker process (Playwright's own TEST_WORKER_INDEX is set there). */
export function isPlaywrightWorker(): boolean {
  return process.env.TEST_WORKER_INDEX !== undefined;
}

function parseBool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new SettingsError(`${name} must be true or false (got "${raw}")`);
}

function parseInteger(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new SettingsError(`${name} must be a whole number (got "${raw}")`);
  const value = Number(raw);
  if (value < min) throw new SettingsError(`${name} must be at least ${min} (got ${value})`);
  return value;
}

function parseUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new SettingsError(`SPS_URL is not a URL: "${raw}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SettingsError(`SPS_URL must start with http:// or https:// (got "${raw}")`);
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** A random seed and run id per process, for runs that set none; a Playwright run settles its own (run-setup.ts). */
const processSeed = randomBytes(4).readInt32LE(0);
const processRunId = `spsc${randomBytes(4).toString('hex')}`;

function account(
  username: string | undefined,
  password: string | undefined,
  fallback: Credentials | undefined,
): Credentials | undefined {
  if (username) return { username, password: password ?? '' };
  return fallback;
}

/** The configured account: against a live target it must be given, never the emulator's default. */
function mainAccount(e: Environment, embedded: boolean): Credentials {
  const username = read(e, 'SPS_USERNAME');
  const password = read(e, 'SPS_PASSWORD');
  if (embedded) return { username: username || EMULATOR_DEFAULT_USER, password: password ?? EMULATOR_DEFAULT_PASSWORD };
  if (!username || password === undefined)
    throw new SettingsError(
      `${username ? 'SPS_PASSWORD' : 'SPS_USERNAME'} is not set: name the REST user of ${read(e, 'SPS_URL')?.trim()} in SPS_USERNAME and SPS_PASSWORD (the emulator's default account is never sent to a live target)`,
    );
  return { username, password };
}

export function loadSettings(e: Environment = processEnvironment()): Settings {
  const explicitUrl = read(e, 'SPS_URL')?.trim();
  const embedded = !explicitUrl;
  // The embedded emulator's port is chosen by the run (run-setup.ts); this is a placeholder until then.
  const url = embedded ? 'http://127.0.0.1:18080' : parseUrl(explicitUrl);
  const explicitProfile = read(e, 'SPS_PROFILE')?.trim();
  const profile = explicitProfile || DEFAULT_PROFILE;
  if (!isProfileName(profile)) throw new SettingsError(`SPS_PROFILE "${profile}" is not a known profile`);
  const seed = read(e, 'FC_SEED');
  return {
    url,
    embedded,
    ...mainAccount(e, embedded),
    readonlyAccount: account(
      read(e, 'SPS_READONLY_USERNAME'),
      read(e, 'SPS_READONLY_PASSWORD'),
      embedded ? EMULATOR_READONLY : undefined,
    ),
    noAccessAccount: account(
      read(e, 'SPS_NOACCESS_USERNAME'),
      read(e, 'SPS_NOACCESS_PASSWORD'),
      embedded ? EMULATOR_NOACCESS : undefined,
    ),
    tlsVerify: parseBool('SPS_TLS_VERIFY', read(e, 'SPS_TLS_VERIFY'), true),
    caFile: read(e, 'SPS_CA_FILE') || undefined,
    profile,
    allowWrites: parseBool('SPS_ALLOW_WRITES', read(e, 'SPS_ALLOW_WRITES'), embedded),
    fcSeed: seed ? parseInteger('FC_SEED', seed, 0, -(2 ** 31)) : processSeed,
    fcRuns: parseInteger('FC_RUNS', read(e, 'FC_RUNS'), 25, 1),
    runId: read(e, 'SPS_RUN_ID') || processRunId,
    strict: parseBool('SPS_STRICT', read(e, 'SPS_STRICT'), embedded),
    profileSource: explicitProfile ? 'SPS_PROFILE' : 'default',
    expectationsFile: read(e, 'SPS_EXPECTATIONS')?.trim() || undefined,
    observeFile: read(e, 'SPS_OBSERVE')?.trim() || undefined,
    requestTimeoutMs: parseInteger('SPS_REQUEST_TIMEOUT', read(e, 'SPS_REQUEST_TIMEOUT'), 30, 1) * 1000,
  };
}

/** Settings safe to print or store: secrets are replaced, never shortened or hashed. */
export function publicSettings(s: Settings): Record<string, unknown> {
  return {
    url: s.url,
    embedded: s.embedded,
    username: s.username,
    password: '<redacted>',
    readonlyUsername: s.readonlyAccount?.username ?? null,
    noAccessUsername: s.noAccessAccount?.username ?? null,
    tlsVerify: s.tlsVerify,
    caFile: s.caFile ?? null,
    profile: s.profile,
    allowWrites: s.allowWrites,
    fcSeed: s.fcSeed,
    fcRuns: s.fcRuns,
    runId: s.runId,
    strict: s.strict,
    profileSource: s.profileSource,
    expectationsFile: s.expectationsFile ?? null,
    requestTimeoutMs: s.requestTimeoutMs,
  };
}

/** Where this run's reports go: ./reports/latest unless SPS_REPORT_DIR says otherwise (relative to the current directory). */
export function reportDir(e: Environment = processEnvironment()): string {
  return resolve(process.cwd(), read(e, 'SPS_REPORT_DIR') || 'reports/latest');
}

/** Where sharded runs leave their blob reports for `sps-conformance merge`: ./reports/blob by default. */
export function blobDir(e: Environment = processEnvironment()): string {
  return resolve(process.cwd(), read(e, 'SPS_BLOB_DIR') || 'reports/blob');
}

/**
 * SPS_REPORTER: the reporters a user named with `run -- --reporter X` (comma-separated). They replace our
 * console reporter and run beside our files, instead of replacing every reporter as Playwright's flag would.
 */
export function userReporters(e: Environment = processEnvironment()): string[] {
  return (read(e, 'SPS_REPORTER') ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

/** True when npm (npx, npm exec, npm run) started this process: npm sets npm_command for its children. */
export function startedByNpm(e: Environment = processEnvironment()): boolean {
  return Boolean(read(e, 'npm_command'));
}

/** What the user's shell says about the console: NO_COLOR, FORCE_COLOR and npm's INIT_CWD. */
export function consoleEnvironment(e: Environment = processEnvironment()): {
  NO_COLOR?: string;
  FORCE_COLOR?: string;
  INIT_CWD?: string;
} {
  return { NO_COLOR: read(e, 'NO_COLOR'), FORCE_COLOR: read(e, 'FORCE_COLOR'), INIT_CWD: read(e, 'INIT_CWD') };
}

/** True when SPS_REPORT_DIR names the report dir: then even a subset run reports there (marked PARTIAL). */
export function reportDirChosen(e: Environment = processEnvironment()): boolean {
  return Boolean(read(e, 'SPS_REPORT_DIR'));
}

/** The secret `sps-conformance replay` puts back where a repro body says $SPS_SECRET; unset: left as is. */
export function replaySecret(): string | undefined {
  return read(processEnvironment(), 'SPS_SECRET') || undefined;
}

/** The shared research folder the unit tests read (SPS_SHARED_DIR, else ../shared beside the repo). */
export function sharedDir(): string {
  const beside = fileURLToPath(new URL('../../../shared', import.meta.url));
  return resolve(read(processEnvironment(), 'SPS_SHARED_DIR') || beside);
}

/** The self-test's runs: a fixed seed so the kill matrix is reproducible, fewer property runs, one run per core at a time (at least 2). */
export interface SelftestSettings {
  fcSeed: number;
  fcRuns: number;
  concurrency: number;
}

export function selftestSettings(): SelftestSettings {
  const e = processEnvironment();
  return {
    fcSeed: parseInteger('SPS_SELFTEST_FC_SEED', read(e, 'SPS_SELFTEST_FC_SEED'), 20_240_607, -(2 ** 31)),
    fcRuns: parseInteger('SPS_SELFTEST_FC_RUNS', read(e, 'SPS_SELFTEST_FC_RUNS'), 10, 1),
    concurrency: parseInteger(
      'SPS_SELFTEST_CONCURRENCY',
      read(e, 'SPS_SELFTEST_CONCURRENCY'),
      Math.max(2, availableParallelism()),
      1,
    ),
  };
}

/** The environment for a child process: this one with `changes` applied (undefined removes a variable). */
export function childEnvironment(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const next: NodeJS.ProcessEnv = { ...processEnvironment() };
  // A child we start is never a Playwright worker, even when we run inside one (a unit test): without
  // this, its runner would take itself for a worker and not settle the run.
  delete next.TEST_WORKER_INDEX;
  delete next.TEST_PARALLEL_INDEX;
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return next;
}

/** The account `sps-conformance diff` uses on target A or B: SPS_A_USERNAME / SPS_A_PASSWORD (or B), else the emulator's. */
export function diffAccount(side: 'A' | 'B'): Credentials {
  const e = processEnvironment();
  return {
    username: read(e, `SPS_${side}_USERNAME`) || EMULATOR_DEFAULT_USER,
    password: read(e, `SPS_${side}_PASSWORD`) ?? EMULATOR_DEFAULT_PASSWORD,
  };
}

/** Whether `diff` verifies the targets' TLS certificates (SPS_TLS_VERIFY, as for the suite). */
export function diffTlsVerify(): boolean {
  return parseBool('SPS_TLS_VERIFY', read(processEnvironment(), 'SPS_TLS_VERIFY'), true);
}
