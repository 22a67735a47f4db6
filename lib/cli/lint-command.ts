// `sps-conformance lint FILE.zip...`: every packaging rule each zip breaks, by the same inspectPlugin the
// emulator's upload uses. Exit 0 all valid, 1 some invalid, 2 a usage mistake (e.g. a missing file).
import { readFile, stat } from 'node:fs/promises';
import { inspectPlugin, type PluginManifest, type Problem } from '../plugin/inspect.ts';
import { DEFAULT_PROFILE, profile, type ProfileName } from '../target/profiles.ts';
import { UsageError } from './usage-error.ts';

export interface LintResult {
  file: string;
  valid: boolean;
  problems: Problem[];
  /** What SPS would report for the plugin, when its MANIFEST could be read. */
  manifest?: PluginManifest;
}

async function readZip(file: string): Promise<Buffer> {
  try {
    if ((await stat(file)).isDirectory()) throw new UsageError(`${file} is a directory, not a zip file`);
    return await readFile(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(error)}`);
  }
}

export async function lintFile(file: string, profileName: ProfileName = DEFAULT_PROFILE): Promise<LintResult> {
  const { problems, manifest } = await inspectPlugin(await readZip(file), { profile: profile(profileName) });
  return { file, valid: problems.length === 0, problems, ...(manifest ? { manifest } : {}) };
}

export function formatHuman(results: readonly LintResult[], profileName: ProfileName): string {
  const lines = results.map((r) => {
    if (r.valid) return `${r.file}: valid (${r.manifest?.type ?? '?'} plugin ${r.manifest?.name ?? '?'} ${r.manifest?.version ?? ''})`.trimEnd();
    return [`${r.file}: INVALID`, ...r.problems.map((p) => `  - [${p.rule}] ${p.message}`)].join('\n');
  });
  const invalid = results.filter((r) => !r.valid).length;
  lines.push(`${results.length} checked against SPS ${profileName}: ${results.length - invalid} valid, ${invalid} invalid`);
  return lines.join('\n');
}

export async function lintCommand(files: readonly string[], options: { json?: boolean; profile?: ProfileName }): Promise<number> {
  const profileName = options.profile ?? DEFAULT_PROFILE;
  // Every file is read before any is reported, so a usage mistake prints nothing but its one line.
  const results: LintResult[] = [];
  for (const file of files) results.push(await lintFile(file, profileName));
  process.stdout.write(`${options.json ? JSON.stringify(results, null, 2) : formatHuman(results, profileName)}\n`);
  return results.every((r) => r.valid) ? 0 : 1;
}
