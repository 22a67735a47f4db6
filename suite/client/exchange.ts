// One request/response pair as the suite saw it: what repro bundles and the response checker read.
import type { IncomingHttpHeaders } from 'node:http';

export interface Exchange {
  request: { method: string; path: string; headers: Record<string, string>; body: Buffer | undefined };
  response: { status: number; headers: IncomingHttpHeaders; body: Buffer };
  /** The response body parsed as JSON (undefined when it is not JSON): parsed once, for every listener. */
  json: unknown;
  /** When the response was complete (ms since epoch). */
  at: number;
}

export type ExchangeListener = (exchange: Exchange) => void;
