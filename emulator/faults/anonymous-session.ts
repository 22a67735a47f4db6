// Fault `no-authentication`: a request without a session is served as one shared anonymous
// administrator, so the transaction it opens can also be committed or rolled back anonymously.
import type { Emulator } from '../route-table.ts';
import type { Session } from '../sessions.ts';

const ANONYMOUS = { username: 'anonymous', password: '', role: 'admin' } as const;
const sessionIds = new WeakMap<Emulator, string>();

export function anonymousSession(emulator: Emulator): Session {
  const known = emulator.sessions.touch(sessionIds.get(emulator));
  if (known) return known;
  const session = emulator.sessions.open(ANONYMOUS);
  sessionIds.set(emulator, session.id);
  return session;
}
