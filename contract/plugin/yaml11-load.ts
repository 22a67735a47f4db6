// PyYAML's yaml.safe_load, as far as a MANIFEST needs it: the `yaml` package parses the text (YAML 1.1,
// PyYAML's scalar types from yaml11-tags.ts) and this walk builds the Python values the way
// SafeConstructor does: merge keys flattened, the last of a repeated key winning, unhashable keys and
// unconstructible tags refused, and every failure classed as PyYAML's YAMLError or a Python crash.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Schema,
  visit,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import { dictKey, type PyValue } from './py-value.ts';
import {
  CRASH_PREFIX,
  isPyValue,
  MERGE,
  PythonCrash,
  pyyamlTags,
  resolvePlain,
  VALUE,
  YamlError,
} from './yaml11-tags.ts';

/** One key of a mapping as safe_load builds it, with where it came from. */
export interface LoadedEntry {
  key: PyValue;
  value: PyValue;
  /** A scalar's text (quotes removed), or a collection's source. */
  source: string;
  /** No explicit tag (none, or the non-specific "!"): YAML 1.1 picked the type from the look. */
  implicit: boolean;
  /** 1-based line of the value. */
  line: number;
  /** 1-based column of the value. */
  column: number;
  /** True for a key that came in through a merge key (<<). */
  merged: boolean;
}

export type Loaded =
  | { kind: 'mapping'; entries: LoadedEntry[] }
  | { kind: 'other'; value: PyValue }
  /** crash: the failure is not a YAMLError, so the SDK validator would not catch it. */
  | { kind: 'error'; crash: boolean; reason: string; position?: TextPosition };

/** 1-based line and column in the MANIFEST text. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Where the `yaml` package's parser (not its schema) reads a text otherwise than PyYAML's, and what is
 * done about it (test/manifest-yaml11.test.ts):
 * - tabs between tokens: PyYAML refuses them, the package mostly allows them; strayTab() refuses them;
 * - characters PyYAML's Reader refuses (C0 controls but tab, line feed and carriage return): refused here;
 * - a tab-indented continuation line inside a quoted scalar: PyYAML allows it, the package refuses it
 *   (left as is: the refusal is on the safe side);
 * - nesting deeper than the JavaScript stack: refused (PyYAML would hit its own recursion limit).
 */
export const PARSER_DIFFERENCES = [
  'tabs between tokens',
  'Reader characters',
  'tab-indented quoted continuation',
  'deep nesting',
] as const;

// PyYAML's Reader refuses these characters outright (a ReaderError, so a YAMLError).
const NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const T = 'tag:yaml.org,2002:';

/** Built once: the package's yaml-1.1 schema with PyYAML's scalar types (building it costs more than a parse). */
let schema: Schema | undefined;
function pyyamlSchema(): Schema {
  schema ??= new Schema({ schema: 'yaml-1.1', customTags: pyyamlTags, merge: false });
  return schema;
}

class Walk {
  private readonly memo = new Map<Node, PyValue>();

  constructor(
    private readonly doc: Document,
    private readonly source: string,
    private readonly lines: LineCounter,
  ) {}

  private readonly anchors = new Map<unknown, unknown>();

  /** An alias's node; the package looks an anchor up by walking the document, so each is looked up once. */
  private target(node: unknown): unknown {
    if (!isAlias(node)) return node;
    if (!this.anchors.has(node)) this.anchors.set(node, node.resolve(this.doc));
    return this.anchors.get(node);
  }

  lineOf(node: unknown): number {
    return this.positionOf(node).line;
  }

  positionOf(node: unknown): { line: number; column: number } {
    const range = (this.target(node) as Node | null | undefined)?.range;
    if (!range) return { line: 0, column: 0 };
    const { line, col } = this.lines.linePos(range[0]);
    return { line, column: col };
  }

  sourceOf(node: unknown): { source: string; implicit: boolean } {
    const n = this.target(node);
    if (isScalar(n)) return { source: String(n.source ?? ''), implicit: !n.tag || n.tag === '!' };
    const range = (n as Node | null | undefined)?.range;
    return { source: range ? this.source.slice(range[0], range[1]) : '', implicit: false };
  }

