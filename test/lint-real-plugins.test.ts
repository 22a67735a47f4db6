// Every MANIFEST of the real SPS plugins (HEAD and MANIFEST.history), built into a zip with a main.py
// and the repo's default.cfg, lints valid, but for the one whose YAML is broken ("entry_point=main.py").
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MAIN_PY } from '../generators/plugin-zip.ts';
import { buildZip, type ZipFile } from '../generators/zip-bytes.ts';
import { inspectPlugin } from '../contract/plugin/inspect.ts';
import { profile } from '../contract/profiles.ts';

import { sharedPath } from './shared-folder.ts';

/** The shared research beside the repo (or SPS_SHARED_DIR); asked inside each test, which fails when it is missing. */
const realPlugins = () => sharedPath('spec', 'real-plugins');
const INVALID_YAML = ['safeguard-sessions-plugin-safeguard/MANIFEST.history/MANIFEST@2019-04-25_d6d4b02'];

function manifests(): string[] {
  const REAL_PLUGINS = realPlugins();
  const found: string[] = [];
  for (const repo of readdirSync(REAL_PLUGINS)) {
    const dir = join(REAL_PLUGINS, repo);
    if (!statSync(dir).isDirectory()) continue;
    if (existsSync(join(dir, 'MANIFEST'))) found.push(join(dir, 'MANIFEST'));
    const history = join(dir, 'MANIFEST.history');
    if (existsSync(history)) for (const f of readdirSync(history).sort()) found.push(join(history, f));
  }
  return found;
}

function filesFor(manifestPath: string): ZipFile[] {
  const REAL_PLUGINS = realPlugins();
  const repoDir = join(REAL_PLUGINS, relative(REAL_PLUGINS, manifestPath).split('/')[0]!);
  const files: ZipFile[] = [
    { name: 'MANIFEST', content: readFileSync(manifestPath) },
    { name: 'main.py', content: MAIN_PY },
  ];
  const cfg = join(repoDir, 'default.cfg');
  if (existsSync(cfg)) files.push({ name: 'default.cfg', content: readFileSync(cfg) });
  return files;
}

test('every real MANIFEST lints valid but the one with broken YAML', async () => {
  const REAL_PLUGINS = realPlugins();
  const all = manifests();
  expect(all.length).toBeGreaterThan(70);
  const outcome: Record<string, string[]> = {};
  for (const path of all) {
    const result = await inspectPlugin(await buildZip(filesFor(path)), { profile: profile('7.x') });
    outcome[relative(REAL_PLUGINS, path)] = result.problems.map((p) => p.rule);
    if (result.problems.length === 0) expect(result.manifest?.name, path).toMatch(/^[A-Za-z]/);
  }
  const invalid = Object.fromEntries(Object.entries(outcome).filter(([, rules]) => rules.length > 0));
  expect(invalid).toEqual(Object.fromEntries(INVALID_YAML.map((p) => [p, ['manifest.invalid-yaml']])));
});

test('real MANIFEST values come back as written', async () => {
  const REAL_PLUGINS = realPlugins();
  const read = async (repo: string) =>
    (await inspectPlugin(await buildZip(filesFor(join(REAL_PLUGINS, repo, 'MANIFEST'))), { profile: profile('7.x') }))
      .manifest;
  expect(await read('safeguard-sessions-plugin-sra-initiated')).toMatchObject({
    api: '1.7.0',
    version: '1.1.0',
    scbMaxVersion: '8.0.0~',
    scbMinVersion: '',
  });
  expect(await read('safeguard-sessions-plugin-pingid')).toMatchObject({ version: '0.3', api: '1.3' });
  expect(await read('safeguard-sessions-plugin-sample-aa-plugin-for-shared-sessions')).toMatchObject({
    version: '1.0',
    scbMinVersion: '8.1.0',
  });
});
