// The reference emulator's HTTP front: routing, the session and role gates, JSON replies, and the
// connection handling that keeps hostile clients from crashing it. Never throws out of a request:
// anything unexpected becomes a 500 InternalError body and the process keeps serving.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { profile as profileOf, DEFAULT_PROFILE, type Profile, type ProfileName } from '../contract/profiles.ts';
import { allowed } from './access.ts';
import { DEFAULT_ACCOUNT } from './accounts.ts';
import { declaredLength } from './body.ts';
import { sessionIdFrom } from './cookies.ts';
import { apiError, type Reply } from './errors.ts';
import { memoizedJson } from './list-reply.ts';
import { anonymousSession } from './faults/anonymous-session.ts';
import { faultNamed } from './faults/fault-list.ts';
import { loadState, StateFile, type WriteText } from './persistence.ts';
import type { ConfigState } from './state.ts';
import { DEFAULT_BRAKE, LoginBrake, type BrakeSettings } from './login-brake.ts';
import { Lanes } from './ordering.ts';
import { normalisedPath, parseTarget } from './request-target.ts';
import { RouteLookup } from './route-lookup.ts';
import type { Emulator, Method, Route } from './route-table.ts';
import { authenticationRoutes } from './handlers/authentication.ts';
import { infoRoutes } from './handlers/info.ts';
import { integrityRoutes } from './handlers/integrity.ts';
import { passwordRoutes } from './handlers/passwords.ts';
import { pluginRoutes } from './handlers/plugins.ts';
import { policyRoutes } from './handlers/policies.ts';
import { transactionRoutes } from './handlers/transaction.ts';
import { announcesTooLarge, tooLarge, uploadRoutes } from './handlers/upload.ts';
import { Sessions, type Account } from './sessions.ts';
import { Store } from './store.ts';
import type { TlsMaterial } from './tls.ts';

/** How long a refused body may keep arriving (discarded) before the connection is cut. */
const LINGER_MS = 5_000;
/**
 * A connection silent this long while its request's headers or body are still arriving gets 408 and is
 * closed (nginx's client_header_timeout / client_body_timeout default: 60 s). Tests lower it through
 * `server.timeout`.
 */
export const IDLE_TIMEOUT_MS = 60_000;

export function allRoutes(profile: Profile): Route[] {
  return [
    ...infoRoutes,
    ...authenticationRoutes,
    ...transactionRoutes,
    ...pluginRoutes(profile),
    ...uploadRoutes,
    ...integrityRoutes,
    ...policyRoutes,
    ...passwordRoutes,
  ];
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  profile?: ProfileName;
  accounts?: readonly Account[];
  store?: Store;
  /** Committed configuration is loaded from and saved to this file. */
  stateFile?: string;
  /** The brute-force brake of logins: failures in a row before it engages, and its first pause. false: off. */
  loginBrake?: BrakeSettings | false;
  /** Tests only: replaces the state file's temp-file write, to inject a full disk. */
  stateWrite?: WriteText;
  /** Idle time after which an open transaction is rolled back; 600 s by default. */
  transactionTimeoutMs?: number;
  /** Serve HTTPS with this certificate and key. */
  tls?: TlsMaterial;
  /** Inject this listed fault (emulator/faults) for the self-test; UnknownFaultError when unknown. */
  fault?: string;
  /** Simulated appliance: milliseconds added before every answer, and to each commit. */
  latencyMs?: number;
  commitDelayMs?: number;
}

export interface RunningEmulator {
  url: string;
  emulator: Emulator;
  server: Server;
  close(): Promise<void>;
}

function expectsContinue(req: IncomingMessage): boolean {
  return (req.headers.expect ?? '').toLowerCase() === '100-continue';
}

