// The MANIFEST generator's labels are true: a valid document is read back as exactly the fields it was
// built with, and a broken one breaks exactly the rule its label names, in every profile.
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { buildZip } from '../generators/zip-bytes.ts';
import { MAIN_PY } from '../generators/plugin-zip.ts';
import { manifestDefectRules, manifestWith, validManifest, type ManifestCase } from '../generators/manifest.ts';
import { inspectPlugin } from '../contract/plugin/inspect.ts';
import { PROFILE_NAMES, profile } from '../contract/profiles.ts';
import { loadSettings } from '../suite/target/settings.ts';

const { fcSeed, fcRuns } = loadSettings();

async function inspectCase(c: ManifestCase, profileName: (typeof PROFILE_NAMES)[number]) {
  const files = [
    { name: 'MANIFEST', content: c.text },
    ...(c.entryFile ? [{ name: c.entryFile, content: MAIN_PY }] : []),
  ];
  return inspectPlugin(await buildZip(files), { profile: profile(profileName) });
}

for (const name of PROFILE_NAMES) {
  test(`valid MANIFESTs read back as built (${name})`, async () => {
    await fc.assert(
      fc.asyncProperty(validManifest(profile(name)), async (c) => {
        const result = await inspectCase(c, name);
        expect(result.problems).toEqual([]);
        expect(result.manifest).toEqual(c.expected);
        expect(c.defects).toEqual([]);
        expect(c.expect.status).toBe(201);
      }),
      { seed: fcSeed, numRuns: fcRuns },
    );
  });

  test(`each broken MANIFEST breaks exactly its label (${name})`, async () => {
    for (const rule of manifestDefectRules(profile(name))) {
      await fc.assert(
        fc.asyncProperty(manifestWith(rule, profile(name)), async (c) => {
          expect(c.defects).toEqual([rule]);
          expect(c.expect).toEqual({ status: 400, code: 'SemanticError' });
          const rules = (await inspectCase(c, name)).problems.map((p) => p.rule);
          expect(rules, `${rule}\n${c.text}`).toEqual([rule]);
        }),
        { seed: fcSeed, numRuns: Math.max(5, Math.ceil(fcRuns / 2)) },
      );
    }
  });
}

test('the generator covers every MANIFEST rule inspectPlugin knows', () => {
  const rules = manifestDefectRules(profile('7.x'));
  for (const f of ['name', 'api', 'version', 'type']) {
    expect(rules).toContain(`manifest.missing-field:${f}`);
    expect(rules).toContain(`manifest.empty-field:${f}`);
  }
  expect(rules).toEqual(
    expect.arrayContaining([
      'manifest.invalid-yaml',
      'manifest.not-a-mapping',
      'manifest.type-unknown',
      'manifest.name-pattern',
      'manifest.entry-point-pattern',
      'manifest.version-pattern',
      'manifest.api-format',
      'manifest.api-incompatible',
      'manifest.author-email',
    ]),
  );
});
