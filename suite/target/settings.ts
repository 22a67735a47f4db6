// The one place that reads process.env (and .env through dotenv). Everything else asks here.
import { config as loadDotenv } from 'dotenv';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { DEFAULT_PROFILE, isProfileName, type ProfileName } from '../../contract/profiles.ts';

export const EMULATOR_DEFAULT_USER = 'admin';
export const EMULATOR_DEFAULT_PASSWORD = 'sps-conformance';
/** Extra accounts the embedded emulator is started with, for the documented 403 Unauthorized rows. */
export const EMULATOR_READONLY = { username: 'auditor', password: 'sps-conformance-ro' } as const;
export const EMULATOR_NOACCESS = { username: 'outsider', password: 'sps-conformance-na' } as const;

export interface Account {
  username: string;
  password: string;
}

export interface Settings {
  /** Base URL of the target without a trailing slash. */
  url: string;
  /** True when SPS_URL is unset and the suite runs against its own emulator. */
  embedded: boolean;
  username: string;
  password: string;
  /** A user who may read but not change the configuration; undefined when none is configured. */
  readonlyAccount: Account | undefined;
  /** A user with the REST server privilege but no access to the configuration. */
  noAccessAccount: Account | undefined;
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
  /** Where the profile came from: SPS_PROFILE, the target's firmware (SPS_PROFILE_SOURCE) or the default. */
  profileSource: string;
  /** SPS_EXPECTATIONS: a file of recorded answers (sps-conformance observe) that become exact expectations. */
  expectationsFile: string | undefined;
  /** SPS_OBSERVE: set by `sps-conformance observe`; the run records every inferred answer into this file. */
  observeFile: string | undefined;
  /** SPS_REQUEST_TIMEOUT (seconds, default 30): how long a request may go unanswered. */
  requestTimeoutMs: number;
}

export class SettingsError extends Error {}

let dotenvLoaded = false;

