// `sps-conformance lint FILE.zip...`: every packaging rule each zip breaks. Exit 0 all valid, 1 some invalid.
import { readFile } from 'node:fs/promises';
import { inspectPlugin, type Problem } from '../plugin/inspect.ts';
import { DEFAULT_PROFILE, profile, type ProfileName } from '../target/profiles.ts';
import { UsageError } from './usage-error.ts';

export interface LintResult {
  file: string;
  valid: boolean;
  problems: Problem[];
}

async function lintOne(file: string, profileName: ProfileName): Promise<LintResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(error)}`);
  }
  const { problems } = await inspectPlugin(bytes, { profile: profile(profileName) });
  return { file, valid: problems.length === 0, problems };
}

function human(results: readonly LintResult[]): string {
  return results
    .map((r) => (r.valid ? `${r.file}: valid` : [`${r.file}: INVALID`, ...r.problems.map((p) => `  - [${p.rule}] ${p.message}`)].join('\n')))
    .join('\n');
}

export async function lintCommand(files: readonly string[], options: { json?: boolean; profile?: ProfileName }): Promise<number> {
  const results: LintResult[] = [];
  for (const file of files) results.push(await lintOne(file, options.profile ?? DEFAULT_PROFILE));
  process.stdout.write(`${options.json ? JSON.stringify(results, null, 2) : human(results)}\n`);
  return results.every((r) => r.valid) ? 0 : 1;
}