function announcesBody(req: IncomingMessage): boolean {
  return (declaredLength(req) ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

/**
 * A body the handler did not read to the end: a client still waiting for 100 Continue will never send
 * it, so the connection closes; otherwise the rest drains into nowhere, within LINGER_MS, so the client
 * reads the reply instead of a reset.
 */
function settleUnreadBody(req: IncomingMessage, res: ServerResponse, continued: boolean): void {
  // `complete` is not yet set while a bodyless request is answered synchronously: ask the headers.
  if (req.complete || !announcesBody(req)) return;
  if (expectsContinue(req) && !continued) {
    res.shouldKeepAlive = false;
    return;
  }
  req.on('error', () => undefined);
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
  timer.unref();
  const settled = () => {
    clearTimeout(timer);
    req.off('end', settled);
    req.socket.off('close', settled);
  };
  req.once('end', settled);
  req.socket.once('close', settled);
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply, continued: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const payload: string | Buffer =
    reply.body === undefined ? '' : (memoizedJson(reply.body) ?? JSON.stringify(reply.body));
  settleUnreadBody(req, res, continued);
  const length = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  // The common reply has no extra headers: no object spread on the hot path.
  const headers = reply.headers
    ? { 'content-type': 'application/json', 'content-length': length, ...reply.headers }
    : { 'content-type': 'application/json', 'content-length': length };
  res.writeHead(reply.status, headers);
  res.end(payload);
}

function dispatch(
  router: RouteLookup,
  emulator: Emulator,
  req: IncomingMessage,
  acceptBody: () => void,
): Reply | Promise<Reply> {
  const target = parseTarget(req.url);
  if (!target) return apiError(400, 'SyntacticError', 'The request URL is malformed', (req.url ?? '/').split('?')[0]!);
  const method = (req.method ?? 'GET').toUpperCase() as Method;
  const { path, query } = emulator.fault?.request ? emulator.fault.request({ method, ...target }) : target;
  const found = router.find(method, path);
  if (!found) {
    const allowedHere = router.allowedAt(path);
    if (allowedHere.length === 0) return apiError(404, 'NotFound', 'The requested object does not exist', path);
    const reply = apiError(405, 'MethodNotAllowed', `Use one of these methods: ${allowedHere.join(', ')}`, path);
    return { ...reply, headers: { allow: allowedHere.join(', ') } };
  }
  const { route } = found;
  let session = route.auth === 'session' ? emulator.sessions.touch(sessionIdFrom(req.headers.cookie)) : undefined;
  if (route.auth === 'session') {
    if (!session && emulator.fault?.deviations?.noAuthentication) session = anonymousSession(emulator);
    if (!session) return apiError(401, 'Unauthenticated', 'The client is not authenticated', path);
    const role = emulator.fault?.deviations?.roles?.[session.role] ?? session.role;
    // Judged on the route the router matched, never on the raw target (`/api/%75pload/…`).
    if (!allowed(role, route.path, route.write ?? false)) {
      return apiError(403, 'Unauthorized', 'The client is not authorized to access this resource', path);
    }
    emulator.store.touch(session.id);
  }
  const ctx = { req, path, query, params: found.params, session, emulator, acceptBody };
  // The writes of one session take effect in the order they arrived, whatever connection they use.
  if (session && method !== 'GET') return emulator.sessions.writes.run(session.id, () => route.handle(ctx));
  return route.handle(ctx);
}

/** The reply as the injected fault would send it (the fault's reply rewrite); unchanged without one. */
function faulted(emulator: Emulator, req: IncomingMessage, reply: Reply): Reply {
  const rewrite = emulator.fault?.reply;
  if (!rewrite) return reply;
  const request = { method: (req.method ?? 'GET').toUpperCase(), path: parseTarget(req.url)?.path ?? '/' };
  return rewrite(request, reply, emulator.profile);
}

/**
 * The exchange each connection is on, for the idle timeout: its response (`res.req` is the request).
 * A property of the socket rather than a WeakMap entry: set on every request, and weak maps cost the
 * garbage collector more.
 */
const RECEIVING = Symbol('receiving');
/** The answered exchange after which a keep-alive connection was found idle once already. */
const IDLE_AFTER = Symbol('idle after');
type TrackedSocket = Socket & { [RECEIVING]?: ServerResponse; [IDLE_AFTER]?: ServerResponse };

function handler(router: RouteLookup, emulator: Emulator) {
  // Pipelined requests of one connection are handled one after the other (RFC 9112 §9.3.2).
  const connections = new Lanes<Socket>();
  return (req: IncomingMessage, res: ServerResponse): void => {
    (req.socket as TrackedSocket)[RECEIVING] = res;
    void connections.run(req.socket, () => handleOne(router, emulator, req, res));
  };
}

const TIMEOUT_BODY = JSON.stringify(apiError(408, 'RequestTimeout', 'The request did not arrive in time', '/').body);

/**
 * An idle keep-alive connection: closed, without a word, after two idle periods (a client reusing it
 * just as it closes sees a reset it may retry, never an answer it did not ask for). A next request
 * that stalls in its headers meanwhile gets 408 from Node's own headersTimeout.
 */
function onIdleKeepAlive(socket: TrackedSocket, answered: ServerResponse, idleMs: number): void {
  if (socket[IDLE_AFTER] === answered) return void socket.end();
  socket[IDLE_AFTER] = answered;
  socket.setTimeout(idleMs);
}

/**
 * A connection silent for IDLE_TIMEOUT_MS: 408 and closed when a request is still arriving (headers,
 * or a body not complete); a connection that waits for our answer (a slow commit, a queued pipelined
 * request) is left alone; one between requests is onIdleKeepAlive's.
 */
function onIdle(socket: Socket, idleMs: number): void {
  const res = (socket as TrackedSocket)[RECEIVING];
  if (res?.writableFinished) {
    onIdleKeepAlive(socket, res, idleMs);
    return;
  }
  if (res && (res.req.complete || res.headersSent)) return;
  if (!res) {
    if (socket.writable)
      socket.end(
        `HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(TIMEOUT_BODY)}\r\nconnection: close\r\n\r\n${TIMEOUT_BODY}`,
      );
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
    return;
  }
  const req = res.req;
  res.shouldKeepAlive = false;
  res.writeHead(408, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(TIMEOUT_BODY),
    connection: 'close',
  });
  // The handler still waiting for the body hears 'aborted' when the socket goes.
  res.end(TIMEOUT_BODY, () => req.destroy());
}

/** Handles one request; the promise (when the reply is not ready at once) settles once it is sent. */
function handleOne(
  router: RouteLookup,
  emulator: Emulator,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> | undefined {
  let continued = false;
  const acceptBody = () => {
    if (!continued && expectsContinue(req) && !res.headersSent) res.writeContinue();
    continued = true;
  };
  const fail = (error: unknown): Reply => {
    process.stderr.write(`emulator: internal error on ${req.method} ${req.url}: ${String(error)}\n`);
    return apiError(500, 'InternalError', 'The emulator failed to process the request', '/');
  };
  const sendNow = (r: Reply) => {
    try {
      send(req, res, faulted(emulator, req, r), continued);
    } catch {
      res.destroy();
    }
  };
  // A simulated appliance (--latency) answers later; the connection's next request still waits for it.
  const delay = emulator.latencyMs;
  const reply = (r: Reply): Promise<void> | undefined => {
    if (!delay) return void sendNow(r);
    return new Promise<void>((resolve) => setTimeout(() => resolve(sendNow(r)), delay));
  };
  // Most replies are ready at once: answering synchronously spares the promise hops.
  let result: Reply | Promise<Reply>;
  try {
    result = dispatch(router, emulator, req, acceptBody);
  } catch (error) {
    result = fail(error);
  }
  if (result instanceof Promise) return result.catch(fail).then(reply);
  return reply(result);
}

/** A request Node cannot even parse still gets a JSON error, then the connection closes. */
function refuseUnparsable(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const tooBig = error.code === 'HPE_HEADER_OVERFLOW';
  // Node's own headersTimeout / requestTimeout: the request did not arrive in time.
  const late = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const status = tooBig ? 431 : late ? 408 : 400;
  const body = JSON.stringify(
    late
      ? apiError(408, 'RequestTimeout', 'The request did not arrive in time', '/').body
      : apiError(
          status,
          'SyntacticError',
          tooBig ? 'The request headers are too large' : 'The request is not valid HTTP',
          '/',
        ).body,
  );
  socket.end(
    `HTTP/1.1 ${status} ${tooBig ? 'Request Header Fields Too Large' : late ? 'Request Timeout' : 'Bad Request'}\r\n` +
      `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

export function createEmulatorServer(
  emulator: Emulator,
  routes: readonly Route[] = allRoutes(emulator.profile),
  tls?: TlsMaterial,
): Server {
  const router = new RouteLookup(routes);
  const handle = handler(router, emulator);
  const server: Server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, handle) : createHttpServer(handle);
  // Oversized uploads are refused before the client sends the body; everything else waits until its
  // handler starts reading (acceptBody), so a 401 or 403 never asks for the body either.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const target = parseTarget(req.url);
    if (target && announcesTooLarge(normalisedPath(target.path), declaredLength(req)))
      return send(req, res, faulted(emulator, req, tooLarge(target.path)), false);
    handle(req, res);
  });
  server.on('clientError', refuseUnparsable);
  // One timer per connection, set when it opens and pushed back by every read and write: the idle
  // timeout of requests and of keep-alive alike (onIdle). Node's own keep-alive timeout is off: it
  // would replace that timer at the end of every answer and set it again at the next request, two
  // new timers per request. (Node's 5 s default also closed connections a client on a loaded machine
  // was just reusing: "socket hang up"; an idle one now stays open for two idle periods, 120 s.)
  server.timeout = IDLE_TIMEOUT_MS;
  server.on('timeout', (socket: Socket) => onIdle(socket, server.timeout));
  server.keepAliveTimeout = 0;
  return server;
}

export function newEmulator(options: EmulatorOptions = {}, stateFile?: StateFile): Emulator {
  const fault = options.fault === undefined ? undefined : faultNamed(options.fault);
  const store =
    options.store ??
    new Store(undefined, { transactionTimeoutMs: options.transactionTimeoutMs, deviations: fault?.deviations });
  return {
    store,
    // A session that ends without a logout (idle, or over the per-account cap) leaves no lock behind.
    sessions: new Sessions({ onDrop: (id) => store.rollback(id) }),
    accounts: options.accounts?.length ? options.accounts : [DEFAULT_ACCOUNT],
    ...(options.loginBrake === false ? {} : { loginBrake: new LoginBrake(options.loginBrake ?? DEFAULT_BRAKE) }),
    profile: profileOf(options.profile ?? DEFAULT_PROFILE),
    tls: options.tls !== undefined,
    persist: (state) => (stateFile ? stateFile.save(state) : Promise.resolve()),
    ...(fault ? { fault } : {}),
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
    ...(options.commitDelayMs ? { commitDelayMs: options.commitDelayMs } : {}),
  };
}

/** The --state file, locked, with the committed state it holds (StateFileError when it cannot be used). */
async function openStateFile(
  options: EmulatorOptions,
): Promise<{ file: StateFile; initial: ConfigState | undefined } | undefined> {
  if (!options.stateFile) return undefined;
  const file = new StateFile(options.stateFile, options.stateWrite ? { write: options.stateWrite } : {});
  await file.acquire();
  try {
    return { file, initial: options.store ? undefined : await loadState(options.stateFile) };
  } catch (error) {
    file.release();
    throw error;
  }
}

/**
 * Starts an emulator; port 0 picks a free port. Listens on 127.0.0.1 unless told otherwise.
 * With `stateFile`, the committed configuration is loaded first (StateFileError when it is damaged,
 * locked by another emulator, or its directory is not writable).
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = await openStateFile(options);
  const deviations = options.fault === undefined ? undefined : faultNamed(options.fault).deviations;
  const store =
    options.store ?? new Store(state?.initial, { transactionTimeoutMs: options.transactionTimeoutMs, deviations });
  const emulator = newEmulator({ ...options, store }, state?.file);
  const server = createEmulatorServer(emulator, allRoutes(emulator.profile), options.tls);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  }).catch((error: unknown) => {
    state?.file.release();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    emulator,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          state?.file.release();
          resolve();
        });
      }),
  };
}
