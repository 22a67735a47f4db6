// Reads MANIFEST bytes as the appliance does: PyYAML's yaml.safe_load, a YAML 1.1 reader (SDK_NOTES.md
// §2), into its top-level fields as Python values. "version: 1.10" is the float 1.1 here, as there.
import type { PyValue } from './py-value.ts';
import { safeLoad, type TextPosition } from './yaml11-load.ts';

/** One top-level MANIFEST value: what safe_load built, and how it was written. */
export interface ManifestValue {
  value: PyValue;
  /** The scalar's text (quotes removed) or a collection's source. */
  source: string;
  /** No explicit tag: YAML 1.1 chose the value's type from its look. */
  implicit: boolean;
  /** 1-based line of the value. */
  line: number;
  /** 1-based column of the value. */
  column: number;
}

/** A key written more than once at the top level: PyYAML keeps the last value. */
export interface RepeatedKey {
  key: string;
  lines: number[];
}

export type ParsedManifest =
  | { kind: 'mapping'; fields: Map<string, ManifestValue>; repeated: RepeatedKey[] }
  /** crash: not a YAMLError in PyYAML (e.g. the date 2001-02-30), so the validator does not catch it. */
  | { kind: 'invalid-yaml'; reason: string; crash: boolean; position?: TextPosition }
  | { kind: 'not-a-mapping' };

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function parseManifest(bytes: Buffer): ParsedManifest {
  const source = decodeUtf8(bytes);
  if (source === undefined) return { kind: 'invalid-yaml', reason: 'not UTF-8 text', crash: false };
  const loaded = safeLoad(source);
  if (loaded.kind === 'error')
    return {
      kind: 'invalid-yaml',
      reason: loaded.reason,
      crash: loaded.crash,
      ...(loaded.position ? { position: loaded.position } : {}),
    };
  if (loaded.kind === 'other') return { kind: 'not-a-mapping' };
  // Field lookups are by string key, as `'name' in data` is; other keys (1:, yes:) are never fields.
  const fields = new Map<string, ManifestValue>();
  const lines = new Map<string, number[]>();
  for (const entry of loaded.entries) {
    if (entry.key.kind !== 'str') continue;
    const { value, source: text, implicit, line, column } = entry;
    fields.set(entry.key.value, { value, source: text, implicit, line, column });
    if (!entry.merged) lines.set(entry.key.value, [...(lines.get(entry.key.value) ?? []), line]);
  }
  const repeated = [...lines].filter(([, at]) => at.length > 1).map(([key, at]) => ({ key, lines: at }));
  return { kind: 'mapping', fields, repeated };
}
