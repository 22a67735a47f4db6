// The request a repro bundle replays, rebuilt from repro.json and request-N.bin with the placeholders
// filled in: the Basic credentials from the settings, $SPS_SECRET from SPS_SECRET when given.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpRequest } from '../client/http.ts';
import { REPRO_FORMAT, REPRO_INDEX, type ReproExchange, type ReproIndex } from './repro-format.ts';

export class ReproBundleError extends Error {}

/** Headers the transport or the session cookie supply again. */
const DROPPED = new Set(['content-length', 'cookie', 'host', 'connection', 'transfer-encoding']);

export function readReproIndex(dir: string): ReproIndex {
  const file = join(dir, REPRO_INDEX);
  if (!existsSync(file)) throw new ReproBundleError(`no ${REPRO_INDEX} in ${dir}: not a repro bundle`);
  let index: ReproIndex;
  try {
    index = JSON.parse(readFileSync(file, 'utf8')) as ReproIndex;
  } catch {
    throw new ReproBundleError(`${file} is not JSON`);
  }
  if (index.format !== REPRO_FORMAT) throw new ReproBundleError(`${file} is not a ${REPRO_FORMAT} index`);
  return index;
}

export function failingExchange(index: ReproIndex): ReproExchange {
  const exchange = index.exchanges.find((e) => e.n === index.failing?.exchange);
  if (!exchange) throw new ReproBundleError('the bundle recorded no request to replay');
  return exchange;
}

export function usesSession(exchange: ReproExchange): boolean {
  return Object.entries(exchange.headers).some(([k, v]) => k.toLowerCase() === 'cookie' && v.includes('session_id'));
}

function body(dir: string, exchange: ReproExchange, secret: string | undefined): Buffer | undefined {
  if (!exchange.requestFile) return undefined;
  const bytes = readFileSync(join(dir, exchange.requestFile));
  const text = bytes.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(bytes);
  return isText && secret !== undefined ? Buffer.from(text.split('$SPS_SECRET').join(secret), 'utf8') : bytes;
}

export function replayRequest(dir: string, exchange: ReproExchange, credentials: { username: string; password: string }, secret: string | undefined): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(exchange.headers)) {
    if (DROPPED.has(name.toLowerCase())) continue;
    headers[name] = name.toLowerCase() === 'authorization' ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}` : value;
  }
  const bytes = body(dir, exchange, secret);
  return { method: exchange.method, path: exchange.path, headers, ...(bytes ? { body: bytes } : {}) };
}
