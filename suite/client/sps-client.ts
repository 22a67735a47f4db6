// The SPS REST client: Basic login, the session_id cookie, JSON and zip requests.
import { CostMeter } from './cost.ts';
import type { ExchangeListener } from './exchange.ts';
import { TargetError } from './target-error.ts';
import { sendExpectingContinue, type ContinueOutcome } from './expect-continue.ts';
import { jsonOf, transport, type HttpRequest, type HttpResponse, type TlsOptions, type Transport } from './http.ts';
import type { Credentials } from '../../contract/credentials.ts';
import { AUTHENTICATION_PATH, UPLOAD_PATH } from '../../contract/surface.ts';

export interface ApiResponse extends HttpResponse {
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
  request: HttpRequest;
}

export class LoginError extends TargetError {}

function sessionIdFromSetCookie(header: string | string[] | undefined): string | undefined {
  for (const line of [header ?? []].flat()) {
    const match = /(?:^|;\s*)session_id=([^;]*)/.exec(line);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

export class SpsClient {
  /**
   * The commit_message every commit of this client sends (8.x profiles: the 8.0 LTS guide's field, which
   * an appliance set to require a commit log insists on); undefined: commits send only the status.
   */
  commitMessage: string | undefined;
  /** What this client's requests cost (suite/client/cost.ts); clients may share one meter. */
  readonly meter: CostMeter;
  readonly #send: Transport;
  readonly #baseUrl: string;
  readonly #tls: TlsOptions;
  readonly #listeners: ExchangeListener[] = [];
  #sessionId: string | undefined;

  constructor(baseUrl: string, tls: TlsOptions = { verify: true }, meter = new CostMeter()) {
    this.meter = meter;
    this.#send = transport(baseUrl, tls);
    this.#baseUrl = baseUrl;
    this.#tls = tls;
  }

  get loggedIn(): boolean {
    return this.#sessionId !== undefined;
  }

  /** GET /api/authentication with Basic credentials; keeps the session cookie on success. */
  async login(credentials: Credentials): Promise<ApiResponse> {
    const token = Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64');
    const res = await this.raw({
      method: 'GET',
      path: AUTHENTICATION_PATH,
      headers: { authorization: `Basic ${token}` },
    });
    const id = res.status === 200 ? sessionIdFromSetCookie(res.headers['set-cookie']) : undefined;
    if (id) this.#sessionId = id;
    return res;
  }

  /** Like login, but a failure is an error: for fixtures that need a session to proceed. */
  async mustLogin(credentials: Credentials): Promise<this> {
    const res = await this.login(credentials);
    if (!this.loggedIn) throw new LoginError(`login as ${credentials.username} failed: HTTP ${res.status}`);
    return this;
  }

  async logout(): Promise<ApiResponse> {
    const res = await this.request({ method: 'DELETE', path: AUTHENTICATION_PATH });
    // Logout is undocumented: a target without it keeps the session, and the client keeps using it.
    if (res.status < 300) this.#sessionId = undefined;
    return res;
  }

  /** Sends a request with the session cookie (if any); the response is read whole. */
  async request(req: HttpRequest): Promise<ApiResponse> {
    const headers = { ...req.headers };
    if (this.#sessionId) headers.cookie = `session_id=${this.#sessionId}`;
    return this.raw({ ...req, headers });
  }

  /** Calls `listener` with every exchange this client completes (repro bundles, the response checker). */
  onExchange(listener: ExchangeListener): void {
    this.#listeners.push(listener);
  }

  async raw(req: HttpRequest): Promise<ApiResponse> {
    const res = await this.#send(req);
    const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
    const json = jsonOf(res);
    const exchange = {
      request: { method: req.method, path: req.path, headers: { ...req.headers }, body },
      response: res,
      json,
      at: Date.now(),
    };
    this.meter.count(exchange);
    for (const listener of this.#listeners) listener(exchange);
    return { ...res, json, request: req };
  }

  get(path: string): Promise<ApiResponse> {
    return this.request({ method: 'GET', path });
  }

  delete(path: string): Promise<ApiResponse> {
    return this.request({ method: 'DELETE', path });
  }

  post(path: string, body: unknown): Promise<ApiResponse> {
    return this.request({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  put(path: string, body: unknown): Promise<ApiResponse> {
    return this.request({
      method: 'PUT',
      path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** An upload that announces `announcedLength` bytes and sends the zip only after 100 Continue. */
  async uploadExpectingContinue(zip: Buffer, announcedLength = zip.length): Promise<ContinueOutcome> {
    const headers: Record<string, string> = {
      'content-type': 'application/zip',
      'content-length': String(announcedLength),
    };
    if (this.#sessionId) headers.cookie = `session_id=${this.#sessionId}`;
    const path = UPLOAD_PATH;
    const outcome = await sendExpectingContinue(this.#baseUrl, this.#tls, path, headers, zip);
    // The body travels only when it is complete and the server continued or the wait ran out.
    const sent = announcedLength === zip.length && (outcome.continued || outcome.waited) ? zip : Buffer.alloc(0);
    this.meter.count({
      request: { method: 'POST', path, headers, body: sent },
      response: { status: outcome.status, headers: {}, body: outcome.body },
    });
    return outcome;
  }

  upload(zip: Buffer, contentType: string | null = 'application/zip'): Promise<ApiResponse> {
    const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    return this.request({ method: 'POST', path: UPLOAD_PATH, headers, body: zip });
  }
}
