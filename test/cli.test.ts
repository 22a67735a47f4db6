import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/sps-conformance.js', import.meta.url));

function cli(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

test('--help lists the subcommands and exits 0', () => {
  const { code, out } = cli(['--help']);
  expect(code).toBe(0);
  for (const sub of ['run', 'emulator', 'lint']) expect(out).toContain(sub);
});

test('user mistakes exit 2 with one clear line and no stack trace', () => {
  const mistakes: [string[], RegExp][] = [
    [['bogus'], /unknown command/],
    [['emulator', '--port', 'abc'], /--port must be a number/],
    [['emulator', '--profile', '9.9'], /--profile must be one of/],
    [['emulator', '--user', 'nopassword'], /--user must be NAME:PASSWORD/],
    [['emulator', '--frobnicate'], /unknown option/],
    [['lint'], /missing required argument/],
    [['lint', '/no/such/file.zip'], /no such file/],
  ];
  for (const [args, message] of mistakes) {
    const { code, err } = cli(args);
    expect(code, args.join(' ')).toBe(2);
    expect(err, args.join(' ')).toMatch(message);
    expect(err, args.join(' ')).not.toMatch(/\n\s+at /);
  }
});

test('run refuses bad settings before starting Playwright', () => {
  const { code, err } = cli(['run'], { SPS_URL: 'ftp://nowhere' });
  expect(code).toBe(2);
  expect(err).toContain('SPS_URL must start with http:// or https://');
});

test('run against a live target without SPS_USERNAME and SPS_PASSWORD stops at once with one clear line', () => {
  // An explicit empty environment for the account: the caller's own must not leak into this case.
  const { code, err } = cli(['run'], { SPS_URL: 'https://sps.example.com', SPS_USERNAME: '', SPS_PASSWORD: '' });
  expect(code).toBe(2);
  expect(err).toContain(
    'SPS_USERNAME is not set: name the REST user of https://sps.example.com in SPS_USERNAME and SPS_PASSWORD',
  );
  expect(err).not.toMatch(/\n\s+at /);
});