/** Loads `.env` once; variables already in the environment win. */
function env(): NodeJS.ProcessEnv {
  if (!dotenvLoaded) {
    loadDotenv({ quiet: true });
    dotenvLoaded = true;
  }
  return process.env;
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

/** The loopback port of the embedded emulator, chosen once by the Playwright config. */
export function embeddedPort(): number | undefined {
  const raw = env().SPS_EMBEDDED_PORT;
  return raw ? Number(raw) : undefined;
}

/** Fixes the embedded emulator's port for this process and the workers it starts. */
export function setEmbeddedPort(port: number): void {
  process.env.SPS_EMBEDDED_PORT = String(port);
}

/** Fixes the seed for this process and its workers, so every worker generates the same cases. */
function stableSeed(raw: string | undefined): number {
  if (raw !== undefined && raw !== '') return parseInteger('FC_SEED', raw, 0, -(2 ** 31));
  const seed = randomBytes(4).readInt32LE(0);
  process.env.FC_SEED = String(seed);
  return seed;
}

function stableRunId(raw: string | undefined): string {
  if (raw) return raw;
  const id = `spsc${randomBytes(4).toString('hex')}`;
  process.env.SPS_RUN_ID = id;
  return id;
}

function account(
  username: string | undefined,
  password: string | undefined,
  fallback: Account | undefined,
): Account | undefined {
  if (username) return { username, password: password ?? '' };
  return fallback;
}

export function loadSettings(): Settings {
  const e = env();
  const explicitUrl = e.SPS_URL?.trim();
  const embedded = !explicitUrl;
  const port = embeddedPort();
  const url = embedded ? `http://127.0.0.1:${port ?? 18080}` : parseUrl(explicitUrl);
  const profile = e.SPS_PROFILE?.trim() || DEFAULT_PROFILE;
  if (!isProfileName(profile)) throw new SettingsError(`SPS_PROFILE "${profile}" is not a known profile`);
  const profileSource = e.SPS_PROFILE?.trim() ? e.SPS_PROFILE_SOURCE?.trim() || 'SPS_PROFILE' : 'default';
  return {
    url,
    embedded,
    // The emulator's account is never sent to a live target: there an unset SPS_USERNAME stays empty
    // and the preflight refuses to start.
    username: e.SPS_USERNAME || (embedded ? EMULATOR_DEFAULT_USER : ''),
    password: e.SPS_PASSWORD ?? (embedded ? EMULATOR_DEFAULT_PASSWORD : ''),
    readonlyAccount: account(
      e.SPS_READONLY_USERNAME,
      e.SPS_READONLY_PASSWORD,
      embedded ? EMULATOR_READONLY : undefined,
    ),
    noAccessAccount: account(
      e.SPS_NOACCESS_USERNAME,
      e.SPS_NOACCESS_PASSWORD,
      embedded ? EMULATOR_NOACCESS : undefined,
    ),
    tlsVerify: parseBool('SPS_TLS_VERIFY', e.SPS_TLS_VERIFY, true),
    caFile: e.SPS_CA_FILE || undefined,
    profile,
    allowWrites: parseBool('SPS_ALLOW_WRITES', e.SPS_ALLOW_WRITES, embedded),
    fcSeed: stableSeed(e.FC_SEED),
    fcRuns: parseInteger('FC_RUNS', e.FC_RUNS, 25, 1),
    runId: stableRunId(e.SPS_RUN_ID),
    strict: parseBool('SPS_STRICT', e.SPS_STRICT, embedded),
    profileSource,
    expectationsFile: e.SPS_EXPECTATIONS?.trim() || undefined,
    observeFile: e.SPS_OBSERVE?.trim() || undefined,
    requestTimeoutMs: parseInteger('SPS_REQUEST_TIMEOUT', e.SPS_REQUEST_TIMEOUT, 30, 1) * 1000,
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
  };
}

/** Where this run's reports go: reports/latest unless SPS_REPORT_DIR says otherwise. */
export function reportDir(): string {
  return env().SPS_REPORT_DIR || 'reports/latest';
}

/**
 * SPS_REPORTER: the reporters a user named with `run -- --reporter X` (comma-separated). They replace our
 * console reporter and run beside our files, instead of replacing every reporter as Playwright's flag would.
 */
export function userReporters(): string[] {
  return (env().SPS_REPORTER ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

/** True when npm (npx, npm exec, npm run) started this process: npm sets npm_command for its children. */
export function startedByNpm(): boolean {
  return Boolean(env().npm_command);
}

/** True when SPS_REPORT_DIR names the report dir: then even a subset run reports there (marked PARTIAL). */
export function reportDirChosen(): boolean {
  return Boolean(env().SPS_REPORT_DIR);
}

/** Where sharded runs leave their blob reports for `sps-conformance merge`: reports/blob by default. */
export function blobDir(): string {
  return env().SPS_BLOB_DIR || 'reports/blob';
}

/** The secret `sps-conformance replay` puts back where a repro body says $SPS_SECRET; unset: left as is. */
export function replaySecret(): string | undefined {
  return env().SPS_SECRET || undefined;
}

/** The self-test's runs: a fixed seed so the kill matrix is reproducible, fewer property runs, one run per core at a time (at least 2). */
export interface SelftestSettings {
  fcSeed: number;
  fcRuns: number;
  concurrency: number;
}

export function selftestSettings(): SelftestSettings {
  const e = env();
  return {
    fcSeed: parseInteger('SPS_SELFTEST_FC_SEED', e.SPS_SELFTEST_FC_SEED, 20_240_607, -(2 ** 31)),
    fcRuns: parseInteger('SPS_SELFTEST_FC_RUNS', e.SPS_SELFTEST_FC_RUNS, 10, 1),
    concurrency: parseInteger(
      'SPS_SELFTEST_CONCURRENCY',
      e.SPS_SELFTEST_CONCURRENCY,
      Math.max(2, availableParallelism()),
      1,
    ),
  };
}

/** The environment for a child process: this one with `changes` applied (undefined removes a variable). */
export function childEnvironment(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const next: NodeJS.ProcessEnv = { ...env() };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return next;
}

/** The account `sps-conformance diff` uses on target A or B: SPS_A_USERNAME / SPS_A_PASSWORD (or B), else the emulator's. */
export function diffAccount(side: 'A' | 'B'): Account {
  const e = env();
  return {
    username: e[`SPS_${side}_USERNAME`] || EMULATOR_DEFAULT_USER,
    password: e[`SPS_${side}_PASSWORD`] ?? EMULATOR_DEFAULT_PASSWORD,
  };
}

/** Whether `diff` verifies the targets' TLS certificates (SPS_TLS_VERIFY, as for the suite). */
export function diffTlsVerify(): boolean {
  return parseBool('SPS_TLS_VERIFY', env().SPS_TLS_VERIFY, true);
}
