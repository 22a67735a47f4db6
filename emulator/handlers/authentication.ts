// GET /api/authentication with HTTP Basic credentials opens a session (sps-api-facts.md §1);
// DELETE /api/authentication logs out and rolls back the session's open transaction (inferred: no
// documented logout endpoint; leaving ends the lock, sps-api-facts §3.5). GET
// /api/authentication/login_methods answers without a session (7.1.1 guide; safeguard-ps calls it
// before logging in); its body's shape is not documented, so the emulator keeps it small.
import { apiError, type Reply } from '../errors.ts';
import { findAccount } from '../accounts.ts';
import { sessionCookie } from '../cookies.ts';
import { API_ROOT, AUTHENTICATION_PATH, LOGIN_METHODS_PATH } from '../../contract/surface.ts';
import type { Route } from '../route-table.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The Basic credentials; undefined when malformed, including invalid UTF-8 (never decoded lossily). */
function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  let decoded: string;
  try {
    decoded = strictUtf8.decode(Buffer.from(match[1], 'base64'));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export const authenticationRoutes: Route[] = [
  {
    method: 'GET',
    path: LOGIN_METHODS_PATH,
    auth: 'none',
    handle: (): Reply => ({
      status: 200,
      body: {
        body: { methods: [{ type: 'password' }] },
        meta: { href: LOGIN_METHODS_PATH, parent: AUTHENTICATION_PATH },
      },
    }),
  },
  {
    method: 'GET',
    path: AUTHENTICATION_PATH,
    auth: 'none',
    handle: ({ req, emulator }): Reply => {
      const credentials = basicCredentials(req.headers.authorization);
      const brake = emulator.loginBrake;
      const waitMs = credentials && brake ? brake.waitMs(credentials.username) : 0;
      if (waitMs > 0) {
        const reply = apiError(
          429,
          'TooManyRequests',
          'Too many failed logins for this user; wait before trying again',
          AUTHENTICATION_PATH,
        );
        return { ...reply, headers: { 'retry-after': String(Math.ceil(waitMs / 1000)) } };
      }
      const account = credentials && findAccount(emulator.accounts, credentials.username, credentials.password);
      if (credentials && brake) {
        if (account) brake.succeeded(credentials.username);
        else brake.failed(credentials.username);
      }
      if (!account) {
        const reply = apiError(
          401,
          'AuthenticationFailure',
          'Authenticating the user with the given credentials has failed',
          AUTHENTICATION_PATH,
        );
        return { ...reply, headers: { 'www-authenticate': 'Basic realm="SPS REST API"' } };
      }
      const session = emulator.sessions.open(account);
      return {
        status: 200,
        body: { meta: { href: AUTHENTICATION_PATH, parent: API_ROOT } },
        headers: { 'set-cookie': sessionCookie(session.id, emulator.tls) },
      };
    },
  },
  {
    method: 'DELETE',
    path: AUTHENTICATION_PATH,
    auth: 'session',
    handle: ({ session, emulator }) => {
      if (session) {
        emulator.store.endSession(session.id);
        emulator.sessions.close(session.id);
      }
      return {
        status: 200,
        body: { meta: { href: AUTHENTICATION_PATH, parent: API_ROOT } },
        headers: { 'set-cookie': 'session_id=; Path=/; Max-Age=0' },
      };
    },
  },
];
