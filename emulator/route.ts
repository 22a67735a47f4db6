// What a route table entry is. One table per resource family under emulator/routes/.
import type { IncomingMessage } from 'node:http';
import type { Profile } from '../lib/target/profiles.ts';
import type { Reply } from './errors.ts';
import type { Account, Session, Sessions } from './sessions.ts';
import type { Store } from './store.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Emulator {
  store: Store;
  sessions: Sessions;
  accounts: readonly Account[];
  profile: Profile;
  tls: boolean;
}

export interface RouteContext {
  req: IncomingMessage;
  path: string;
  query: URLSearchParams;
  params: Record<string, string | undefined>;
  /** Present on every route whose `auth` is 'session'. */
  session: Session | undefined;
  emulator: Emulator;
}

export interface Route {
  method: Method;
  path: string;
  /** 'session' routes answer 401 Unauthenticated without a live session_id cookie. */
  auth: 'none' | 'session';
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}
