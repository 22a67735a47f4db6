import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaProblems } from '../contract/validators.ts';
import type { Requirement } from '../contract/catalog.ts';
import { canonicalJson } from '../suite/report/certificate/canonical-json.ts';
import { buildCertificate, type Certificate } from '../suite/report/certificate/certificate.ts';
import { certificateMarkdown } from '../suite/report/certificate/certificate-markdown.ts';
import { checkSeal, seal, sealValue } from '../suite/report/certificate/seal.ts';
import { runSecrets, scrubText } from '../suite/report/redact.ts';
import { safetyResult, targetBrokeReason } from '../suite/report/certificate/run-facts.ts';
import { conformanceScore } from '../suite/report/certificate/score.ts';
import { suiteHash } from '../suite/report/certificate/suite-hash.ts';
import type { TestRecord } from '../suite/report/certificate/verdicts.ts';

import { sampleFacts as facts } from './report-sample-facts.ts';

const BIN = fileURLToPath(new URL('../bin/sps-conformance.js', import.meta.url));

const req = (id: string, area: string): Requirement => ({
  id,
  area,
  statement: `${id} holds`,
  source: 'seed',
  basis: 'documented',
  profiles: ['all'],
});
const rec = (ids: string[], outcome: TestRecord['outcome'], message?: string): TestRecord => ({
  title: `t ${ids.join(' ')}`,
  file: 'specs/x.spec.ts',
  requirementIds: ids,
  outcome,
  ...(message ? { message } : {}),
});
const catalog = [
  req('A-1', 'auth'),
  req('A-2', 'auth'),
  req('P-1', 'plugins'),
  req('P-2', 'plugins'),
  req('P-3', 'plugins'),
];
const records = [
  rec(['A-1'], 'passed'),
  rec(['A-2'], 'failed', 'boom'),
  rec(['P-1'], 'error', 'target broke'),
  rec(['P-2'], 'skipped', 'writes are off'),
];
const hash = { algorithm: 'sha256' as const, covers: ['lib'], files: 1, value: 'a'.repeat(64) };

function certificate(extra: Partial<Parameters<typeof buildCertificate>[0]> = {}): Certificate {
  return buildCertificate({ catalog, records, facts: [facts()], setupFailed: false, suiteHash: hash, ...extra });
}

test('canonical JSON sorts keys at every depth and ignores formatting', () => {
  expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
  expect(canonicalJson(JSON.parse('{ "z": 1,\n "y": {"b": 2, "a": 1} }'))).toBe(
    canonicalJson({ y: { a: 1, b: 2 }, z: 1 }),
  );
});

test('the certificate is sealed: any edit, even inside a verdict, is detected; key order is not an edit', () => {
  const c = certificate() as unknown as Record<string, unknown>;
  expect(checkSeal(c)).toEqual({ state: 'intact' });
  const reordered = Object.fromEntries(Object.entries(c).reverse());
  expect(checkSeal(reordered).state).toBe('intact');
  const edited = JSON.parse(JSON.stringify(c)) as Certificate;
  edited.requirements[1]!.verdict = 'PASS';
  expect(checkSeal(edited as unknown as Record<string, unknown>).state).toBe('altered');
  expect(checkSeal({ ...c, integrity: undefined }).state).toBe('unsealed');
  expect(sealValue(c)).toBe((c.integrity as { value: string }).value);
});

test('verdicts, totals per area and the score: the denominator is every applicable requirement', () => {
  const c = certificate();
  expect(c.requirements.map((r) => [r.id, r.verdict])).toEqual([
    ['A-1', 'PASS'],
    ['A-2', 'FAIL'],
    ['P-1', 'ERROR'],
    ['P-2', 'SKIPPED'],
    ['P-3', 'NOT-TESTED'],
  ]);
  expect(c.areas).toEqual([
    { area: 'auth', totals: { PASS: 1, FAIL: 1, WARN: 0, ERROR: 0, SKIPPED: 0, 'NOT-TESTED': 0 } },
    { area: 'plugins', totals: { PASS: 0, FAIL: 0, WARN: 0, ERROR: 1, SKIPPED: 1, 'NOT-TESTED': 1 } },
  ]);
  expect(c.score).toMatchObject({ passed: 1, applicable: 5, value: 0.2 });
  expect(c.score.definition).toContain('NOT-TESTED');
  expect(conformanceScore([]).value).toBeNull();
  expect(c.requirements[3]!.reason).toBe('writes are off');
  expect(c.target.version).toBe('7.4.0');
});

