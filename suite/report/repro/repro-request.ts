// The request a repro bundle replays, rebuilt from repro.json and request-N.bin with the placeholders
// filled in: the Basic credentials from the settings, $SPS_SECRET from SPS_SECRET when given.
// A bundle is untrusted input (it may come from anyone): only a path under /api/ of the configured
// target, an HTTP method the API knows, a request file inside the bundle, bounded sizes and header
// values without control characters are accepted; anything else is a ReproBundleError.
import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { HttpRequest } from '../../client/http.ts';
import { FileReadError, readRegularFileSync } from '../../../contract/regular-file.ts';
import { REPRO_FORMAT, REPRO_INDEX, type ReproExchange, type ReproIndex } from './repro-format.ts';
import { printable } from '../terminal-text.ts';

export class ReproBundleError extends Error {}

/** Headers the transport or the session cookie supply again. */
const DROPPED = new Set(['content-length', 'cookie', 'host', 'connection', 'transfer-encoding']);
/** The methods the suite's tests send (PATCH and HEAD for the 405 checks). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** repro.json of the biggest failing property is far below this. */
export const REPRO_INDEX_MAX_BYTES = 16 * 1024 * 1024;
/** Above the 20 MiB upload limit, so an oversize-upload test can be replayed. */
export const REQUEST_FILE_MAX_BYTES = 64 * 1024 * 1024;
const REQUEST_FILE = /^request-\d+\.bin$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

function readBundleFile(file: string, maxBytes: number): Buffer {
  try {
    return readRegularFileSync(file, maxBytes);
  } catch (error) {
    if (error instanceof FileReadError)
      throw new ReproBundleError(error.code === 'ENOENT' ? `no ${file}: not a repro bundle` : error.message);
    throw error;
  }
}

export function readReproIndex(dir: string): ReproIndex {
  const file = join(dir, REPRO_INDEX);
  const bytes = readBundleFile(file, REPRO_INDEX_MAX_BYTES);
  let index: ReproIndex;
  try {
    index = JSON.parse(bytes.toString('utf8')) as ReproIndex;
  } catch {
    throw new ReproBundleError(`${file} is not JSON`);
  }
  if (typeof index !== 'object' || index === null || index.format !== REPRO_FORMAT)
    throw new ReproBundleError(`${file} is not a ${REPRO_FORMAT} index`);
  if (!Array.isArray(index.exchanges)) throw new ReproBundleError(`${file} lists no exchanges`);
  return index;
}

/** A path under /api/ of the target: no scheme or host, no dot segments, no control characters. */
function checkPath(path: unknown): string {
  if (typeof path !== 'string') throw new ReproBundleError('the recorded path is not a string');
  const [pathPart = ''] = path.split('?');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    decoded = pathPart;
  }
  const segments = decoded.split(/[/\\]/);
  const safe =
    (pathPart === '/api' || pathPart.startsWith('/api/')) &&
    !segments.some((s) => s === '.' || s === '..') &&
    !/[\x00-\x20\x7f-\uffff\\#]/.test(path);
  if (!safe)
    throw new ReproBundleError(
      `the recorded path "${printable(path.slice(0, 200))}" is not a path under /api/ of the target: refused`,
    );
  return path;
}

function checkMethod(method: unknown): string {
  if (typeof method !== 'string' || !METHODS.has(method))
    throw new ReproBundleError(
      `the recorded method "${printable(String(method).slice(0, 40))}" is not one the API uses: refused`,
    );
  return method;
}

function checkHeaders(headers: unknown): Record<string, string> {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers))
    throw new ReproBundleError('the recorded headers are not an object');
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name) || typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw new ReproBundleError(
        `the recorded header "${printable(name.slice(0, 60))}" is not a valid header: refused`,
      );
    }
  }
  return headers as Record<string, string>;
}

/** The failing exchange, checked: what `replay` may send. */
export function failingExchange(index: ReproIndex): ReproExchange {
  const exchange = index.exchanges.find((e) => e?.n === index.failing?.exchange);
  if (!exchange) throw new ReproBundleError('the bundle recorded no request to replay');
  checkMethod(exchange.method);
  checkPath(exchange.path);
  checkHeaders(exchange.headers);
  if (
    exchange.requestFile !== null &&
    (typeof exchange.requestFile !== 'string' || !REQUEST_FILE.test(exchange.requestFile))
  ) {
    throw new ReproBundleError(
      `the recorded request file "${printable(String(exchange.requestFile).slice(0, 80))}" is not a request-N.bin of the bundle: refused`,
    );
  }
  return exchange;
}

export function usesSession(exchange: ReproExchange): boolean {
  return Object.entries(exchange.headers).some(([k, v]) => k.toLowerCase() === 'cookie' && v.includes('session_id'));
}

/** The request file, which must really be inside the bundle (no symlink out of it). */
function requestBytes(dir: string, name: string): Buffer {
  const file = join(dir, name);
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new ReproBundleError(`no ${name} in the bundle`);
  }
  if (!real.startsWith(realpathSync(dir) + sep))
    throw new ReproBundleError(`${name} points outside the bundle: refused`);
  return readBundleFile(real, REQUEST_FILE_MAX_BYTES);
}

function body(dir: string, exchange: ReproExchange, secret: string | undefined): Buffer | undefined {
  if (!exchange.requestFile) return undefined;
  const bytes = requestBytes(dir, exchange.requestFile);
  const text = bytes.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(bytes);
  return isText && secret !== undefined ? Buffer.from(text.split('$SPS_SECRET').join(secret), 'utf8') : bytes;
}

export function replayRequest(
  dir: string,
  exchange: ReproExchange,
  credentials: { username: string; password: string },
  secret: string | undefined,
): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(checkHeaders(exchange.headers))) {
    if (DROPPED.has(name.toLowerCase())) continue;
    headers[name] =
      name.toLowerCase() === 'authorization'
        ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`
        : value;
  }
  const bytes = body(dir, exchange, secret);
  return {
    method: checkMethod(exchange.method),
    path: checkPath(exchange.path),
    headers,
    ...(bytes ? { body: bytes } : {}),
  };
}
