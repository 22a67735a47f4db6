// What `lint` reports for one plugin, as findings an editor or CI can place: severity, rule, message,
// where (the MANIFEST line and column of the field a rule is about), a hint for the usual mistakes
// (a zipped folder, a missing main.py, a size over the limit in MB) and the rule's docs link.
import type { FieldPosition, Inspection, Problem, Warning } from '../../contract/plugin/inspect.ts';
import { junkFiles } from '../../contract/plugin/junk-files.ts';
import { UPLOAD_LIMIT_BYTES } from '../../contract/plugin/limits.ts';
import { ruleDocsUrl } from './lint-docs.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  rule: string;
  message: string;
  /** The file to open: the MANIFEST (inside a zip: "x.zip!/MANIFEST") or the input itself. */
  file: string;
  /** 1-based; absent when the finding is about the whole file. */
  line?: number;
  column?: number;
  hint?: string;
  docs: string;
}

export interface LintInput {
  /** The path as the user gave it. */
  path: string;
  kind: 'zip' | 'folder';
  /** The zip's size (for a folder: of the zip it would make). */
  bytes: number;
}

/** The field a MANIFEST rule is about, so the finding points at its value. */
function fieldOf(rule: string): string | undefined {
  const [family, field] = rule.split(':');
  if (field && family?.startsWith('manifest.')) return field;
  const fields: Record<string, string> = {
    'manifest.type-unknown': 'type',
    'manifest.name-pattern': 'name',
    'manifest.entry-point-pattern': 'entry_point',
    'manifest.version-pattern': 'version',
    'manifest.api-format': 'api',
    'manifest.api-incompatible': 'api',
    'manifest.author-email': 'author_email',
    'entry-point.missing': 'entry_point',
  };
  return fields[rule];
}

/** Rules about the MANIFEST as a whole: placed on it, at its first line when no better place is known. */
const WHOLE_MANIFEST = new Set(['manifest.invalid-yaml', 'manifest.not-a-mapping']);

export function manifestFile(input: LintInput): string {
  return input.kind === 'folder' ? `${input.path.replace(/\/+$/, '')}/MANIFEST` : `${input.path}!/MANIFEST`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB (${bytes.toLocaleString('en-US')} bytes)`;
}

function tooLargeMessage(input: LintInput): string {
  const limit = `SPS accepts at most 20 MB (${UPLOAD_LIMIT_BYTES.toLocaleString('en-US')} bytes)`;
  const what = input.kind === 'folder' ? 'The zip of this folder' : 'The zip file';
  return `${what} is ${megabytes(input.bytes)}; ${limit}`;
}

/** The folder a zip's MANIFEST sits in when the author zipped the plugin's folder instead of its files. */
function zippedFolder(names: readonly string[]): string | undefined {
  const nested = names.filter((n) => /^[^/]+\/MANIFEST$/.test(n) && !n.startsWith('__MACOSX/'));
  return nested.length === 1 ? nested[0]!.slice(0, -'/MANIFEST'.length) : undefined;
}

function hintFor(problem: Problem, input: LintInput, inspection: Inspection): string | undefined {
  const names = inspection.entries.filter((e) => !e.isDirectory).map((e) => e.name);
  switch (problem.rule) {
    case 'manifest.missing': {
      const folder = zippedFolder(names);
      if (folder && input.kind === 'folder') return `MANIFEST is in ${folder}/: lint that folder instead`;
      if (folder)
        return `the zip holds the folder ${folder}/ instead of its files; zip what is inside it: cd ${folder} && zip -r ../${folder}.zip .`;
      return 'put a MANIFEST (YAML: name, type, version, api) at the root of the zip, beside main.py';
    }
    case 'entry-point.missing': {
      const file = inspection.manifest?.entryPoint || 'main.py';
      const elsewhere = names.find((n) => n.endsWith(`/${file}`));
      if (elsewhere) return `${elsewhere} is not at the root: move it beside MANIFEST`;
      return `add ${file} beside MANIFEST, or set entry_point to the module SPS should start`;
    }
    case 'zip.nested-archive-only':
      return 'upload the inner plugin zip itself, not a zip of it';
    default:
      return undefined;
  }
}

function placeProblem(problem: Problem, input: LintInput, inspection: Inspection) {
  const field = fieldOf(problem.rule);
  const at = field ? inspection.positions?.[field] : undefined;
  if (at && at.line > 0) return { file: manifestFile(input), line: at.line, column: at.column };
  if (field || WHOLE_MANIFEST.has(problem.rule)) {
    if (problem.rule === 'entry-point.missing' && !at) return { file: input.path };
    const yaml: FieldPosition | undefined =
      problem.rule === 'manifest.invalid-yaml' ? inspection.manifestError?.position : undefined;
    return { file: manifestFile(input), line: yaml?.line ?? 1, column: yaml?.column ?? 1 };
  }
  return { file: input.path };
}

/** The appliance's words, and for invalid YAML what the reader found, which SPS does not say. */
function problemMessage(problem: Problem, input: LintInput, inspection: Inspection): string {
  if (problem.rule === 'zip.too-large') return tooLargeMessage(input);
  const reason = inspection.manifestError?.reason;
  if (problem.rule === 'manifest.invalid-yaml' && reason && !problem.message.includes(reason))
    return `${problem.message} (${reason.split('\n')[0]})`;
  return problem.message;
}

function problemFinding(problem: Problem, input: LintInput, inspection: Inspection): Finding {
  const hint = hintFor(problem, input, inspection);
  return {
    severity: 'error',
    rule: problem.rule,
    message: problemMessage(problem, input, inspection),
    ...placeProblem(problem, input, inspection),
    ...(hint ? { hint } : {}),
    docs: ruleDocsUrl(problem.rule),
  };
}

function warningFinding(warning: Warning, input: LintInput): Finding {
  return {
    severity: 'warning',
    rule: warning.rule,
    message: warning.message,
    file: manifestFile(input),
    line: warning.line,
    column: warning.column ?? 1,
    docs: ruleDocsUrl(warning.rule),
  };
}

function junkFindings(input: LintInput, inspection: Inspection): Finding[] {
  const names = inspection.entries.filter((e) => !e.isDirectory).map((e) => e.name);
  return junkFiles(names).map(({ kind, names: found }) => ({
    severity: 'warning' as const,
    rule: 'package.junk-file',
    message: `${found.length} file(s) of ${kind.what}: ${found.slice(0, 3).join(', ')}${found.length > 3 ? ', …' : ''}`,
    file: input.path,
    hint: `${kind.why}; leave them out of the zip`,
    docs: ruleDocsUrl('package.junk-file'),
  }));
}

export function findingsOf(input: LintInput, inspection: Inspection): Finding[] {
  return [
    ...inspection.problems.map((p) => problemFinding(p, input, inspection)),
    ...inspection.warnings.map((w) => warningFinding(w, input)),
    ...junkFindings(input, inspection),
  ];
}

/** The finding for an input too large to read at all. */
export function tooLargeFinding(input: LintInput, rule: 'zip.too-large' | 'zip.bomb', message?: string): Finding {
  return {
    severity: 'error',
    rule,
    message: message ?? tooLargeMessage(input),
    file: input.path,
    docs: ruleDocsUrl(rule),
  };
}
