// A request that announces its body and waits for "100 Continue" before sending it (RFC 9110 §10.1.1),
// to check that a server refuses an oversized upload before the body travels.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import type { TlsOptions } from './http.ts';
import { TransportError } from './http.ts';

export interface ContinueOutcome {
  /** True when the server sent 100 Continue before its final answer. */
  continued: boolean;
  status: number;
  body: Buffer;
}

/** Sends the headers with `Expect: 100-continue`; sends `body` only if the server says continue. */
export function sendExpectingContinue(baseUrl: string, tls: TlsOptions, path: string, headers: Record<string, string>, body: Buffer): Promise<ContinueOutcome> {
  const base = new URL(baseUrl);
  const secure = base.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = send({
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port,
      method: 'POST',
      path: base.pathname.replace(/\/+$/, '') + path,
      headers: { ...headers, expect: '100-continue' },
      agent: false,
      ...(secure ? { rejectUnauthorized: tls.verify, ...(tls.caFile ? { ca: readFileSync(tls.caFile) } : {}) } : {}),
    });
    req.on('continue', () => {
      continued = true;
      req.end(body);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ continued, status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
        if (!continued) req.destroy();
      });
    });
    req.on('error', (error) => reject(new TransportError(`POST ${path} (Expect: 100-continue): ${error.message}`)));
    req.flushHeaders();
  });
}
