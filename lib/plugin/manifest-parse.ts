// Parses MANIFEST text as YAML 1.2 (the `yaml` package, core schema) into its top-level fields. Each
// field keeps its SOURCE text, because SPS reports "version: 1.0" as "1.0", not as the number 1.
import { isAlias, isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';

/** One top-level MANIFEST value. `text` is the scalar's source (quotes removed) or a collection's raw text. */
export interface ManifestValue {
  text: string;
  isNull: boolean;
  isScalar: boolean;
}

export type ParsedManifest =
  | { kind: 'mapping'; fields: Map<string, ManifestValue> }
  | { kind: 'invalid-yaml'; reason: string }
  | { kind: 'not-a-mapping' };

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function valueOf(node: unknown, doc: Document, source: string): ManifestValue {
  const resolved = isAlias(node) ? node.resolve(doc) : node;
  if (resolved === null || resolved === undefined) return { text: '', isNull: true, isScalar: true };
  if (isScalar(resolved)) {
    if (resolved.value === null) return { text: '', isNull: true, isScalar: true };
    return { text: resolved.source ?? String(resolved.value), isNull: false, isScalar: true };
  }
  const range = (resolved as Node).range;
  return { text: range ? source.slice(range[0], range[1]) : '', isNull: false, isScalar: false };
}

function keyOf(node: unknown): string {
  if (isScalar(node)) return String(node.value);
  return String(node);
}

export function parseManifest(bytes: Buffer): ParsedManifest {
  const source = decodeUtf8(bytes);
  if (source === undefined) return { kind: 'invalid-yaml', reason: 'not UTF-8 text' };
  // uniqueKeys off: PyYAML (the appliance's parser) lets a repeated key win; we do the same below.
  const doc = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return { kind: 'invalid-yaml', reason: doc.errors[0]!.message };
  if (!isMap(doc.contents)) return { kind: 'not-a-mapping' };
  const fields = new Map<string, ManifestValue>();
  for (const pair of doc.contents.items) fields.set(keyOf(pair.key), valueOf(pair.value, doc, source));
  return { kind: 'mapping', fields };
}
