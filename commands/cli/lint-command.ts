// `sps-conformance lint FILE.zip...`: every packaging rule each zip breaks, by the same inspectPlugin the
// emulator's upload uses, and warnings where SPS will read a MANIFEST value otherwise than it looks
// (YAML 1.1: "version: 1.10" is shown as "1.1"). Exit 0 all valid, 1 some invalid (or, with --strict,
// some warned about), 2 a usage mistake (e.g. a missing file).
import { FileReadError, readRegularFile } from '../../contract/regular-file.ts';
import { inspectPlugin, type PluginManifest, type Problem, type Warning } from '../../contract/plugin/inspect.ts';
import { UPLOAD_LIMIT_BYTES } from '../../contract/plugin/limits.ts';
import { DEFAULT_PROFILE, profile, type ProfileName } from '../../contract/profiles.ts';
import { UsageError } from './usage-error.ts';

export interface LintResult {
  file: string;
  valid: boolean;
  problems: Problem[];
  /** Values SPS will read otherwise than they look; they do not make the plugin invalid. */
  warnings: Warning[];
  /** What SPS would report for the plugin, when its MANIFEST could be read. */
  manifest?: PluginManifest;
}

export interface LintOptions {
  json?: boolean;
  /** Warnings fail the run too. */
  strict?: boolean;
  profile?: ProfileName;
}

/** Past the 20 MiB limit, so the size rule still reports the size; a bigger file is not read at all. */
const LINT_READ_MAX_BYTES = UPLOAD_LIMIT_BYTES + 1024 * 1024;

/** The zip's bytes; undefined when it is too large to be worth reading (the size rule fails anyway). */
async function readZip(file: string): Promise<Buffer | undefined> {
  try {
    return await readRegularFile(file, LINT_READ_MAX_BYTES);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    if (error.code === 'ETOOBIG') return undefined;
    if (error.code === 'ENOTREG')
      throw new UsageError(`${file} is not a regular file (a directory, device or pipe), not a zip file`);
    throw new UsageError(error.message);
  }
}

export async function lintFile(file: string, profileName: ProfileName = DEFAULT_PROFILE): Promise<LintResult> {
  const bytes = await readZip(file);
  if (!bytes)
    return {
      file,
      valid: false,
      problems: [{ rule: 'zip.too-large', message: `The zip file is larger than ${UPLOAD_LIMIT_BYTES} bytes` }],
      warnings: [],
    };
  const { problems, warnings, manifest } = await inspectPlugin(bytes, { profile: profile(profileName) });
  return { file, valid: problems.length === 0, problems, warnings, ...(manifest ? { manifest } : {}) };
}

function warningLines(r: LintResult): string[] {
  return r.warnings.map((w) => `  ! [${w.rule}] line ${w.line}: ${w.message}`);
}

export function formatHuman(results: readonly LintResult[], profileName: ProfileName): string {
  const lines = results.map((r) => {
    const head = r.valid
      ? `${r.file}: valid (${r.manifest?.type ?? '?'} plugin ${r.manifest?.name ?? '?'} ${r.manifest?.version ?? ''})`.trimEnd()
      : `${r.file}: INVALID`;
    return [head, ...r.problems.map((p) => `  - [${p.rule}] ${p.message}`), ...warningLines(r)].join('\n');
  });
  const invalid = results.filter((r) => !r.valid).length;
  const warned = results.filter((r) => r.warnings.length > 0).length;
  const warnedText = warned > 0 ? `, ${warned} with warnings` : '';
  lines.push(
    `${results.length} checked against SPS ${profileName}: ${results.length - invalid} valid, ${invalid} invalid${warnedText}`,
  );
  return lines.join('\n');
}

export async function lintCommand(files: readonly string[], options: LintOptions): Promise<number> {
  const profileName = options.profile ?? DEFAULT_PROFILE;
  // Every file is read before any is reported, so a usage mistake prints nothing but its one line.
  const results: LintResult[] = [];
  for (const file of files) results.push(await lintFile(file, profileName));
  process.stdout.write(`${options.json ? JSON.stringify(results, null, 2) : formatHuman(results, profileName)}\n`);
  const failed = results.some((r) => !r.valid || (options.strict === true && r.warnings.length > 0));
  return failed ? 1 : 0;
}
