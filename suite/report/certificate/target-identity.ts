// Who the target says it is: GET /api/info (readable without a session) may carry firmware_version.
// Only a few named, non-secret fields are kept; an unreachable target is recorded, not fatal.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFileSync } from 'node:fs';
import type { Settings } from '../../target/settings.ts';

export interface TargetIdentity {
  url: string;
  embedded: boolean;
  /** firmware_version from /api/info, when the target reports one. */
  version: string | null;
  /** The /api/info fields kept: firmware_version, hostname, nickname (strings only). */
  reported: Record<string, string>;
  /** Why /api/info could not be read, when it could not. */
  infoError?: string;
}

const KEPT_FIELDS = ['firmware_version', 'hostname', 'nickname'] as const;
const TIMEOUT_MS = 5_000;

function getJson(url: string, settings: Pick<Settings, 'tlsVerify' | 'caFile'>): Promise<unknown> {
  const secure = url.startsWith('https:');
  const send = secure ? httpsRequest : httpRequest;
  const tls = secure
    ? { rejectUnauthorized: settings.tlsVerify, ...(settings.caFile ? { ca: readFileSync(settings.caFile) } : {}) }
    : {};
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'GET', agent: false, timeout: TIMEOUT_MS, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          reject(new Error('the body is not JSON'));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end();
  });
}

export function identityFromInfo(settings: Pick<Settings, 'url' | 'embedded'>, info: unknown): TargetIdentity {
  const reported: Record<string, string> = {};
  const fields = (info ?? {}) as Record<string, unknown>;
  for (const name of KEPT_FIELDS) if (typeof fields[name] === 'string') reported[name] = fields[name] as string;
  return { url: settings.url, embedded: settings.embedded, version: reported.firmware_version ?? null, reported };
}

export async function fetchTargetIdentity(settings: Settings): Promise<TargetIdentity> {
  try {
    return identityFromInfo(settings, await getJson(`${settings.url}/api/info`, settings));
  } catch (error) {
    return {
      url: settings.url,
      embedded: settings.embedded,
      version: null,
      reported: {},
      infoError: error instanceof Error ? error.message : String(error),
    };
  }
}
