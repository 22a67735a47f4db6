// The settings: defaults, the embedded-versus-live differences, refusals naming the variable, and
// secrets never shown. Each case passes its own environment; nothing writes process.env.
import { test, expect } from '@playwright/test';
import { join } from 'node:path';
import { loadSettings, publicSettings, reportDir, SettingsError, type Environment } from '../suite/target/settings.ts';
import { settingsOfRun } from '../suite/target/run-setup.ts';

const LIVE: Environment = { SPS_URL: 'https://sps.example.com', SPS_USERNAME: 'qa', SPS_PASSWORD: 'x' };

test('without SPS_URL the embedded emulator is the target and writes are allowed', () => {
  const s = loadSettings({});
  expect(s.embedded).toBe(true);
  expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(s.allowWrites).toBe(true);
  expect(s.profile).toBe('7.x');
  expect(s).toMatchObject({ username: 'admin', password: 'sps-conformance', requestTimeoutMs: 30_000 });
});

test('with SPS_URL writes are off unless allowed, and the URL loses its trailing slash', () => {
  const s = loadSettings({ ...LIVE, SPS_URL: 'https://sps.example.com/' });
  expect(s.embedded).toBe(false);
  expect(s.url).toBe('https://sps.example.com');
  expect(s.allowWrites).toBe(false);
  expect(loadSettings({ ...LIVE, SPS_ALLOW_WRITES: 'yes' }).allowWrites).toBe(true);
});

test('a live target never gets the emulator account: without SPS_USERNAME and SPS_PASSWORD it is a clear error', () => {
  for (const env of [
    { SPS_URL: 'https://sps.example.com' },
    { SPS_URL: 'https://sps.example.com', SPS_USERNAME: 'qa' },
  ])
    expect(() => loadSettings(env)).toThrow(
      /^SPS_(USERNAME|PASSWORD) is not set: name the REST user of https:\/\/sps\.example\.com in SPS_USERNAME and SPS_PASSWORD/,
    );
  expect(loadSettings(LIVE)).toMatchObject({ username: 'qa', password: 'x' });
});

test('bad values are refused with a message naming the variable', () => {
  const cases: Record<string, string>[] = [
    { SPS_URL: 'ftp://x' },
    { SPS_URL: 'not a url' },
    { SPS_TLS_VERIFY: 'maybe' },
    { SPS_PROFILE: '9.9' },
    { FC_RUNS: '0' },
    { FC_SEED: 'abc' },
    { SPS_REQUEST_TIMEOUT: '0' },
  ];
  for (const env of cases) {
    const name = Object.keys(env)[0]!;
    expect(() => loadSettings(env), name).toThrow(SettingsError);
    expect(() => loadSettings(env), name).toThrow(name);
  }
});

test('SPS_REQUEST_TIMEOUT is in seconds', () => {
  expect(loadSettings({ SPS_REQUEST_TIMEOUT: '5' }).requestTimeoutMs).toBe(5_000);
});

test('without FC_SEED and SPS_RUN_ID one process keeps one seed and run id; the run settles its own', () => {
  expect(loadSettings({}).fcSeed).toBe(loadSettings({}).fcSeed);
  expect(loadSettings({}).runId).toMatch(/^spsc[0-9a-f]{8}$/);
  expect(loadSettings({ FC_SEED: '42', FC_RUNS: '7', SPS_RUN_ID: 'spscx' })).toMatchObject({
    fcSeed: 42,
    fcRuns: 7,
    runId: 'spscx',
  });
  const run = {
    url: 'http://127.0.0.1:4242',
    embedded: true,
    port: 4242,
    seed: 9,
    runId: 'spscrun',
    profile: '8.x' as const,
    profileSource: 'from firmware 8.0.2',
    shard: null,
    fcRuns: 25,
    mode: 'strict' as const,
    expectations: null,
    settings: {},
    selection: [],
  };
  expect(settingsOfRun(loadSettings({}), run)).toMatchObject({
    url: 'http://127.0.0.1:4242',
    fcSeed: 9,
    runId: 'spscrun',
    profile: '8.x',
    profileSource: 'from firmware 8.0.2',
  });
});

test('public settings never carry the password', () => {
  const shown = JSON.stringify(publicSettings(loadSettings({ SPS_PASSWORD: 'canary-secret-123' })));
  expect(shown).not.toContain('canary-secret-123');
  expect(shown).toContain('<redacted>');
});

test('SPS_STRICT: true for the embedded emulator, false for a target named by SPS_URL, and settable either way', () => {
  expect(loadSettings({}).strict).toBe(true);
  expect(loadSettings(LIVE).strict).toBe(false);
  expect(loadSettings({ ...LIVE, SPS_STRICT: 'true' }).strict).toBe(true);
  expect(loadSettings({ SPS_STRICT: 'false' }).strict).toBe(false);
  expect(() => loadSettings({ SPS_STRICT: 'sometimes' })).toThrow(SettingsError);
});

test('the profile says where it came from: SPS_PROFILE or the default (the run may find the firmware)', () => {
  expect(loadSettings({}).profileSource).toBe('default');
  expect(loadSettings({ SPS_PROFILE: '6.9' })).toMatchObject({ profile: '6.9', profileSource: 'SPS_PROFILE' });
});

test('the report dir is relative to the current directory', () => {
  expect(reportDir({})).toBe(join(process.cwd(), 'reports', 'latest'));
  expect(reportDir({ SPS_REPORT_DIR: 'out/r' })).toBe(join(process.cwd(), 'out', 'r'));
  expect(reportDir({ SPS_REPORT_DIR: '/tmp/r' })).toBe('/tmp/r');
});
