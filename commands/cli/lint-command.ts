// `sps-conformance lint PATH...`: every packaging rule each plugin zip (or plugin folder, linted as it
// would be zipped) breaks, by the same inspectPlugin the emulator's upload uses, plus warnings: values
// SPS reads otherwise than they look (YAML 1.1: "version: 1.10" is shown as "1.1") and junk files.
// Output as text, json, sarif or github (lint-format.ts). Exit 0 all valid and warnings within
// --max-warnings, 1 some invalid or too many warnings (--strict: any), 2 a usage mistake.
import { statSync } from 'node:fs';
import { FileReadError, readRegularFile } from '../../contract/regular-file.ts';
import { inspectPlugin, type PluginManifest, type Problem, type Warning } from '../../contract/plugin/inspect.ts';
import { INFLATED_LIMIT_BYTES, UPLOAD_LIMIT_BYTES } from '../../contract/plugin/limits.ts';
import { DEFAULT_PROFILE, profile, type ProfileName } from '../../contract/profiles.ts';
import { findingsOf, tooLargeFinding, type Finding, type LintInput } from './lint-findings.ts';
import { zipFolder } from './lint-folder.ts';
import { formatGithub, formatText, sarifLog, type LintFormat } from './lint-format.ts';
import { UsageError } from './usage-error.ts';

export interface LintResult {
  file: string;
  valid: boolean;
  problems: Problem[];
  /** Values SPS will read otherwise than they look; they do not make the plugin invalid. */
  warnings: Warning[];
  /** Every problem and warning, placed (MANIFEST line:column), with hints and docs links. */
  findings: Finding[];
  /** What SPS would report for the plugin, when its MANIFEST could be read. */
  manifest?: PluginManifest;
}

export interface LintOptions {
  /** Same as format: 'json'. */
  json?: boolean;
  format?: LintFormat;
  /** Warnings fail the run too (--max-warnings 0). */
  strict?: boolean;
  /** More warnings than this (over all inputs) fail the run. */
  maxWarnings?: number;
  profile?: ProfileName;
}

/** Past the 20 MiB limit, so the size rule still reports the size; a bigger file is not read at all. */
const LINT_READ_MAX_BYTES = UPLOAD_LIMIT_BYTES + 1024 * 1024;
const FOLDER_LIMITS = { maxBytes: INFLATED_LIMIT_BYTES, maxFiles: 10_000 };

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** The zip's bytes; undefined when it is too large to be worth reading (the size rule fails anyway). */
async function readZip(file: string): Promise<Buffer | undefined> {
  try {
    return await readRegularFile(file, LINT_READ_MAX_BYTES);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    if (error.code === 'ETOOBIG') return undefined;
    if (error.code === 'ENOTREG')
      throw new UsageError(`${file} is not a regular file or a folder (a device or pipe), not a plugin zip`);
    throw new UsageError(error.message);
  }
}

function unreadable(file: string, finding: Finding): LintResult {
  return {
    file,
    valid: false,
    problems: [{ rule: finding.rule, message: finding.message }],
    warnings: [],
    findings: [finding],
  };
}

export async function lintFile(file: string, profileName: ProfileName = DEFAULT_PROFILE): Promise<LintResult> {
  const folder = isFolder(file);
  const bytes = folder ? await zipFolder(file, FOLDER_LIMITS) : await readZip(file);
  if (!bytes) {
    const input: LintInput = { path: file, kind: folder ? 'folder' : 'zip', bytes: statSync(file).size };
    return unreadable(
      file,
      folder
        ? tooLargeFinding(
            input,
            'zip.bomb',
            `The folder's files add up to more than ${INFLATED_LIMIT_BYTES / 1024 / 1024} MB, more than a plugin may inflate to`,
          )
        : tooLargeFinding(input, 'zip.too-large'),
    );
  }
  const input: LintInput = { path: file, kind: folder ? 'folder' : 'zip', bytes: bytes.length };
  const inspection = await inspectPlugin(bytes, { profile: profile(profileName) });
  const { problems, warnings, manifest } = inspection;
  return {
    file,
    valid: problems.length === 0,
    problems,
    warnings,
    findings: findingsOf(input, inspection),
    ...(manifest ? { manifest } : {}),
  };
}

/** The text output (kept under its old name for callers of the human format). */
export function formatHuman(results: readonly LintResult[], profileName: ProfileName): string {
  return formatText(results, profileName);
}

function render(results: readonly LintResult[], format: LintFormat, options: LintOptions, profileName: ProfileName) {
  switch (format) {
    case 'json':
      return JSON.stringify(results, null, 2);
    case 'sarif':
      return JSON.stringify(sarifLog(results), null, 2);
    case 'github':
      return formatGithub(results);
    case 'text':
      return formatText(results, profileName, options.maxWarnings);
  }
}

export async function lintCommand(files: readonly string[], options: LintOptions): Promise<number> {
  const profileName = options.profile ?? DEFAULT_PROFILE;
  const format = options.format ?? (options.json ? 'json' : 'text');
  if (options.json && format !== 'json') throw new UsageError(`--json and --format ${format} disagree`);
  // Every file is read before any is reported, so a usage mistake prints nothing but its one line.
  const results: LintResult[] = [];
  for (const file of files) results.push(await lintFile(file, profileName));
  process.stdout.write(`${render(results, format, options, profileName)}\n`);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const allowed = options.strict ? 0 : (options.maxWarnings ?? Number.POSITIVE_INFINITY);
  return results.some((r) => !r.valid) || warnings > allowed ? 1 : 0;
}
