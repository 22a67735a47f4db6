// The reference emulator's HTTP front: routing, the session gate, JSON replies. Never throws out of a
// request: anything unexpected becomes a 500 InternalError body and the process keeps serving.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import FindMyWay from 'find-my-way';
import { profile as profileOf, DEFAULT_PROFILE, type ProfileName } from '../lib/target/profiles.ts';
import { DEFAULT_ACCOUNT } from './accounts.ts';
import { sessionIdFrom } from './cookies.ts';
import { apiError, type Reply } from './errors.ts';
import type { Emulator, Method, Route } from './route.ts';
import { authenticationRoutes } from './routes/authentication.ts';
import { infoRoutes } from './routes/info.ts';
import { pluginRoutes } from './routes/plugins.ts';
import { Sessions, type Account } from './sessions.ts';
import { Store } from './store.ts';

export const ALL_ROUTES: readonly Route[] = [...infoRoutes, ...authenticationRoutes, ...pluginRoutes];
const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'DELETE'];

export interface EmulatorOptions {
  port?: number;
  host?: string;
  profile?: ProfileName;
  accounts?: readonly Account[];
  store?: Store;
}

export interface RunningEmulator {
  url: string;
  emulator: Emulator;
  server: Server;
  close(): Promise<void>;
}

type Router = FindMyWay.Instance<FindMyWay.HTTPVersion.V1>;

function buildRouter(routes: readonly Route[]): Router {
  const router = FindMyWay({ ignoreTrailingSlash: true, caseSensitive: true });
  for (const route of routes) router.on(route.method, route.path, () => undefined, route);
  return router;
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...reply.headers,
  });
  res.end(payload);
}

function allowedMethods(router: Router, path: string): Method[] {
  return METHODS.filter((m) => router.find(m, path) !== null);
}

async function dispatch(router: Router, emulator: Emulator, req: IncomingMessage): Promise<Reply> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://emulator.invalid');
  } catch {
    return apiError(400, 'InvalidQuery', 'The request URL cannot be parsed', '/');
  }
  const path = url.pathname;
  const method = (req.method ?? 'GET').toUpperCase() as Method;
  const found = METHODS.includes(method) ? router.find(method, path) : null;
  if (!found) {
    const allowed = allowedMethods(router, path);
    if (allowed.length === 0) return apiError(404, 'NotFound', 'The requested object does not exist', path);
    const reply = apiError(405, 'MethodNotAllowed', `Use one of these methods: ${allowed.join(', ')}`, path);
    return { ...reply, headers: { allow: allowed.join(', ') } };
  }
  const route = found.store as Route;
  const session = route.auth === 'session' ? emulator.sessions.touch(sessionIdFrom(req.headers.cookie)) : undefined;
  if (route.auth === 'session' && !session) {
    return apiError(401, 'Unauthenticated', 'The client is not authenticated', path);
  }
  return route.handle({ req, path, query: url.searchParams, params: found.params, session, emulator });
}

export function createEmulatorServer(emulator: Emulator, routes: readonly Route[] = ALL_ROUTES): Server {
  const router = buildRouter(routes);
  return createServer((req, res) => {
    dispatch(router, emulator, req)
      .catch((error: unknown) => {
        process.stderr.write(`emulator: internal error on ${req.method} ${req.url}: ${String(error)}\n`);
        return apiError(500, 'InternalError', 'The emulator failed to process the request', req.url ?? '/');
      })
      .then((reply) => send(res, reply));
  });
}

export function newEmulator(options: EmulatorOptions = {}): Emulator {
  return {
    store: options.store ?? new Store(),
    sessions: new Sessions(),
    accounts: options.accounts?.length ? options.accounts : [DEFAULT_ACCOUNT],
    profile: profileOf(options.profile ?? DEFAULT_PROFILE),
    tls: false,
  };
}

/** Starts an emulator; port 0 picks a free port. Listens on 127.0.0.1 unless told otherwise. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = newEmulator(options);
  const server = createEmulatorServer(emulator);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    emulator,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
