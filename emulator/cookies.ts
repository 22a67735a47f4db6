// Reads the session_id cookie; a garbled Cookie header simply yields no session.
export const SESSION_COOKIE = 'session_id';

const SESSION_ID = /^[0-9a-f]{40}$/;

/**
 * The value of the first `session_id` pair, unquoted, when it is a session id. Scans the header with
 * indexOf rather than splitting it: it runs on every request (a split, trims and a replace were the
 * costliest part of the dispatch).
 */
export function sessionIdFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  let start = 0;
  while (start <= cookieHeader.length) {
    const semicolon = cookieHeader.indexOf(';', start);
    const end = semicolon < 0 ? cookieHeader.length : semicolon;
    const eq = cookieHeader.indexOf('=', start);
    if (eq >= 0 && eq < end && cookieHeader.slice(start, eq).trim() === SESSION_COOKIE) {
      let value = cookieHeader.slice(eq + 1, end).trim();
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      return SESSION_ID.test(value) ? value : undefined;
    }
    start = end + 1;
  }
  return undefined;
}

export function sessionCookie(id: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
