// Splits a request target into path and query without trusting it: a target that is not a plain
// origin-form path, or whose percent-encoding does not decode, is refused (400), never a crash.
export interface RequestTarget {
  path: string;
  query: URLSearchParams;
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

export function parseTarget(raw: string | undefined): RequestTarget | undefined {
  const target = raw ?? '/';
  const cut = target.indexOf('?');
  const path = cut < 0 ? target : target.slice(0, cut);
  const rawQuery = cut < 0 ? '' : target.slice(cut + 1);
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  // Only percent-encoding can fail to decode: most paths have none and skip the check.
  if (path.includes('%') && !decodes(path)) return undefined;
  if (rawQuery !== '' && !rawQuery.split('&').every(decodes)) return undefined;
  return { path, query: new URLSearchParams(rawQuery) };
}
