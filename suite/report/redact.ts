// Removes secrets from what the suite keeps: credentials, session cookies, and any known secret
// value (passwords, credential-store secrets) wherever it appears. Replacements name an environment
// variable, so a repro's curl command can be filled in by whoever replays it.
import type { Exchange } from '../client/exchange.ts';

export interface ExchangeRecord {
  request: { method: string; path: string; headers: Record<string, string>; bodyBase64: string | null };
  response: { status: number; headers: Record<string, string | string[]>; bodyBase64: string };
  at: string;
}

const HEADER_PLACEHOLDERS: Record<string, string> = {
  authorization: 'Basic $SPS_BASIC_AUTH',
  cookie: 'session_id=$SPS_SESSION_ID',
  'set-cookie': 'session_id=$SPS_SESSION_ID',
};

/** Replaces every occurrence of each secret (of 4+ characters) in `text`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('$SPS_SECRET');
  return out;
}

function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
  secrets: readonly string[],
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const placeholder = HEADER_PLACEHOLDERS[name.toLowerCase()];
    out[name] =
      placeholder ?? (Array.isArray(value) ? value.map((v) => redactText(v, secrets)) : redactText(value, secrets));
  }
  return out;
}

/** Bodies are redacted as text only when they are text; binary bodies (zips) carry no secrets we sent. */
function redactBody(body: Buffer | undefined, secrets: readonly string[]): string | null {
  if (body === undefined) return null;
  const text = body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(body);
  return isText ? Buffer.from(redactText(text, secrets), 'utf8').toString('base64') : body.toString('base64');
}

export function redactExchange(exchange: Exchange, secrets: readonly string[]): ExchangeRecord {
  return {
    request: {
      method: exchange.request.method,
      path: redactText(exchange.request.path, secrets),
      headers: redactHeaders(exchange.request.headers, secrets) as Record<string, string>,
      bodyBase64: redactBody(exchange.request.body, secrets),
    },
    response: {
      status: exchange.response.status,
      headers: redactHeaders(exchange.response.headers, secrets),
      bodyBase64: redactBody(exchange.response.body, secrets) ?? '',
    },
    at: new Date(exchange.at).toISOString(),
  };
}

const SESSION_COOKIE = /session_id=(?!\$SPS_SESSION_ID)[^;\s"'\\,]+/g;

/**
 * The last line of defence for text the reporter writes (certificate, repro bundles): known secrets
 * and any session_id cookie value become placeholders, whatever the specs already redacted.
 */
export function scrubText(text: string, secrets: readonly string[]): string {
  return redactText(text, secrets).replace(SESSION_COOKIE, 'session_id=$SPS_SESSION_ID');
}

/**
 * The run's secret values. The embedded emulator's documented default password is public (README) and
 * would otherwise turn every "sps-conformance" in a report into a placeholder, so it is left out.
 */
export function runSecrets(settings: { password: string }, defaultPassword: string): string[] {
  return settings.password && settings.password !== defaultPassword ? [settings.password] : [];
}
