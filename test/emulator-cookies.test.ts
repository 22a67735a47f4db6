// The session cookie reader (emulator/cookies.ts) runs on every request and was rewritten for speed:
// on any Cookie header it answers what the plain split-and-trim reading answers.
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import { SESSION_COOKIE, sessionIdFrom } from '../emulator/cookies.ts';

/** The reading it replaced, kept as the reference. */
function reference(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
      return /^[0-9a-f]{40}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

const id = 'ab'.repeat(20);

test('known headers', () => {
  expect(sessionIdFrom(`${SESSION_COOKIE}=${id}`)).toBe(id);
  expect(sessionIdFrom(`a=1; ${SESSION_COOKIE}="${id}"; b=2`)).toBe(id);
  expect(sessionIdFrom(`${SESSION_COOKIE}=${id.toUpperCase()}`)).toBeUndefined();
  expect(sessionIdFrom(`${SESSION_COOKIE}=bad; ${SESSION_COOKIE}=${id}`)).toBeUndefined();
  expect(sessionIdFrom('a; =; ;;')).toBeUndefined();
  expect(sessionIdFrom(undefined)).toBeUndefined();
});

test('on any header it answers what the split reading answers', () => {
  const piece = fc.oneof(
    fc.constantFrom(SESSION_COOKIE, ` ${SESSION_COOKIE} `, id, `"${id}"`, '"', '=', ';', ' ', 'a', '"x"', 'a=b'),
    fc.string({ maxLength: 6 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
      const header = pieces.join('');
      // A plain comparison (an expect() per run costs about 5 ms): fast-check prints the first header on
      // which the two differ.
      return sessionIdFrom(header) === reference(header);
    }),
    { numRuns: 5000 },
  );
});
