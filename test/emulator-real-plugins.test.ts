// Every real plugin MANIFEST published by One Identity (shared/spec/real-plugins, HEAD and history)
// uploads to the emulator and comes back exactly as written; the one that is not YAML is refused.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildZip, type ZipFile } from '../generators/zip-bytes.ts';
import { clientFor, emulatorWith, expect, expectError, json, test, TX } from './emulator-fixtures.ts';

import { sharedPath } from './shared-folder.ts';

/** The shared research beside the repo (or SPS_SHARED_DIR), or why it is missing. */
function realPluginsDir(): { dir: string; missing?: undefined } | { dir?: undefined; missing: string } {
  try {
    return { dir: sharedPath('spec', 'real-plugins') };
  } catch (error) {
    return { missing: (error as Error).message };
  }
}
const { dir: REAL_PLUGINS = '', missing } = realPluginsDir();

interface RealManifest {
  /** Path relative to REAL_PLUGINS, for the test title. */
  id: string;
  text: string;
  defaultCfg: string | undefined;
}

function realManifests(): RealManifest[] {
  if (missing) return [];
  return readdirSync(REAL_PLUGINS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((repo) => {
      const dir = join(REAL_PLUGINS, repo.name);
      const history = join(dir, 'MANIFEST.history');
      const files = [
        join(dir, 'MANIFEST'),
        ...(existsSync(history) ? readdirSync(history).map((f) => join(history, f)) : []),
      ].filter(existsSync);
      const cfgFile = join(dir, 'default.cfg');
      const defaultCfg = existsSync(cfgFile) ? readFileSync(cfgFile, 'utf8') : undefined;
      return files.map((file) => ({ id: relative(REAL_PLUGINS, file), text: readFileSync(file, 'utf8'), defaultCfg }));
    });
}

/**
 * The oracle, independent of contract/plugin: these MANIFESTs are flat `key: value` lines, so the value as
 * written is the text after the colon. A line that is neither that, a comment nor blank is not YAML.
 */
function writtenFields(text: string): Map<string, string> | 'not-yaml' {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!match) return 'not-yaml';
    fields.set(match[1]!, match[2]!);
  }
  return fields;
}

const manifests = realManifests();

test.describe('real plugin MANIFESTs', () => {
  test('the shared research folder is there', () => {
    // Fails loudly rather than skipping: without the folder none of the uploads below would run.
    expect(missing, 'shared/spec/real-plugins').toBeUndefined();
  });

  test("the set holds the research summary's 71 distinct MANIFESTs, exactly one of them not YAML", () => {
    // Each HEAD MANIFEST is also one of its repository's history files.
    expect(new Set(manifests.map((m) => m.text)).size).toBe(71);
    expect(manifests.filter((m) => writtenFields(m.text) === 'not-yaml').map((m) => m.id)).toHaveLength(1);
  });

  for (const real of manifests) {
    test(`upload ${real.id}`, async () => {
      const emu = await emulatorWith();
      try {
        const admin = await clientFor(emu);
        const files: ZipFile[] = [
          { name: 'MANIFEST', content: real.text },
          { name: 'main.py', content: '#!/usr/bin/env pluginwrapper3\n' },
          ...(real.defaultCfg !== undefined ? [{ name: 'default.cfg', content: real.defaultCfg }] : []),
        ];
        const zip = await buildZip(files);
        const res = await admin.upload(zip);
        const fields = writtenFields(real.text);
        if (fields === 'not-yaml') {
          expectError(res, 400, 'SemanticError');
          const rules = json<{ error: { details: { problems: { rule: string }[] } } }>(res).error.details.problems.map(
            (p) => p.rule,
          );
          expect(rules).toContain('manifest.invalid-yaml');
          return;
        }
        expect(res.status, res.body.toString('utf8').slice(0, 400)).toBe(201);
        const type = fields.get('type')!;
        expect(json<{ body: unknown }>(res).body).toEqual({
          api: fields.get('api'),
          default_configuration: real.defaultCfg ?? '',
          description: fields.get('description') ?? '',
          entry_point: fields.get('entry_point') ?? null,
          name: fields.get('name'),
          path: `/opt/scb/var/plugins/${type}/${fields.get('name')}`,
          scb_max_version: fields.get('scb_max_version') ?? '',
          scb_min_version: fields.get('scb_min_version') ?? '',
          sha256sum: createHash('sha256').update(zip).digest('hex'),
          version: fields.get('version'),
        });
        await admin.delete(TX);
      } finally {
        await emu.close();
      }
    });
  }
});
