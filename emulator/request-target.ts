// Splits a request target into path and query without trusting it: a target that is not a plain
// origin-form path (or an absolute-form http(s) URL, RFC 9112 §3.2.2), or whose percent-encoding does
// not decode, is refused (400), never a crash. The path comes back as sent (answers echo it in meta and
// error details); normalisedPath gives it as the router reads it (`/api/%74ransaction` is
// `/api/transaction`), for any decision that must agree with the router.
/** A query as handlers read it. Nothing changes one once parsed, so targets without one share one empty query. */
export type Query = Pick<URLSearchParams, 'get' | 'getAll' | 'has' | 'keys' | 'size'>;

export interface RequestTarget {
  path: string;
  query: Query;
}

const NO_QUERY: Query = new URLSearchParams();

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/**
 * The path as find-my-way matches it: percent-encoding decoded except for reserved characters
 * (decodeURI keeps `%2F`, `%3F`, … encoded) and `%25`, which stays `%25` so decoding twice changes
 * nothing. Assumes `decodes(path)`.
 */
export function normalisedPath(path: string): string {
  if (!path.includes('%')) return path;
  return path
    .split(/(%25)/i)
    .map((part, i) => (i % 2 === 1 ? '%25' : decodeURI(part)))
    .join('');
}

/** The origin-form part of an absolute-form target (`http://host/api/x?y` → `/api/x?y`). */
function originForm(target: string): string | undefined {
  const match = /^https?:\/\/[^/?#]*/i.exec(target);
  if (!match) return target;
  const rest = target.slice(match[0].length);
  if (rest === '' || rest.startsWith('?')) return `/${rest}`;
  return rest.startsWith('/') ? rest : undefined;
}

/** `/…` with no second slash first, and no query, fragment or percent-encoding: nothing to cut or decode. */
function isPlainPath(raw: string): boolean {
  return raw.charCodeAt(0) === 0x2f && raw.charCodeAt(1) !== 0x2f && !/[?#%]/.test(raw);
}

export function parseTarget(raw: string | undefined): RequestTarget | undefined {
  // Nearly every request: answered without the cuts, decoding and query parsing below.
  if (raw !== undefined && isPlainPath(raw)) return { path: raw, query: NO_QUERY };
  // A fragment is never part of the target (RFC 9110 §4.2.4); the router cuts it off too.
  const target = originForm((raw ?? '/').split('#')[0]!);
  if (target === undefined) return undefined;
  const cut = target.indexOf('?');
  const path = cut < 0 ? target : target.slice(0, cut);
  const rawQuery = cut < 0 ? '' : target.slice(cut + 1);
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  // Only percent-encoding can fail to decode: most paths have none and skip the check.
  if (path.includes('%') && !decodes(path)) return undefined;
  if (rawQuery !== '' && !rawQuery.split('&').every(decodes)) return undefined;
  return { path, query: rawQuery === '' ? NO_QUERY : new URLSearchParams(rawQuery) };
}
