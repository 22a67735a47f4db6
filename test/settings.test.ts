import { test, expect } from '@playwright/test';
import { loadSettings, publicSettings, SettingsError } from '../suite/target/settings.ts';

const KEYS = [
  'SPS_URL',
  'SPS_USERNAME',
  'SPS_PASSWORD',
  'SPS_TLS_VERIFY',
  'SPS_CA_FILE',
  'SPS_PROFILE',
  'SPS_PROFILE_SOURCE',
  'SPS_ALLOW_WRITES',
  'SPS_STRICT',
  'SPS_EXPECTATIONS',
  'SPS_OBSERVE',
  'FC_SEED',
  'FC_RUNS',
];

function withEnv(values: Record<string, string | undefined>, body: () => void): void {
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  try {
    for (const k of KEYS) delete process.env[k];
    for (const [k, v] of Object.entries(values)) if (v !== undefined) process.env[k] = v;
    body();
  } finally {
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

test('without SPS_URL the embedded emulator is the target and writes are allowed', () => {
  withEnv({}, () => {
    const s = loadSettings();
    expect(s.embedded).toBe(true);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.allowWrites).toBe(true);
    expect(s.profile).toBe('7.x');
  });
});

test('with SPS_URL writes are off unless allowed, and the URL loses its trailing slash', () => {
  withEnv({ SPS_URL: 'https://sps.example.com/', SPS_PASSWORD: 'x' }, () => {
    const s = loadSettings();
    expect(s.embedded).toBe(false);
    expect(s.url).toBe('https://sps.example.com');
    expect(s.allowWrites).toBe(false);
  });
  withEnv({ SPS_URL: 'https://sps.example.com', SPS_ALLOW_WRITES: 'yes' }, () => {
    expect(loadSettings().allowWrites).toBe(true);
  });
});

test('bad values are refused with a message naming the variable', () => {
  const cases: Record<string, string>[] = [
    { SPS_URL: 'ftp://x' },
    { SPS_URL: 'not a url' },
    { SPS_TLS_VERIFY: 'maybe' },
    { SPS_PROFILE: '9.9' },
    { FC_RUNS: '0' },
    { FC_SEED: 'abc' },
  ];
  for (const env of cases) {
    withEnv(env, () => {
      const name = Object.keys(env)[0]!;
      expect(() => loadSettings(), name).toThrow(SettingsError);
      expect(() => loadSettings(), name).toThrow(name);
    });
  }
});

test('the seed chosen once stays the same for every later load in the process', () => {
  withEnv({}, () => {
    const first = loadSettings().fcSeed;
    expect(loadSettings().fcSeed).toBe(first);
  });
  withEnv({ FC_SEED: '42', FC_RUNS: '7' }, () => {
    expect(loadSettings().fcSeed).toBe(42);
    expect(loadSettings().fcRuns).toBe(7);
  });
});

test('public settings never carry the password', () => {
  withEnv({ SPS_PASSWORD: 'canary-secret-123' }, () => {
    const shown = JSON.stringify(publicSettings(loadSettings()));
    expect(shown).not.toContain('canary-secret-123');
    expect(shown).toContain('<redacted>');
  });
});

test('SPS_STRICT: true for the embedded emulator, false for a target named by SPS_URL, and settable either way', () => {
  withEnv({}, () => expect(loadSettings().strict).toBe(true));
  withEnv({ SPS_URL: 'https://sps.example.com' }, () => expect(loadSettings().strict).toBe(false));
  withEnv({ SPS_URL: 'https://sps.example.com', SPS_STRICT: 'true' }, () => expect(loadSettings().strict).toBe(true));
  withEnv({ SPS_STRICT: 'false' }, () => expect(loadSettings().strict).toBe(false));
  withEnv({ SPS_STRICT: 'sometimes' }, () => expect(() => loadSettings()).toThrow(SettingsError));
});

test('the profile says where it came from: SPS_PROFILE, the firmware (set by run), or the default', () => {
  withEnv({}, () => expect(loadSettings().profileSource).toBe('default'));
  withEnv({ SPS_PROFILE: '6.9' }, () => expect(loadSettings().profileSource).toBe('SPS_PROFILE'));
  withEnv({ SPS_PROFILE: '8.x', SPS_PROFILE_SOURCE: 'from firmware 8.0.2' }, () =>
    expect(loadSettings()).toMatchObject({ profile: '8.x', profileSource: 'from firmware 8.0.2' }),
  );
});
