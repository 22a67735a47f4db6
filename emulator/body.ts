// Reads request bodies with a size limit, never holding more than the limit in memory. Refusing a body
// before reading it keeps `Expect: 100-continue` clients from sending it at all.
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/** The declared Content-Length, or undefined when absent (chunked) or not a plain number. */
export function declaredLength(req: IncomingMessage): number | undefined {
  const raw = req.headers['content-length'];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/**
 * Reads the whole body, or stops at `limit` bytes. After a stop the rest of the body keeps flowing into
 * nowhere, so the connection stays readable and the client gets the refusal instead of a reset.
 */
export function readBody(req: IncomingMessage, limit: number, acceptBody: () => void): Promise<BodyResult> {
  if ((declaredLength(req) ?? 0) > limit) return Promise.resolve({ ok: false, reason: 'too-large' });
  acceptBody();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        chunks.length = 0;
        resolve({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve({ ok: true, bytes: Buffer.concat(chunks, size) });
    };
    const onError = () => {
      stop();
      resolve({ ok: false, reason: 'aborted' });
    };
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.on('error', () => undefined);
      req.resume();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** The media type of a Content-Type header, lower case, without parameters; undefined when absent. */
export function mediaType(req: IncomingMessage): string | undefined {
  const raw = req.headers['content-type'];
  if (raw === undefined) return undefined;
  return raw.split(';')[0]!.trim().toLowerCase();
}
