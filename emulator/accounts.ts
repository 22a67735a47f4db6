// REST accounts of the emulator: `--user NAME:PASSWORD[:ROLE]`, or one default admin.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Account, Role } from './sessions.ts';

const ROLES: readonly Role[] = ['admin', 'readonly', 'none'];

/** The account an emulator started without --user has (README "emulator"); the suite's embedded run passes its own. */
export const DEFAULT_ACCOUNT: Account = {
  username: 'admin',
  password: 'sps-conformance',
  role: 'admin',
};

export class AccountSpecError extends Error {}

/** Parses NAME:PASSWORD[:ROLE]; the password may not contain ':' only when a role follows. */
export function parseAccount(spec: string): Account {
  const first = spec.indexOf(':');
  if (first <= 0) throw new AccountSpecError(`--user must be NAME:PASSWORD[:ROLE], got "${spec.split(':')[0]}:…"`);
  const username = spec.slice(0, first);
  let password = spec.slice(first + 1);
  let role: Role = 'admin';
  const last = password.lastIndexOf(':');
  if (last >= 0 && (ROLES as readonly string[]).includes(password.slice(last + 1))) {
    role = password.slice(last + 1) as Role;
    password = password.slice(0, last);
  }
  if (password === '') throw new AccountSpecError(`--user ${username}: the password is empty`);
  return { username, password, role };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compared in constant time: how long it takes says nothing about how much of the password was right. */
function samePassword(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

export function findAccount(accounts: readonly Account[], username: string, password: string): Account | undefined {
  const account = accounts.find((a) => a.username === username);
  // An unknown user costs the same comparison as a known one.
  const matches = samePassword(account?.password ?? '\u0000no-such-account', password);
  return account && matches ? account : undefined;
}
