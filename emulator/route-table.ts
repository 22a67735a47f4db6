// The route table's entries: what a route is (method, path, who may call it, its handler) and what a handler
// gets. The handlers, one module per resource family, are under emulator/handlers/; server.ts builds the table.
import type { IncomingMessage } from 'node:http';
import type { Profile } from '../contract/profiles.ts';
import type { Reply } from './errors.ts';
import type { Fault } from './faults/fault.ts';
import type { LoginBrake } from './login-brake.ts';
import type { Query } from './request-target.ts';
import type { Account, Session, Sessions } from './sessions.ts';
import type { ConfigState } from './state.ts';
import type { Store } from './store.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Emulator {
  store: Store;
  sessions: Sessions;
  accounts: readonly Account[];
  profile: Profile;
  tls: boolean;
  /** The injected deviation of a self-test run (`--fault NAME`); undefined in normal use. */
  fault?: Fault;
  /** The brute-force brake of logins (emulator/login-brake.ts); undefined when switched off. */
  loginBrake?: LoginBrake;
  /** Simulated appliance: extra milliseconds before every answer (--latency) and per commit (--commit-delay). */
  latencyMs?: number;
  commitDelayMs?: number;
  /** Saves the committed state (the --state file); resolves once it is durable. */
  persist(state: ConfigState): Promise<void>;
}

export interface RouteContext {
  req: IncomingMessage;
  path: string;
  query: Query;
  /** The route's path parameters, shared by every request for the same path: read, never changed. */
  params: Readonly<Record<string, string | undefined>>;
  /** Present on every route whose `auth` is 'session'. */
  session: Session | undefined;
  emulator: Emulator;
  /** Sends `100 Continue` if the client waits for it; called when the handler starts reading the body. */
  acceptBody(): void;
}

export interface Route {
  method: Method;
  path: string;
  /** 'session' routes answer 401 Unauthenticated without a live session_id cookie. */
  auth: 'none' | 'session';
  /** Changes configuration or transaction state: refused to the readonly role. */
  write?: boolean;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

/** The id of the session of a 'session' route (the dispatcher guarantees one). */
export function sessionId(ctx: RouteContext): string {
  if (!ctx.session) throw new Error(`route ${ctx.path} needs a session`);
  return ctx.session.id;
}