test('the run is INVALID when setup failed, the target broke, it was interrupted, or a shard is missing', () => {
  expect(certificate().run).toMatchObject({ status: 'COMPLETE', reasons: [] });
  expect(certificate({ setupFailed: true }).run.reasons.join()).toContain('conformance-setup');
  expect(
    certificate({ facts: [facts({ targetBroke: 'the target stopped answering during the run: ECONNRESET' })] }).run,
  ).toMatchObject({ status: 'INVALID' });
  expect(certificate({ facts: [facts({ playwrightStatus: 'interrupted' })] }).run.status).toBe('INVALID');
  const shard1 = facts({ shard: { current: 1, total: 2 } });
  expect(certificate({ facts: [shard1] }).run.reasons).toEqual(['shard 2 of 2 is missing from the merge']);
  const both = certificate({
    facts: [
      shard1,
      facts({ shard: { current: 2, total: 2 }, seed: 7, safety: { clean: false, leftovers: ['/x'], changed: [] } }),
    ],
  });
  expect(both.run).toMatchObject({ status: 'COMPLETE', shards: 2 });
  expect(both.run.notes.join()).toContain('different fast-check seeds');
  expect(both.safety).toEqual({ clean: false, leftovers: ['/x'], changed: [] });
});

test("the sentinel's reason and the teardown's comparison come from the tests' results", () => {
  expect(targetBrokeReason(undefined)).toBeNull();
  expect(targetBrokeReason('GET /api/info timed out')).toBe(
    'the target stopped answering during the run: GET /api/info timed out',
  );
  expect(safetyResult(undefined), 'no teardown attachment: no safety check').toBeNull();
  expect(safetyResult({ runId: 'x', leftovers: [], changed: ['/api/a'] })).toEqual({
    clean: false,
    leftovers: [],
    changed: ['/api/a'],
  });
  expect(safetyResult({ runId: 'x', leftovers: [], changed: [] })).toEqual({ clean: true, leftovers: [], changed: [] });
  expect(safetyResult('garbage'), 'an unreadable comparison is never clean').toEqual({
    clean: false,
    leftovers: [],
    changed: [],
  });
});

test('a built certificate satisfies schemas/certificate.schema.json, and the schema rejects a leaked password', () => {
  const c = certificate();
  expect(schemaProblems('certificate', c)).toEqual([]);
  // The one problem meant, not any problem: a schema broken elsewhere must not pass this test.
  expect(schemaProblems('certificate', { ...c, settings: { ...c.settings, password: 'hunter22' } })).toContain(
    'certificate/settings/password: must be equal to constant',
  );
  expect(schemaProblems('certificate', { ...c, run: { ...c.run, status: 'INVALID', reasons: [] } })).toContain(
    'certificate/run/reasons: must NOT have fewer than 1 items',
  );
});

test('certificate.md shows the run status, the score with its definition, area totals and every verdict', () => {
  const md = certificateMarkdown(certificate({ setupFailed: true }));
  expect(md).toContain('Run status: **INVALID**');
  expect(md).toMatch(/Conformance score: 20\.0 %.*1 PASS of 5 applicable/);
  expect(md).toContain('| auth | 1 | 1 | 0 | 0 | 0 |');
  for (const [id, verdict] of [
    ['A-2', 'FAIL'],
    ['P-3', 'NOT-TESTED'],
  ])
    expect(md).toMatch(new RegExp(`\\| ${id} \\|[^\\n]*\\*\\*${verdict}\\*\\*`));
});

