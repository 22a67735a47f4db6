// A request that announces its body and waits for "100 Continue" before sending it (RFC 9110 §10.1.1),
// to check that a server refuses an oversized upload before the body travels. Like curl, it does not
// wait forever: a server (or a front proxy) that never answers the expectation gets the body after a
// short wait. A body announced larger than it is (the oversized probe) is never sent: after a
// `100 Continue` or the wait, the probe stops and says so.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import type { TlsOptions } from './http.ts';
import { TransportError } from './http.ts';

/** How long to wait for the interim answer before sending anyway (curl waits one second). */
export const CONTINUE_WAIT_MS = 1_000;

export interface ContinueOutcome {
  /** True when the server sent 100 Continue before its final answer. */
  continued: boolean;
  /** The final status; 0 when the probe stopped without one (an oversized body it will not send). */
  status: number;
  body: Buffer;
  /** True when no interim or final answer came within the wait. */
  waited: boolean;
}

/** Sends the headers with `Expect: 100-continue`; sends `body` only if the server says continue. */
export function sendExpectingContinue(
  baseUrl: string,
  tls: TlsOptions,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  waitMs = CONTINUE_WAIT_MS,
): Promise<ContinueOutcome> {
  const base = new URL(baseUrl);
  const secure = base.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const announced = Number(headers['content-length'] ?? body.length);
  const complete = announced === body.length;
  return new Promise((resolve, reject) => {
    let continued = false;
    let waited = false;
    let settled = false;
    const finish = (outcome: ContinueOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
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
    /** Sends the body if it is whole; an oversized probe stops instead of sending a short body. */
    const proceed = () => {
      if (complete) return req.end(body);
      finish({ continued, status: 0, body: Buffer.alloc(0), waited });
      req.destroy();
    };
    const timer = setTimeout(() => {
      waited = true;
      proceed();
    }, waitMs);
    req.on('continue', () => {
      continued = true;
      clearTimeout(timer);
      proceed();
    });
    req.on('response', (res) => {
      clearTimeout(timer);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        finish({ continued, status: res.statusCode ?? 0, body: Buffer.concat(chunks), waited });
        if (!continued) req.destroy();
      });
    });
    req.on('error', (error) => {
      if (settled) return;
      clearTimeout(timer);
      settled = true;
      reject(new TransportError(`POST ${path} (Expect: 100-continue): ${error.message}`));
    });
    req.flushHeaders();
  });
}
