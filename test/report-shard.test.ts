// Two shards merged give the certificate an unsharded run gives: same verdict for every requirement.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Certificate } from '../suite/report/certificate/certificate.ts';
import { checkSeal } from '../suite/report/certificate/seal.ts';
import { INNER_RUN_TEST_TIMEOUT_MS, runCli } from './report-suite-run.ts';

const verdicts = (c: Certificate) => Object.fromEntries(c.requirements.map((r) => [r.id, r.verdict]));
const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'certificate.json'), 'utf8')) as Certificate;

test('sharded 2 ways and merged, the certificate has the verdicts of an unsharded run', async () => {
  test.setTimeout(INNER_RUN_TEST_TIMEOUT_MS);
  const work = mkdtempSync(join(tmpdir(), 'sps-shard-'));
  const blobs = join(work, 'blob');
  const same = { FC_SEED: '20240601', FC_RUNS: '5', SPS_RUN_ID: 'spscshardtest' };
  const shard = (i: number) =>
    runCli(['run', '--shard', `${i}/2`, '--output', join(work, `results-${i}`)], {
      ...same,
      SPS_BLOB_DIR: blobs,
      SPS_REPORT_DIR: join(work, `shard-${i}`),
    });
  const [whole, one, two] = await Promise.all([
    runCli(['run', '--output', join(work, 'results-whole')], { ...same, SPS_REPORT_DIR: join(work, 'whole') }),
    shard(1),
    shard(2),
  ]);
  for (const [name, r] of Object.entries({ whole, one, two }))
    expect(r.code, `${name}: ${r.stdout.slice(-800)}${r.stderr.slice(-800)}`).toBe(0);
  // Only Playwright's blob reports: the shards' facts travel inside them (config metadata, attachments).
  expect(readdirSync(blobs).sort()).toEqual(['report-1-of-2.zip', 'report-2-of-2.zip']);
  expect(readdirSync(join(work, 'shard-1')), 'a shard writes no certificate of its own').not.toContain(
    'certificate.json',
  );

  const merged = await runCli(['merge', blobs], { SPS_REPORT_DIR: join(work, 'merged') });
  expect(merged.code, merged.stdout + merged.stderr).toBe(0);
  const a = read(join(work, 'whole'));
  const b = read(join(work, 'merged'));
  expect(verdicts(b)).toEqual(verdicts(a));
  expect(b.totals).toEqual(a.totals);
  expect(b.run).toMatchObject({ status: 'COMPLETE', shards: 2, id: 'spscshardtest' });
  expect(b.seed).toBe(20240601);
  expect(b.target.infoError, "the shards' setup attached the target's identity").toBeUndefined();
  expect(b.target.reported.hostname).toBe('sps-conformance-emulator');
  expect(b.safety, "the shards' teardowns attached their inventory comparisons").toEqual({
    clean: true,
    leftovers: [],
    changed: [],
  });
  expect(a.run.shards).toBe(1);
  expect(checkSeal(b as unknown as Record<string, unknown>).state).toBe('intact');
  expect(readdirSync(join(work, 'merged'))).toEqual(
    expect.arrayContaining(['certificate.html', 'certificate.md', 'junit.xml', 'html']),
  );
});

test('merge refuses a directory without blob reports (exit 2)', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'sps-noblob-'));
  const res = await runCli(['merge', empty], {});
  expect(res.code).toBe(2);
  expect(res.stderr).toContain('no blob reports');
});
