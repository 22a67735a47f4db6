// A test proxy in front of the emulator that differs from it only where the SPS documents are silent
// (issue 10 "Done when"): other status codes and error type names for undocumented errors, errors
// without details (except the documented details.path of 401/403) and without meta, bare integrity
// answers, an extra undocumented field in object bodies, no REST logout, no Allow header, and a front
// proxy's own `100 Continue`. A default-mode run against it must exit 0 with those reported as WARN.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  json: Json | undefined;
  raw: Buffer;
}

interface Rewrite {
  /** Which undocumented behaviour it changes (for the test's report). */
  name: string;
  apply(method: string, path: string, answer: Answer): Answer;
}

const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const errorOf = (a: Answer) => (isJson(a.json) && isJson(a.json.error) ? a.json.error : undefined);

function reissue(a: Answer, status: number, type: string): Answer {
  const error = errorOf(a)!;
  return { ...a, status, json: { ...a.json, error: { ...error, type } } };
}

/** Undocumented error answers, re-issued with other statuses or names. Documented rows stay as they are. */
const STATUS_REWRITES: {
  when: (method: string, path: string, type: string | undefined, status: number) => boolean;
  status: number;
  type: string;
  name: string;
}[] = [
  {
    name: 'lock: 423 ConfigurationLocked for 409 TransactionLocked',
    when: (_m, _p, t) => t === 'TransactionLocked',
    status: 423,
    type: 'ConfigurationLocked',
  },
  {
    name: 'media type: 400 InvalidContentType for 415',
    when: (_m, _p, t) => t === 'UnsupportedMediaType',
    status: 400,
    type: 'InvalidContentType',
  },
  {
    name: 'malformed JSON: 400 ParseError for SyntacticError',
    when: (_m, _p, t) => t === 'SyntacticError',
    status: 400,
    type: 'ParseError',
  },
  {
    name: 'oversized upload: 400 FileTooLarge for 413',
    when: (_m, _p, t) => t === 'PayloadTooLarge',
    status: 400,
    type: 'FileTooLarge',
  },
  {
    name: 'refused upload: 400 PluginValidationError',
    when: (m, p, t, s) => m === 'POST' && p === '/api/upload/plugins' && s === 400 && t === 'SemanticError',
    status: 400,
    type: 'PluginValidationError',
  },
  {
    name: 'commit refused: 409 InvalidTransactionState',
    when: (m, p, t) => m === 'PUT' && p === '/api/transaction' && t === 'SemanticError',
    status: 409,
    type: 'InvalidTransactionState',
  },
  {
    name: 'plugin list filter: 400 InvalidFilter for InvalidQuery',
    when: (_m, p, t) => t === 'InvalidQuery' && p.startsWith('/api/configuration/plugins'),
    status: 400,
    type: 'InvalidFilter',
  },
  {
    name: 'GET on the upload endpoint: 404 NotFound for 405',
    when: (m, p) => m === 'GET' && p === '/api/upload/plugins',
    status: 404,
    type: 'NotFound',
  },
];

export const REWRITES: Rewrite[] = [
  {
    name: 'status codes and error type names of undocumented errors',
    apply(method, path, a) {
      const type = errorOf(a)?.type;
      const rule = STATUS_REWRITES.find((r) =>
        r.when(method, path, typeof type === 'string' ? type : undefined, a.status),
      );
      return rule && errorOf(a) ? reissue(a, rule.status, rule.type) : a;
    },
  },
  {
    name: 'errors without details (but 401/403 keep the documented details.path) and without meta',
    apply(_m, _p, a) {
      const error = errorOf(a);
      if (!error) return a;
      const { meta: _meta, ...rest } = a.json!;
      const keepPath =
        (a.status === 401 || a.status === 403) && isJson(error.details)
          ? { details: { path: error.details.path } }
          : {};
      const { details: _details, ...bare } = error;
      return { ...a, json: { ...rest, error: { ...bare, ...keepPath } } };
    },
  },
  {
    name: 'bare integrity answers, exactly the documented sample',
    apply(method, path, a) {
      if (method !== 'GET' || path !== '/api/plugin/integrity' || a.status !== 200 || !isJson(a.json)) return a;
      return { ...a, json: { body: a.json.body } };
    },
  },
  {
    name: 'an extra undocumented field in every object body',
    apply(method, _p, a) {
      if (method !== 'GET' || a.status !== 200 || !isJson(a.json) || !('key' in a.json) || !isJson(a.json.body))
        return a;
      if (a.json.key === 'transaction') return a;
      return { ...a, json: { ...a.json, body: { ...a.json.body, vendor_extension: { added_in: 'a later build' } } } };
    },
  },
  {
    name: 'no Allow header',
    apply(_m, _p, a) {
      const { allow: _allow, ...headers } = a.headers;
      return { ...a, headers };
    },
  },
];

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
}

function send(res: ServerResponse, a: Answer): void {
  const body = a.json !== undefined ? Buffer.from(JSON.stringify(a.json)) : a.raw;
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(a.headers)) {
    if (value === undefined || ['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(name))
      continue;
    headers[name] = value;
  }
  headers['content-length'] = String(body.length);
  res.writeHead(a.status, headers);
  res.end(body);
}

/** No REST logout: DELETE /api/authentication is an unknown path. */
function noLogout(res: ServerResponse): void {
  send(res, {
    status: 404,
    headers: { 'content-type': 'application/json' },
    raw: Buffer.alloc(0),
    json: { error: { type: 'NotFound', message: 'No such endpoint' } },
  });
}

function forward(upstream: URL, agent: Agent, req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET';
  const path = pathOf(req.url);
  if (method === 'DELETE' && path === '/api/authentication') {
    req.resume();
    req.on('end', () => noLogout(res));
    return;
  }
  const { expect: _expect, host: _host, connection: _connection, ...headers } = req.headers;
  let answered = false;
  const out = httpRequest(
    { hostname: upstream.hostname, port: upstream.port, method, path: req.url, headers, agent },
    (up) => {
      // The upstream may answer before the body is through (an oversized upload); it drains the rest.
      answered = true;
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        const raw = Buffer.concat(chunks);
        let json: Json | undefined;
        if (String(up.headers['content-type'] ?? '').startsWith('application/json')) {
          try {
            const parsed: unknown = JSON.parse(raw.toString('utf8'));
            json = isJson(parsed) ? parsed : undefined;
          } catch {
            json = undefined;
          }
        }
        let answer: Answer = { status: up.statusCode ?? 502, headers: up.headers, json, raw };
        for (const rewrite of REWRITES) answer = rewrite.apply(method, path, answer);
        send(res, answer);
      });
    },
  );
  out.on('error', () => {
    if (answered) return;
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(out);
}

export interface SilentProxy {
  url: string;
  close(): Promise<void>;
}

/** Starts the proxy on a free loopback port in front of `upstreamUrl`. */
export async function startSilentDifferences(upstreamUrl: string): Promise<SilentProxy> {
  const upstream = new URL(upstreamUrl);
  // Keep-alive upstream: with `Connection: close` the emulator would close on an early refusal while the
  // proxy is still forwarding the body (EPIPE); a kept-alive connection drains it, as for any client.
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => forward(upstream, agent, req, res));
  // A front proxy that answers `100 Continue` itself, whatever the upstream would say.
  server.on('checkContinue', (req, res) => {
    res.writeContinue();
    forward(upstream, agent, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
