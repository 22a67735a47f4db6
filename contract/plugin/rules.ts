// Every packaging rule id inspectPlugin can report (schemas/decisions.md "Packaging rules"). The
// catalog has one PKG- requirement per id, and the generators one defect per id; tests hold the three
// lists together.
import { REQUIRED_FIELDS } from './manifest-rules.ts';

export const PACKAGING_RULES: readonly string[] = [
  'zip.not-a-zip',
  'zip.empty',
  'zip.truncated',
  'zip.bad-crc',
  'zip.encrypted-entry',
  'zip.unsafe-path',
  'zip.symlink',
  'zip.duplicate-entry',
  'zip.bomb',
  'zip.too-large',
  'zip.nested-archive-only',
  'manifest.missing',
  'manifest.invalid-yaml',
  'manifest.not-a-mapping',
  ...REQUIRED_FIELDS.map((f) => `manifest.missing-field:${f}`),
  ...REQUIRED_FIELDS.map((f) => `manifest.empty-field:${f}`),
  'manifest.type-unknown',
  'manifest.name-pattern',
  'manifest.entry-point-pattern',
  'manifest.version-pattern',
  'manifest.api-format',
  'manifest.api-incompatible',
  'manifest.author-email',
  'entry-point.missing',
  'default-cfg.not-utf8',
];

/** Rule ids of warnings: the plugin is valid, but SPS will not read it as its author expects. */
export const WARNING_RULES: readonly string[] = [
  'manifest.read-as-other-type',
  'manifest.repeated-key',
  'manifest.api-without-minor',
  'package.junk-file',
];