  value(node: unknown): PyValue {
    const n = this.target(node);
    if (n === null || n === undefined) return { kind: 'none' };
    if (isScalar(n)) return this.scalar(n);
    if (isPair(n)) return this.dictOf([n]);
    const known = this.memo.get(n as Node);
    if (known) return known;
    if (isMap(n)) return n.tag === `${T}set` ? this.set(n) : this.dict(n);
    if (isSeq(n)) return n.tag === `${T}omap` || n.tag === `${T}pairs` ? this.pairs(n) : this.list(n);
    throw new YamlError('unexpected node');
  }

  private scalar(n: { value: unknown; tag?: string; source?: string }): PyValue {
    const v = n.value;
    // The non-specific tag "!" still resolves by the look in PyYAML (its parser marks it implicit).
    if (n.tag === '!') return this.notMarker(resolvePlain(String(n.source ?? '')));
    if (isPyValue(v)) return this.notMarker(v);
    if (typeof v === 'string') return { kind: 'str', value: v };
    if (v instanceof Uint8Array) return { kind: 'bytes', value: v };
    if (v === null || v === undefined) return { kind: 'none' };
    throw new YamlError(`could not determine a constructor for ${String(v)}`);
  }

  /** "<<" and "=" mean something only as keys; as values safe_load has no constructor for them. */
  private notMarker(v: PyValue): PyValue {
    if (v === MERGE) throw new YamlError(`could not determine a constructor for the tag '${T}merge'`);
    if (v === VALUE) throw new YamlError(`could not determine a constructor for the tag '${T}value'`);
    return v;
  }

  private key(node: unknown): PyValue {
    const n = this.target(node);
    if (isScalar(n) && n.value === VALUE) return { kind: 'str', value: '=' };
    return this.value(node);
  }

  private isMergeKey(node: unknown): boolean {
    const n = this.target(node);
    return isScalar(n) && n.value === MERGE;
  }

  private readonly flattened = new Map<Node, Pair[]>();

  /** A merge source's pairs, flattened once and one per key (the one a dict would keep), as PyYAML's dict would. */
  private mergeSource(node: unknown): Pair[] {
    const map = this.target(node);
    if (!isMap(map))
      throw new YamlError('while constructing a mapping: expected a mapping or list of mappings for merging');
    const known = this.flattened.get(map);
    if (known) return known;
    const byKey = new Map<string, Pair>();
    for (const { pair } of this.pairsOf(map.items as Pair[])) {
      const key = dictKey(this.key(pair.key));
      if (key === undefined) throw new YamlError('while constructing a mapping: found unhashable key');
      byKey.set(key, pair);
    }
    const pairs = [...byKey.values()];
    this.flattened.set(map, pairs);
    return pairs;
  }

  /**
   * SafeConstructor.flatten_mapping: merged pairs first (of a list of sources, the first winning), then
   * the map's own. Sources are deduplicated by key, so chained merges cannot multiply the pairs.
   */
  pairsOf(items: readonly Pair[]): Array<{ pair: Pair; merged: boolean }> {
    const merged: Pair[] = [];
    const own: Array<{ pair: Pair; merged: boolean }> = [];
    for (const pair of items) {
      if (!this.isMergeKey(pair.key)) {
        own.push({ pair, merged: false });
        continue;
      }
      const source = this.target(pair.value);
      const sources = isSeq(source) ? [...source.items].reverse() : [pair.value];
      for (const s of sources) merged.push(...this.mergeSource(s));
    }
    return [...merged.map((pair) => ({ pair, merged: true })), ...own];
  }

  entry(pair: Pair, merged: boolean): LoadedEntry {
    const key = this.key(pair.key);
    if (dictKey(key) === undefined) throw new YamlError('while constructing a mapping: found unhashable key');
    return {
      key,
      value: this.value(pair.value),
      ...this.sourceOf(pair.value),
      ...this.positionOf(pair.value ?? pair.key),
      merged,
    };
  }

  private dictOf(
    items: readonly Pair[],
    into: PyValue & { kind: 'dict' } = { kind: 'dict', entries: new Map() },
  ): PyValue {
    for (const { pair, merged } of this.pairsOf(items)) {
      const e = this.entry(pair, merged);
      into.entries.set(dictKey(e.key)!, [e.key, e.value]);
    }
    return into;
  }

  private dict(n: Node & { items: unknown[] }): PyValue {
    const d: PyValue & { kind: 'dict' } = { kind: 'dict', entries: new Map() };
    this.memo.set(n, d);
    return this.dictOf(n.items as Pair[], d);
  }

