// One HTTP exchange with full control over the bytes sent, so a repro can replay exactly them.
import { request as httpRequest, Agent as HttpAgent, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { readFileSync } from 'node:fs';
import { TargetError } from './target-error.ts';

export interface HttpRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface TlsOptions {
  verify: boolean;
  caFile?: string | undefined;
  /** How long a request may wait for its answer (SPS_REQUEST_TIMEOUT); unset: no limit. */
  requestTimeoutMs?: number | undefined;
}

export class TransportError extends TargetError {
  /** The socket or TLS error code (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT, ...), when there was one. */
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

/** No answer within the request timeout: the message names the URL and the setting. */
export class RequestTimeoutError extends TransportError {}

function transportError(req: HttpRequest, error: Error): TransportError {
  if (error instanceof TransportError) return error;
  return new TransportError(`${req.method} ${req.path}: ${error.message}`, (error as NodeJS.ErrnoException).code);
}

export type Transport = (req: HttpRequest) => Promise<HttpResponse>;

/** A keep-alive transport to `baseUrl`; every request goes to baseUrl + req.path. */
export function transport(baseUrl: string, tls: TlsOptions = { verify: true }): Transport {
  const base = new URL(baseUrl);
  const secure = base.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({
        keepAlive: true,
        rejectUnauthorized: tls.verify,
        ...(tls.caFile ? { ca: readFileSync(tls.caFile) } : {}),
      })
    : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;
  const prefix = base.pathname.replace(/\/+$/, '');

  return (req) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
      const headers: Record<string, string> = { ...req.headers };
      const framed = hasHeader(headers, 'content-length') || hasHeader(headers, 'transfer-encoding');
      if (body !== undefined && !framed) headers['content-length'] = String(body.length);
      const outgoing = send(
        {
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port,
          method: req.method,
          path: prefix + req.path,
          headers,
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', (error) => reject(transportError(req, error)));
        },
      );
      outgoing.on('error', (error) => reject(transportError(req, error)));
      if (tls.requestTimeoutMs !== undefined) {
        const seconds = tls.requestTimeoutMs / 1000;
        outgoing.setTimeout(tls.requestTimeoutMs, () =>
          outgoing.destroy(
            new RequestTimeoutError(
              `no answer from ${base.origin}${prefix}${req.path} within ${seconds} s (SPS_REQUEST_TIMEOUT=${seconds})`,
            ),
          ),
        );
      }
      outgoing.end(body);
    });
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

/** The body parsed as JSON, or undefined when it is not JSON. */
export function jsonOf(res: HttpResponse): unknown {
  if (res.body.length === 0) return undefined;
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch {
    return undefined;
  }
}
