// The plugin zip generator's labels are true: inspectPlugin finds no problem in a valid case and exactly
// the labelled rule in a broken one. fc.assert checks every case it tries, shrunk ones included.
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import {
  brokenPluginZip,
  minimalPluginZip,
  pluginZipBytes,
  pluginZipDefectRules,
  pluginZipWith,
  validPluginZip,
  ZIP_DEFECT_RULES,
  type PluginZipCase,
} from '../generators/plugin-zip.ts';
import { inspectPlugin } from '../contract/plugin/inspect.ts';
import { PROFILE_NAMES, profile, type ProfileName } from '../contract/profiles.ts';
import { loadSettings } from '../suite/target/settings.ts';

const { fcSeed, fcRuns } = loadSettings();

async function rulesOf(c: PluginZipCase, name: ProfileName): Promise<string[]> {
  return (await inspectPlugin(await pluginZipBytes(c), { profile: profile(name) })).problems.map((p) => p.rule);
}

for (const name of PROFILE_NAMES) {
  test(`valid plugin zips have no problems and report their MANIFEST (${name})`, async () => {
    await fc.assert(
      fc.asyncProperty(validPluginZip(profile(name)), async (c) => {
        const result = await inspectPlugin(await pluginZipBytes(c), { profile: profile(name) });
        expect(result.problems).toEqual([]);
        expect(result.manifest).toEqual(c.manifest);
        expect(c).toMatchObject({ defects: [], expect: { status: 201 } });
      }),
      { seed: fcSeed, numRuns: fcRuns },
    );
  });

  test(`broken plugin zips break exactly their label (${name})`, async () => {
    // Every rule each run in the default profile; a random mix in the others.
    const rules = name === '7.x' ? pluginZipDefectRules(profile(name)) : [];
    for (const rule of rules) {
      await fc.assert(
        fc.asyncProperty(pluginZipWith(rule, profile(name)), async (c) => {
          expect(c.defects).toEqual([rule]);
          expect(await rulesOf(c, name), rule).toEqual([rule]);
        }),
        { seed: fcSeed, numRuns: rule === 'zip.too-large' ? 2 : Math.max(5, Math.ceil(fcRuns / 2)) },
      );
    }
    const cheap = pluginZipDefectRules(profile(name)).filter((r) => r !== 'zip.too-large');
    await fc.assert(
      fc.asyncProperty(brokenPluginZip(profile(name), cheap), async (c) => {
        expect(c.defects).toHaveLength(1);
        expect(await rulesOf(c, name)).toEqual(c.defects);
      }),
      { seed: fcSeed, numRuns: fcRuns * 2 },
    );
  });
}

test('expectations follow the decisions: 413 for too large, 400 SemanticError otherwise', () => {
  for (const rule of ZIP_DEFECT_RULES) {
    const [c] = fc.sample(pluginZipWith(rule === 'zip.too-large' ? 'zip.empty' : rule, profile('7.x')), {
      seed: fcSeed,
      numRuns: 1,
    });
    expect(c!.expect).toEqual({ status: 400, code: 'SemanticError' });
  }
  const [large] = fc.sample(pluginZipWith('zip.too-large', profile('7.x')), { seed: fcSeed, numRuns: 1 });
  expect(large!.expect).toEqual({ status: 413, code: 'PayloadTooLarge' });
});

test('the minimal plugin stays valid', async () => {
  await fc.assert(
    fc.asyncProperty(minimalPluginZip(), async (c) => {
      expect(await rulesOf(c, '6.0')).toEqual([]);
    }),
    { seed: fcSeed, numRuns: fcRuns },
  );
});

test('a near-20 MB valid plugin is still valid (opt-in large arbitrary)', async () => {
  const [c] = fc.sample(validPluginZip(profile('7.x'), { large: true }), { seed: fcSeed, numRuns: 1 });
  const bytes = await pluginZipBytes(c!);
  expect(bytes.length).toBeGreaterThan(1 << 20);
  expect((await inspectPlugin(bytes, { profile: profile('7.x') })).problems).toEqual([]);
});
