// Inspects plugin zip bytes by the packaging rules (schemas/decisions.md "Packaging rules") and reports
// every rule they break. The linter and the emulator's upload both use this, so they cannot disagree.
// It never throws: any bytes at all come back as an Inspection.
import type { Profile } from '../profiles.ts';
import { DEFAULT_LIMITS, type InspectLimits } from './limits.ts';
import { pluginManifest, type PluginManifest } from './manifest-fields.ts';
import { manifestLimitProblem } from './manifest-limits.ts';
import { parseManifest } from './manifest-parse.ts';
import { manifestProblems } from './manifest-rules.ts';
import { manifestWarnings, type Warning } from './manifest-warnings.ts';
import { defaultConfiguration, entryPointProblems } from './package-rules.ts';
import type { Problem } from './problem.ts';
import { formatError, openZip, ZipFormatError, type OpenZip, type ZipEntryInfo } from './zip-entries.ts';
import { isNestedArchiveOnly, zipStructureProblems } from './zip-rules.ts';
import { scanZip } from './zip-scan.ts';

export type { Problem } from './problem.ts';
export type { PluginManifest } from './manifest-fields.ts';
export type { Warning } from './manifest-warnings.ts';
export type { ZipEntryInfo } from './zip-entries.ts';

export interface Inspection {
  problems: Problem[];
  /** Where SPS will read the MANIFEST otherwise than it looks (YAML 1.1); never a refusal. */
  warnings: Warning[];
  entries: ZipEntryInfo[];
  /** Present when the MANIFEST could be read, even if other rules are broken. */
  manifest?: PluginManifest;
  /** default.cfg's text, "" when the zip has none. */
  defaultConfiguration: string;
  /** Where each top-level MANIFEST field's value is (1-based), when the MANIFEST could be read. */
  positions?: Record<string, FieldPosition>;
  /** Why the MANIFEST is not YAML PyYAML reads, and where, when that is the problem. */
  manifestError?: { reason: string; position?: FieldPosition };
}

export interface FieldPosition {
  line: number;
  column: number;
}

function fieldPositions(fields: ReadonlyMap<string, { line: number; column: number }>): Record<string, FieldPosition> {
  return Object.fromEntries([...fields].map(([key, v]) => [key, { line: v.line, column: v.column }]));
}

export interface InspectOptions {
  profile: Profile;
  /** Lower caps for tests; the documented ones by default. */
  limits?: Partial<InspectLimits>;
}

const FORMAT_RULES = {
  'not-a-zip': { rule: 'zip.not-a-zip', text: 'The file is not a valid zip archive' },
  truncated: { rule: 'zip.truncated', text: 'The zip archive is truncated or damaged' },
  encrypted: { rule: 'zip.encrypted-entry', text: 'The zip archive uses encryption' },
} as const;

function formatProblem(error: ZipFormatError): Problem {
  const { rule, text } = FORMAT_RULES[error.kind];
  return { rule, message: `${text}: ${error.message}` };
}

function tooLarge(bytes: Buffer, limits: InspectLimits): Problem[] {
  if (bytes.length <= limits.uploadBytes) return [];
  return [
    { rule: 'zip.too-large', message: `The zip file is larger than ${limits.uploadBytes} bytes (${bytes.length})` },
  ];
}

/**
 * A YAMLError is the validator's "file format wrong"; a Python error while building a value (the date
 * 2001-02-30, !!int abc) escapes the validator, so the appliance's answer is unknown: refused, with why.
 */
function invalidYaml(reason: string, crash: boolean): Problem {
  if (!crash) return { rule: 'manifest.invalid-yaml', message: 'MANIFEST file format wrong, should be yaml' };
  return {
    rule: 'manifest.invalid-yaml',
    message: `MANIFEST cannot be read: PyYAML fails with ${reason}, which the SDK validator does not catch`,
  };
}

