// Reliability battery, hostile files: lint, verify, replay and the emulator's --state read regular
// files only, with size caps: /dev/zero, a FIFO with no writer and a directory are refused at once
// with one clear line (exit 2), never read forever. verify on a deeply nested JSON file says it cannot
// check it (exit 3), never "altered".
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileReadError, readRegularFile, readRegularFileSync } from '../contract/regular-file.ts';
import { jsonDepth } from '../commands/cli/verify-command.ts';
import { runCli } from './report-suite-run.ts';

function hostileFiles(): { fifo: string; dir: string; zero: string } {
  const root = mkdtempSync(join(tmpdir(), 'sps-files-'));
  const fifo = join(root, 'fifo');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const dir = join(root, 'dir');
  mkdirSync(dir);
  return { fifo, dir, zero: '/dev/zero' };
}

test('the regular-file reader refuses devices, FIFOs and directories, and files over the cap', async () => {
  const { fifo, dir, zero } = hostileFiles();
  for (const file of [fifo, dir, zero]) {
    expect(() => readRegularFileSync(file, 1024), file).toThrow(FileReadError);
    await expect(readRegularFile(file, 1024), file).rejects.toThrow(/not a regular file/);
  }
  const big = join(mkdtempSync(join(tmpdir(), 'sps-files-')), 'big');
  writeFileSync(big, Buffer.alloc(2048));
  expect(() => readRegularFileSync(big, 2047)).toThrow(/larger than 2047 bytes/);
  expect(readRegularFileSync(big, 2048)).toHaveLength(2048);
  await expect(readRegularFile(join(dir, 'missing'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
});

test('lint refuses /dev/zero and a FIFO, verify and replay also a directory, with exit 2 and no stack trace', async () => {
  test.setTimeout(120_000);
  const { fifo, dir, zero } = hostileFiles();
  const bundle = mkdtempSync(join(tmpdir(), 'sps-files-'));
  spawnSync('mkfifo', [join(bundle, 'repro.json')]);
  const runs = [
    // A directory is a plugin folder to lint (linted as it would be zipped): see test/lint-formats.test.ts.
    ...[fifo, zero].map((f) => ['lint', f]),
    ...[fifo, dir, zero].map((f) => ['verify', f]),
    ['replay', bundle, '--url', 'http://127.0.0.1:9'],
  ];
  for (const args of runs) {
    const run = await runCli(args, {});
    expect(run.code, args.join(' ')).toBe(2);
    expect(run.stderr, args.join(' ')).toMatch(/not a regular file/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }
});

test('verify on deeply nested JSON cannot check it (exit 3), instead of calling it altered', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sps-files-')), 'deep.json');
  writeFileSync(file, `{"integrity":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
  const run = await runCli(['verify', file], {});
  expect(run.code).toBe(3);
  expect(run.stdout).toMatch(/CANNOT CHECK \(it nests 100001 levels deep/);
  expect(jsonDepth('{"a":"[[[[","b":[{}]}')).toBe(3);
});
