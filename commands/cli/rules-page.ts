// docs/rules.md, generated: one section per rule id `lint` can report, with the anchor its docs link
// points at (lint-docs.ts), its severity, the catalog requirement it stands for (statement, basis,
// source) and how to fix it. test/lint-rules-page.test.ts checks the committed page is this output.
// Regenerate: npx tsx commands/cli/rules-page.ts > docs/rules.md
import { loadCatalog, type Requirement } from '../../contract/catalog.ts';
import { PACKAGING_RULES, WARNING_RULES } from '../../contract/plugin/rules.ts';
import { documentsCitedBy } from '../../contract/sources.ts';
import { ruleAnchor } from './lint-docs.ts';

const FIX: Record<string, string> = {
  'zip.not-a-zip': 'Upload a .zip archive (zip -r plugin.zip MANIFEST main.py …), not a tarball or a renamed file.',
  'zip.empty': 'The zip has no entries: zip the plugin files themselves.',
  'zip.truncated': 'The archive is cut short or damaged: build it again and check the copy is complete.',
  'zip.bad-crc': 'An entry does not match its checksum: build the zip again.',
  'zip.encrypted-entry': 'Zip without a password (no zip -e): SPS cannot read encrypted entries.',
  'zip.unsafe-path':
    'Entry names must be relative paths inside the plugin: no "..", no leading "/", no backslashes or drive letters.',
  'zip.symlink': 'Replace symbolic links by the files themselves (zip follows links unless given -y).',
  'zip.duplicate-entry': 'Each name may appear once: build the zip from scratch instead of appending to it.',
  'zip.bomb':
    'The entries inflate to more than 64 MiB, or one inflates more than 200 times its size: leave large or generated data out of the plugin.',
  'zip.too-large':
    'The zip must be at most 20 MB (20,971,520 bytes): leave out bundled dependencies SPS already has, test data and junk files.',
  'zip.nested-archive-only': 'The zip holds only another archive: upload the inner plugin zip itself.',
  'manifest.missing':
    'Put MANIFEST at the root of the zip. The usual cause is zipping the plugin folder (myplugin/MANIFEST): zip what is inside it instead (cd myplugin && zip -r ../myplugin.zip .).',
  'manifest.invalid-yaml':
    'MANIFEST must be YAML that PyYAML reads: check the line and column given; quote values with ": " or "#" in them.',
  'manifest.not-a-mapping':
    'MANIFEST must be a YAML mapping of keys to values (name: …, type: …), not a list or a single value.',
  'manifest.missing-field': 'Add the field to MANIFEST: name, type, version and api are required.',
  'manifest.empty-field': 'Give the field a value: "name:" alone is YAML null.',
  'manifest.type-unknown':
    'type must be one of the plugin types of the SPS version (aa, credentialstore, …; see --profile).',
  'manifest.name-pattern':
    'From SPS 6.x on, a name starts with a letter and goes on with letters, digits or underscores (no "-", no spaces).',
  'manifest.entry-point-pattern': 'entry_point names a file at the zip root: letters, digits, ".", "-" and "_" only.',
  'manifest.version-pattern': "version must start with a digit; quote it (version: '1.10') so YAML keeps it as text.",
  'manifest.api-format': "api is a version x.y or x.y.z; quote it (api: '1.10').",
  'manifest.api-incompatible':
    "api must not be newer than the SPS version's plugin API, and must have its major version (see --profile).",
  'manifest.author-email': 'author_email must be an e-mail address (name@example.com), or left out.',
  'entry-point.missing':
    'Put the entry point (main.py, or the file entry_point names) at the root of the zip, beside MANIFEST.',
  'default-cfg.not-utf8': 'Save default.cfg as UTF-8.',
  'manifest.read-as-other-type':
    "YAML 1.1 reads the value as a number, boolean or date, so SPS shows something else (version: 1.10 is 1.1): quote it (version: '1.10').",
  'manifest.repeated-key': 'The key is given more than once and SPS keeps only the last: keep one.',
  'manifest.api-without-minor':
    "Write the api with its minor version (api: '1.0'): some SPS releases cannot compare a major alone.",
  'package.junk-file':
    'Leave __MACOSX/, .DS_Store, __pycache__/, *.pyc, .git/ and editor files out of the zip (zip -r plugin.zip . -x "*.pyc" "__pycache__/*" ".*").',
};

const WARNING_TEXT: Record<string, string> = {
  'manifest.read-as-other-type':
    'A MANIFEST value that SPS reads as another type than it looks (YAML 1.1), and shows otherwise.',
  'manifest.repeated-key': 'A top-level MANIFEST key written more than once.',
  'manifest.api-without-minor': 'An api with only a major version (api: 1).',
  'package.junk-file':
    'Files a plugin zip carries by accident: macOS metadata, Python byte code, version-control folders, editor leftovers.',
};

function fixOf(rule: string): string {
  return FIX[rule] ?? FIX[rule.split(':')[0]!] ?? '';
}

function sourceLinks(source: string): string {
  const links = documentsCitedBy(source).map((d) =>
    d.url ? `[${d.title}](${d.url})` : `${d.title} (\`${d.shipped}\`)`,
  );
  return links.length ? ` — ${links.join('; ')}` : '';
}

function requirementSection(rule: string, req: Requirement | undefined): string[] {
  if (!req) return [`- Warning: the plugin is valid. ${WARNING_TEXT[rule] ?? ''}`.trimEnd()];
  // The evidence decides how strongly the page may speak (README "For vendor QA").
  const claim =
    req.basis === 'inferred'
      ? 'Error: the suite expects SPS to refuse such an upload; no document says so (inferred, see the reasoning in schemas/requirements.yaml).'
      : 'Error: SPS refuses such an upload.';
  return [
    `- ${claim} Requirement \`${req.id}\` (${req.basis}): ${req.statement}`,
    `- Source: ${req.source.replace(/\s+/g, ' ')}${sourceLinks(req.source)}`,
  ];
}

export function rulesPage(): string {
  const byRule = new Map(loadCatalog().flatMap((r) => (r.rule ? [[r.rule, r] as const] : [])));
  const sections = [...PACKAGING_RULES, ...WARNING_RULES].flatMap((rule) => [
    `<a id="${ruleAnchor(rule)}"></a>`,
    '',
    `## \`${rule}\``,
    '',
    ...requirementSection(rule, byRule.get(rule)),
    `- Fix: ${fixOf(rule)}`,
    '',
  ]);
  return [
    '# Plugin lint rules',
    '',
    '<!-- Generated by `npx tsx commands/cli/rules-page.ts > docs/rules.md`; do not edit by hand. -->',
    '',
    'Every rule `sps-conformance lint` reports, with the anchor its docs link points at. Errors are the',
    'packaging rules the appliance applies to an upload (the same code checks uploads in the emulator);',
    'warnings mark a valid plugin SPS will not read as its author expects. `--max-warnings N` fails a run',
    'with more than N warnings, `--strict` with any.',
    '',
    ...sections,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(rulesPage());
