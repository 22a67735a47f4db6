// The preflight of a run against a live target, before any test: the URL answers (within the request
// timeout), its TLS certificate is trusted, the login works, the answers look like SPS (JSON with
// `meta`), and the firmware version. Each failure is one line that names the URL and the setting that
// fixes it, so a wrong URL or password is not reported as a flood of failed tests.
import { RequestTimeoutError, TransportError } from '../client/http.ts';
import { SpsClient, type ApiResponse } from '../client/sps-client.ts';
import type { Settings } from './settings.ts';

export type PreflightResult =
  | { ok: true; firmwareVersion: string | undefined }
  /** usage: a setting is missing or unreadable (exit 2); otherwise the target failed it (INVALID, exit 3). */
  | { ok: false; message: string; usage: boolean };

export type PreflightSettings = Pick<
  Settings,
  'url' | 'username' | 'password' | 'tlsVerify' | 'caFile' | 'requestTimeoutMs'
>;

/** Thrown inside the preflight; its message is the one line the user sees. */
class PreflightFailure extends Error {}

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const UNKNOWN_CA = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);
const TLS_FIX = 'set SPS_CA_FILE to the CA certificate (PEM) that signed it, or SPS_TLS_VERIFY=false to skip the check';

/** The one line for a request that got no answer at all. */
function unreachable(url: string, error: TransportError): string {
  if (error instanceof RequestTimeoutError) return `${error.message.replace(/^\S+ /, '')}; is the URL right?`;
  const code = error.code ?? '';
  if (SELF_SIGNED.has(code)) return `TLS: ${url} presents a self-signed certificate: ${TLS_FIX}`;
  if (UNKNOWN_CA.has(code)) return `TLS: the certificate of ${url} is signed by an unknown CA: ${TLS_FIX}`;
  if (code === 'CERT_HAS_EXPIRED')
    return `TLS: the certificate of ${url} has expired (SPS_TLS_VERIFY=false skips the check)`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return `TLS: the certificate of ${url} is not for host ${new URL(url).hostname}: use the name it was issued for in SPS_URL, or SPS_TLS_VERIFY=false`;
  if (code === 'ECONNREFUSED') return `cannot reach ${url}: connection refused; is the URL right and the appliance up?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `cannot reach ${url}: host ${new URL(url).hostname} not found`;
  return `cannot reach ${url}: ${error.message.replace(/^\[target-error\] /, '')}`;
}

async function send(url: string, call: () => Promise<ApiResponse>): Promise<ApiResponse> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TransportError) throw new PreflightFailure(unreachable(url, error));
    throw error;
  }
}

function isJson(res: ApiResponse): boolean {
  return /^application\/([\w.+-]*\+)?json\b/i.test(String(res.headers['content-type'] ?? ''));
}

/** sps-api-facts.md §1.10: /api/info answers JSON whose `meta` is {href: "/api/info", parent: "/api"}. */
function looksLikeSpsInfo(res: ApiResponse): boolean {
  const meta = (res.json as { meta?: { href?: unknown } } | undefined)?.meta;
  return res.status === 200 && isJson(res) && typeof meta?.href === 'string';
}

function describe(res: ApiResponse): string {
  const type = String(res.headers['content-type'] ?? 'no content type').split(';')[0];
  return `HTTP ${res.status} (${type})`;
}

function checkLogin(s: PreflightSettings, res: ApiResponse, client: SpsClient): void {
  const where = `${s.url}/api/authentication`;
  if (res.status === 404)
    throw new PreflightFailure(
      `${where} answered 404: not an SPS REST API; is the URL the appliance's base URL, without /api?`,
    );
  if (res.status === 401)
    throw new PreflightFailure(
      `wrong credentials: ${s.url} refused the login of "${s.username}" (HTTP 401); check SPS_USERNAME and SPS_PASSWORD`,
    );
  if (res.status !== 200) throw new PreflightFailure(`the login at ${where} failed: ${describe(res)}`);
  if (!client.loggedIn)
    throw new PreflightFailure(
      `${s.url} does not look like an SPS REST API: the login answered ${describe(res)} without a session_id cookie`,
    );
}

async function checks(s: PreflightSettings): Promise<string | undefined> {
  let client: SpsClient;
  try {
    client = new SpsClient(s.url, { verify: s.tlsVerify, caFile: s.caFile, requestTimeoutMs: s.requestTimeoutMs });
  } catch (error) {
    throw new PreflightFailure(`SPS_CA_FILE cannot be read: ${(error as Error).message}`);
  }
  const info = await send(s.url, () => client.raw({ method: 'GET', path: '/api/info' }));
  checkLogin(s, await send(s.url, () => client.login(s)), client);
  if (!looksLikeSpsInfo(info))
    throw new PreflightFailure(
      `${s.url} does not look like an SPS REST API: GET /api/info answered ${describe(info)} without the JSON "meta" object SPS answers with`,
    );
  try {
    const full = await send(s.url, () => client.request({ method: 'GET', path: '/api/info' }));
    const version = (full.json as { firmware_version?: unknown } | undefined)?.firmware_version;
    return typeof version === 'string' ? version : undefined;
  } finally {
    await client.logout().catch(() => undefined);
  }
}

export async function preflight(settings: PreflightSettings): Promise<PreflightResult> {
  if (!settings.username)
    return {
      ok: false,
      usage: true,
      message: `SPS_USERNAME is not set: name the REST user of ${settings.url} in SPS_USERNAME and SPS_PASSWORD (the emulator's default account is never sent to a live target)`,
    };
  try {
    return { ok: true, firmwareVersion: await checks(settings) };
  } catch (error) {
    if (!(error instanceof PreflightFailure)) throw error;
    return { ok: false, usage: error.message.startsWith('SPS_CA_FILE'), message: error.message };
  }
}
