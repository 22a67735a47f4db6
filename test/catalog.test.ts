// The requirement catalog is well-formed and joined to the rest of the suite: ids unique and stable in
// form, every field valid, every id a spec names exists, every packaging rule has its PKG- requirement.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { pluginZipDefectRules, pluginZipWith } from '../generators/plugin-zip.ts';
import { EVERY_RESPONSE_REQUIREMENTS } from '../specs/fixtures.ts';
import { PACKAGING_RULES } from '../contract/plugin/rules.ts';
import { BASES, CATALOG_FILE, loadCatalog } from '../contract/catalog.ts';
import { PROFILE_NAMES, profile } from '../contract/profiles.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PREFIXES = [
  'AUTH',
  'TX',
  'PLUGINS',
  'PLUGIN-DELETE',
  'UPLOAD',
  'PKG',
  'INTEGRITY',
  'AAINST',
  'CREDSTORE',
  'USERMAP',
  'TRUSTEDCA',
  'PASSWORDS',
  'META',
  'ERROR',
  'ROLES',
  'ROBUST',
  'SAFETY',
];
const FIELDS = new Set(['id', 'area', 'statement', 'source', 'basis', 'reasoning', 'profiles', 'rule', 'not_tested']);
const catalog = loadCatalog();

interface ListedSpec {
  tests: { annotations: { type: string; description?: string }[] }[];
}
interface ListedSuite {
  file: string;
  specs: ListedSpec[];
  suites?: ListedSuite[];
}

/** Requirement ids the conformance specs carry, as Playwright itself collects them (`--list`). */
function specRequirementIds(): Map<string, string> {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const env: NodeJS.ProcessEnv = { ...process.env, SPS_REPORT_DIR: 'reports/list' };
  const out = execFileSync(process.execPath, [cli, 'test', '--list', '--project=conformance', '--reporter=json'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const ids = new Map<string, string>();
  const visit = (suite: ListedSuite) => {
    for (const spec of suite.specs) {
      for (const t of spec.tests)
        for (const a of t.annotations)
          if (a.type === 'requirement' && a.description) ids.set(a.description, suite.file);
    }
    for (const child of suite.suites ?? []) visit({ ...child, file: child.file ?? suite.file });
  };
  for (const suite of (JSON.parse(out) as { suites: ListedSuite[] }).suites) visit(suite);
  for (const id of EVERY_RESPONSE_REQUIREMENTS) ids.set(id, 'specs/fixtures.ts');
  return ids;
}

const specIds = specRequirementIds();

test('the catalog file parses and every entry has only known fields', () => {
  const raw = parse(readFileSync(CATALOG_FILE, 'utf8')) as { requirements: Record<string, unknown>[] };
  expect(raw.requirements.length).toBeGreaterThan(100);
  for (const entry of raw.requirements) {
    const unknown = Object.keys(entry).filter((k) => !FIELDS.has(k));
    expect(unknown, String(entry.id)).toEqual([]);
  }
});

test('ids are unique and named by area', () => {
  const ids = catalog.map((r) => r.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  for (const id of ids) {
    expect(id, id).toMatch(/^[A-Z]+(-[A-Z0-9]+)+$/);
    expect(
      PREFIXES.some((p) => id.startsWith(`${p}-`)),
      id,
    ).toBe(true);
  }
});

test('every entry is complete: statement, source, basis, reasoning for inferred, profiles', () => {
  for (const r of catalog) {
    expect(r.area, r.id).toMatch(/^[a-z][a-z-]*$/);
    expect(r.statement, r.id).toMatch(/\b(MUST|MUST NOT|SHOULD|MAY)\b/);
    expect(r.source, r.id).toMatch(
      /seeds\/00[0-4]|shared\/spec|sps-api-facts|sps-rest-api|SDK_NOTES|decisions\.md|DESIGN\.md|SUMMARY\.md/,
    );
    expect(BASES, r.id).toContain(r.basis);
    // Each basis cites its kind of evidence: a standard names its RFC, an observation its real client or recording.
    if (r.basis === 'standard') expect(r.source, `${r.id} must cite an RFC section`).toMatch(/RFC \d+ section/);
    if (r.basis === 'observed')
      expect(r.source, `${r.id} must cite what was observed`).toMatch(
        /safeguard-ps|audit-2026-12|SDK_NOTES|real-plugins|expectations/,
      );
    if (r.basis === 'inferred') expect(r.reasoning?.trim().length ?? 0, `${r.id} needs reasoning`).toBeGreaterThan(10);
    expect(r.profiles.length, r.id).toBeGreaterThan(0);
    for (const p of r.profiles) expect(['all', ...PROFILE_NAMES], r.id).toContain(p);
    if (r.profiles.includes('all')) expect(r.profiles, r.id).toEqual(['all']);
  }
});

test('every requirement id a spec names is in the catalog', () => {
  const ids = new Set(catalog.map((r) => r.id));
  const used = specIds;
  expect(used.size).toBeGreaterThan(0);
  const missing = [...used].filter(([id]) => !ids.has(id)).map(([id, file]) => `${id} (${file})`);
  expect(missing).toEqual([]);
});

test('every packaging rule inspectPlugin reports has exactly one PKG- requirement', () => {
  const pkg = catalog.filter((r) => r.id.startsWith('PKG-')) as Array<(typeof catalog)[number] & { rule?: string }>;
  const byRule = new Map<string, string[]>();
  for (const r of pkg) if (r.rule) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r.id]);
  for (const rule of PACKAGING_RULES) expect(byRule.get(rule), rule).toHaveLength(1);
  for (const rule of byRule.keys()) expect(PACKAGING_RULES, rule).toContain(rule);
});

test('every requirement is checked by some spec, or says why it stays NOT-TESTED', () => {
  const unchecked = catalog.filter((r) => !specIds.has(r.id) && !r.not_tested?.trim()).map((r) => r.id);
  expect(unchecked).toEqual([]);
  const checkedAnyway = catalog.filter((r) => specIds.has(r.id) && r.not_tested).map((r) => r.id);
  expect(checkedAnyway, 'a requirement a spec checks must not claim to be untested').toEqual([]);
});

test('the generators build a case for every packaging rule, labelled with that rule alone', () => {
  for (const name of PROFILE_NAMES) {
    const p = profile(name);
    expect(new Set(pluginZipDefectRules(p))).toEqual(new Set(PACKAGING_RULES));
    for (const rule of PACKAGING_RULES.filter((r) => r !== 'zip.too-large' && r !== 'zip.bomb')) {
      const [sample] = fc.sample(pluginZipWith(rule, p), { numRuns: 1, seed: 1 });
      expect(sample?.defects, `${name} ${rule}`).toEqual([rule]);
    }
  }
});

test('where the seeds disagree the catalog splits by profile', () => {
  const of = (id: string) => catalog.find((r) => r.id === id)!.profiles;
  expect(of('PLUGIN-DELETE-001')).toEqual(['6.9', '7.x', '8.x', '9.x']);
  expect(of('PLUGIN-DELETE-405')).toEqual(['5.x', '6.0']);
  expect(of('PLUGINS-TICKETING-001')).toEqual(['5.x']);
  expect(of('UPLOAD-NAME-001')).toEqual(['5.x', '6.0']);
  expect(of('UPLOAD-NAME-002')).toEqual(['6.9', '7.x', '8.x', '9.x']);
});
