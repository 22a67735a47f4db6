// Caps a MANIFEST must meet before any YAML parser sees it: at most MANIFEST_MAX_BYTES, MAX_KEYS
// mapping keys and MAX_DEPTH levels of nesting. The real MANIFESTs are under 1 KiB with a dozen flat
// keys; without the caps 800,000 keys held the event loop for 27 s and a 501-byte nested document
// for 1.8 s (inferred limits, far above any plugin). A cheap line scan, whichever parser runs next.
export const MANIFEST_MAX_BYTES = 64 * 1024;
export const MANIFEST_MAX_KEYS = 1000;
export const MANIFEST_MAX_DEPTH = 32;

/** Nesting opened by flow collections on one line (quoted text skipped). */
function flowDepths(line: string, start: number): { deepest: number; end: number } {
  let depth = start;
  let deepest = start;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
    else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return { deepest, end: depth };
}

/** Mapping keys on one line: `key:` followed by a space or the line end, outside quotes (approximate). */
function keysOn(line: string): number {
  return (line.match(/[^\s:][^:]*:(?=\s|$)/g) ?? []).length;
}

/** Why `bytes` is refused before parsing; undefined when it is within every cap. */
export function manifestLimitProblem(bytes: Buffer): string | undefined {
  if (bytes.length > MANIFEST_MAX_BYTES) return `the MANIFEST is larger than ${MANIFEST_MAX_BYTES} bytes`;
  const indents: number[] = [];
  let keys = 0;
  let flow = 0;
  for (const raw of bytes.toString('utf8').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/^(\s*)((?:- +)*)/, (_m, space: string, dashes: string) =>
      ' '.repeat(space.length + dashes.length),
    );
    const text = line.trimStart();
    if (text === '' || text.startsWith('#')) continue;
    const indent = line.length - text.length;
    if (flow === 0) {
      while (indents.length > 0 && indents.at(-1)! >= indent) indents.pop();
      indents.push(indent);
    }
    const { deepest, end } = flowDepths(text, flow);
    flow = end;
    keys += keysOn(text);
    if (indents.length + deepest > MANIFEST_MAX_DEPTH)
      return `the MANIFEST nests deeper than ${MANIFEST_MAX_DEPTH} levels`;
    if (keys > MANIFEST_MAX_KEYS) return `the MANIFEST has more than ${MANIFEST_MAX_KEYS} keys`;
  }
  return undefined;
}