  private list(n: Node & { items: unknown[] }): PyValue {
    const l: PyValue & { kind: 'list' } = { kind: 'list', items: [] };
    this.memo.set(n, l);
    for (const item of n.items) l.items.push(this.value(item));
    return l;
  }

  private pairs(n: Node & { items: unknown[] }): PyValue {
    const p: PyValue & { kind: 'pairs' } = { kind: 'pairs', items: [] };
    this.memo.set(n, p);
    for (const item of n.items) {
      const pair = isPair(item)
        ? item
        : isMap(this.target(item))
          ? ((this.target(item) as { items: Pair[] }).items[0] ?? null)
          : null;
      if (!pair) throw new YamlError('while constructing an ordered map: expected a mapping of length 1');
      p.items.push([this.key(pair.key), this.value(pair.value)]);
    }
    return p;
  }

  private set(n: Node & { items: unknown[] }): PyValue {
    const s: PyValue & { kind: 'set' } = { kind: 'set', items: [] };
    this.memo.set(n, s);
    for (const pair of n.items as Pair[]) s.items.push(this.key(pair.key));
    return s;
  }
}

const SHIELDED = new Set(['QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED']);

/**
 * PyYAML's scanner skips only spaces between tokens, so a tab anywhere but inside a quoted or block
 * scalar or a comment is a ScannerError ("found character '\t' that cannot start any token"): after
 * "v:", at the end of a line, inside a plain scalar. The `yaml` package allows most of these.
 */
function strayTab(doc: Document, text: string): number | undefined {
  if (!text.includes('\t')) return undefined;
  const shielded: Array<[number, number]> = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.range && node.type && SHIELDED.has(node.type)) shielded.push([node.range[0], node.range[1]]);
    },
  });
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r') comment = false;
    if (comment || shielded.some(([a, b]) => i >= a && i < b)) continue;
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if (ch === '\t') return i;
  }
  return undefined;
}

function failure(error: unknown, lines?: LineCounter): Loaded {
  const message = error instanceof Error ? error.message : String(error);
  const crash = error instanceof PythonCrash || message.startsWith(CRASH_PREFIX);
  // The yaml package's errors carry the offset where the text breaks: the linter points there.
  const offset = (error as { pos?: [number, number] } | null)?.pos?.[0];
  const at = lines && typeof offset === 'number' ? lines.linePos(offset) : undefined;
  return {
    kind: 'error',
    crash,
    reason: crash ? message.slice(message.indexOf(CRASH_PREFIX) + CRASH_PREFIX.length) : message,
    ...(at ? { position: { line: at.line, column: at.col } } : {}),
  };
}

/** yaml.safe_load(text), reporting the top-level mapping's entries when the document is one. */
export function safeLoad(text: string): Loaded {
  const bad = NON_PRINTABLE.exec(text);
  if (bad)
    return {
      kind: 'error',
      crash: false,
      reason: `unacceptable character #x${bad[0].codePointAt(0)!.toString(16).padStart(4, '0')}: special characters are not allowed`,
    };
  const lines = new LineCounter();
  // uniqueKeys off: PyYAML lets a repeated key win; merge off: flatten_mapping below does it PyYAML's way.
  const doc = parseDocument(text, {
    version: '1.1',
    schema: pyyamlSchema(),
    uniqueKeys: false,
    prettyErrors: false,
    lineCounter: lines,
  });
  if (doc.errors.length > 0)
    return failure(doc.errors.find((e) => e.message.includes(CRASH_PREFIX)) ?? doc.errors[0], lines);
  const unresolved = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unresolved)
    return { kind: 'error', crash: false, reason: `could not determine a constructor: ${unresolved.message}` };
  const tab = strayTab(doc, text);
  if (tab !== undefined)
    return {
      kind: 'error',
      crash: false,
      reason: `while scanning for the next token: found character '\\t' that cannot start any token (line ${lines.linePos(tab).line})`,
      position: { line: lines.linePos(tab).line, column: lines.linePos(tab).col },
    };
  const walk = new Walk(doc, text, lines);
  try {
    if (!isMap(doc.contents)) return { kind: 'other', value: walk.value(doc.contents) };
    const entries = walk.pairsOf(doc.contents.items as Pair[]).map(({ pair, merged }) => walk.entry(pair, merged));
    return { kind: 'mapping', entries };
  } catch (error) {
    return failure(error, lines);
  }
}