/** The MANIFEST, entry-point and default.cfg rules, on what the data pass could read. */
function contentInspection(open: OpenZip, kept: Map<string, Buffer>, profile: Profile): Omit<Inspection, 'entries'> {
  const hasManifest = open.entries.some((e) => e.name === 'MANIFEST');
  if (!hasManifest)
    return {
      problems: [{ rule: 'manifest.missing', message: 'MANIFEST file not found in the Zip' }],
      warnings: [],
      defaultConfiguration: '',
    };
  const cfg = defaultConfiguration(kept.get('default.cfg'));
  const manifestBytes = kept.get('MANIFEST');
  // An unreadable MANIFEST (encrypted, damaged, bomb) is already reported by the zip rules.
  if (!manifestBytes) return { problems: cfg.problems, warnings: [], defaultConfiguration: cfg.text };
  // Caps first: a hostile MANIFEST must not reach the parser (contract/plugin/manifest-limits.ts).
  const overLimit = manifestLimitProblem(manifestBytes);
  if (overLimit) {
    return {
      problems: [
        { rule: 'manifest.invalid-yaml', message: `MANIFEST file format wrong, should be yaml: ${overLimit}` },
        ...cfg.problems,
      ],
      warnings: [],
      defaultConfiguration: cfg.text,
    };
  }
  const parsed = parseManifest(manifestBytes);
  if (parsed.kind === 'invalid-yaml') {
    return {
      problems: [invalidYaml(parsed.reason, parsed.crash), ...cfg.problems],
      warnings: [],
      defaultConfiguration: cfg.text,
      manifestError: { reason: parsed.reason, ...(parsed.position ? { position: parsed.position } : {}) },
    };
  }
  if (parsed.kind === 'not-a-mapping') {
    return {
      problems: [
        { rule: 'manifest.not-a-mapping', message: 'MANIFEST file format wrong, should be a yaml mapping' },
        ...cfg.problems,
      ],
      warnings: [],
      defaultConfiguration: cfg.text,
    };
  }
  const manifest = pluginManifest(parsed.fields);
  const fieldProblems = manifestProblems(parsed.fields, profile);
  // An entry_point the MANIFEST rules refused (e.g. the number 1) is not looked for in the zip.
  const refused = fieldProblems.some((p) => p.rule === 'manifest.entry-point-pattern');
  const problems = [...fieldProblems, ...(refused ? [] : entryPointProblems(manifest, open.entries)), ...cfg.problems];
  return {
    problems,
    warnings: manifestWarnings(parsed.fields, parsed.repeated),
    manifest,
    defaultConfiguration: cfg.text,
    positions: fieldPositions(parsed.fields),
  };
}

async function inspectOpen(bytes: Buffer, open: OpenZip, profile: Profile, limits: InspectLimits): Promise<Inspection> {
  const problems = [...tooLarge(bytes, limits), ...zipStructureProblems(open.entries)];
  const base = { entries: open.entries, warnings: [], defaultConfiguration: '' };
  if (open.entries.length === 0) return { ...base, problems };
  const scan = await scanZip(open, limits);
  problems.push(...scan.problems);
  // A zipped zip: the missing MANIFEST is a symptom, the nesting is what the author must fix.
  if (isNestedArchiveOnly(open.entries)) return { ...base, problems };
  const content = contentInspection(open, scan.kept, profile);
  return { ...base, ...content, problems: [...problems, ...content.problems] };
}

export async function inspectPlugin(bytes: Buffer, options: InspectOptions): Promise<Inspection> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let open: OpenZip | undefined;
  try {
    open = await openZip(bytes);
    return await inspectOpen(bytes, open, options.profile, limits);
  } catch (error) {
    const formatErr =
      error instanceof ZipFormatError
        ? error
        : formatError(bytes, error instanceof Error ? error.message : String(error));
    return {
      problems: [...tooLarge(bytes, limits), formatProblem(formatErr)],
      warnings: [],
      entries: open?.entries ?? [],
      defaultConfiguration: '',
    };
  } finally {
    open?.zip.close();
  }
}