test('the suite hash changes with any byte or path and not with anything else', () => {
  const root = mkdtempSync(join(tmpdir(), 'sps-suite-'));
  mkdirSync(join(root, 'suite'));
  mkdirSync(join(root, 'specs'));
  writeFileSync(join(root, 'suite', 'a.ts'), 'one');
  writeFileSync(join(root, 'README.md'), 'not hashed');
  const first = suiteHash(root);
  expect(first.files).toBe(1);
  writeFileSync(join(root, 'README.md'), 'changed, still not hashed');
  expect(suiteHash(root).value).toBe(first.value);
  writeFileSync(join(root, 'suite', 'a.ts'), 'onE');
  const edited = suiteHash(root).value;
  expect(edited).not.toBe(first.value);
  writeFileSync(join(root, 'suite', 'a.ts'), 'one');
  writeFileSync(join(root, 'specs', 'b.ts'), '');
  expect(suiteHash(root).value, 'an empty new file changes it too').not.toBe(first.value);
});

test('scrubbing replaces known secrets and any session cookie; the public emulator password is no secret', () => {
  expect(scrubText('cookie session_id=abc123; x pw=s3cr3t-Pw', ['s3cr3t-Pw'])).toBe(
    'cookie session_id=$SPS_SESSION_ID; x pw=$SPS_SECRET',
  );
  expect(runSecrets({ password: 'sps-conformance' }, 'sps-conformance')).toEqual([]);
  expect(runSecrets({ password: 'real-one' }, 'sps-conformance')).toEqual(['real-one']);
});

test('sps-conformance verify: 0 intact, 1 altered, 2 not a certificate; it compares the suite hash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sps-verify-'));
  const good = join(dir, 'good.json');
  const c = buildCertificate({ catalog, records, facts: [facts()], setupFailed: false, suiteHash: suiteHash() });
  writeFileSync(good, JSON.stringify(c, null, 2));
  const run = (file: string) =>
    spawnSync(process.execPath, [BIN, 'verify', file], { encoding: 'utf8', timeout: 30_000 });
  const intact = run(good);
  expect(intact.status, intact.stderr).toBe(0);
  expect(intact.stdout).toContain('INTACT');
  expect(intact.stdout).toMatch(/suite: content hash (matches|DIFFERS)/);
  expect(intact.stdout).toContain('schema: valid');
  const altered = join(dir, 'altered.json');
  writeFileSync(altered, JSON.stringify({ ...c, totals: { ...c.totals, PASS: 5 } }));
  const res = run(altered);
  expect(res.status).toBe(1);
  expect(res.stdout).toContain('ALTERED');
  const foreign = join(dir, 'foreign.json');
  writeFileSync(
    foreign,
    JSON.stringify({ ...c, suite: { ...c.suite, contentHash: { ...c.suite.contentHash, value: 'b'.repeat(64) } } }),
  );
  expect(run(foreign).stdout, 'an edited suite hash is an alteration').toContain('ALTERED');
  const otherSuite = join(dir, 'other-suite.json');
  writeFileSync(
    otherSuite,
    JSON.stringify(
      seal({ ...c, suite: { ...c.suite, contentHash: { ...c.suite.contentHash, value: 'b'.repeat(64) } } }),
    ),
  );
  const other = run(otherSuite);
  expect(other.status, 'intact, though made by another suite').toBe(0);
  expect(other.stdout).toContain('content hash DIFFERS from the installed suite');
  writeFileSync(join(dir, 'plain.json'), '{"a":1}');
  expect(run(join(dir, 'plain.json')).status).toBe(2);
  expect(run(join(dir, 'missing.json')).status).toBe(2);
});

test('the score counts the documented, observed and standard requirements; the inferred ones get their own line', () => {
  const score = conformanceScore([
    { basis: 'documented', verdict: 'PASS' },
    { basis: 'observed', verdict: 'FAIL' },
    { basis: 'standard', verdict: 'PASS' },
    { basis: 'inferred', verdict: 'WARN' },
    { basis: 'inferred', verdict: 'PASS' },
  ]);
  expect(score).toMatchObject({
    passed: 2,
    applicable: 3,
    value: 0.6667,
    inferred: { passed: 1, warned: 1, failed: 0, applicable: 2 },
  });
});
