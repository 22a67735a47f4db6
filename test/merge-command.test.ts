// `sps-conformance merge` writes only to the report dir (SPS_REPORT_DIR, relative to the user's folder),
// replaces what a previous run left there, leaves the suite's own files alone (its content hash stays),
// and refuses a folder of zips that are not blob reports with one line, without unpacking them.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildZip } from '../generators/zip-bytes.ts';
import { suiteHash } from '../suite/report/certificate/suite-hash.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}bin/sps-conformance.js`;

function cli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; err: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SPS_|FC_)/.test(k)));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...clean, ...env } });
    let err = '';
    child.stdout.on('data', () => undefined);
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('exit', (code) => resolve({ code, err }));
  });
}

test('merge refuses a folder of zips that are not blob reports: exit 2, one line, nothing unpacked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sps-notblob-'));
  try {
    writeFileSync(join(dir, 'plugin.zip'), await buildZip([{ name: 'MANIFEST', content: 'name: x\n' }]));
    writeFileSync(join(dir, 'garbage.zip'), 'not a zip at all');
    const before = readdirSync(dir).sort();
    const res = await cli(['merge', dir], dir, { SPS_REPORT_DIR: join(dir, '..', `${dir}-out`) });
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/is not a Playwright blob report/);
    expect(res.err.trimEnd().split('\n')).toHaveLength(1);
    expect(res.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).sort()).toEqual(before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('merge writes html, JUnit and the certificate only to the report dir, replacing stale ones', async () => {
  const work = mkdtempSync(join(tmpdir(), 'sps-merge-'));
  const hashBefore = suiteHash().value;
  try {
    const env = { SPS_BLOB_DIR: 'blob', SPS_REPORT_DIR: 'shard', FC_RUNS: '3' };
    const shard = await cli(['run', '--', '--shard', '1/1', '--grep', '@AUTH-LOGIN-001'], work, env);
    expect(shard.code, shard.err).toBe(0);
    mkdirSync(join(work, 'merged'));
    writeFileSync(join(work, 'merged', 'junit.xml'), '<stale/>');
    const merged = await cli(['merge', 'blob'], work, { SPS_REPORT_DIR: 'merged' });
    expect(merged.code, merged.err).toBe(0);
    expect(readdirSync(join(work, 'merged'))).toEqual(
      expect.arrayContaining(['certificate.json', 'certificate.md', 'certificate.html', 'junit.xml', 'html']),
    );
    expect(readFileSync(join(work, 'merged', 'junit.xml'), 'utf8')).not.toContain('<stale/>');
    // The --grep of the shard travels in its facts: the merge is PARTIAL, not COMPLETE.
    expect(JSON.parse(readFileSync(join(work, 'merged', 'certificate.json'), 'utf8')).run.status).toBe('PARTIAL');
    expect(existsSync(join(ROOT, 'suite', 'report', 'reporter', 'reports'))).toBe(false);
    expect(suiteHash().value).toBe(hashBefore);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
