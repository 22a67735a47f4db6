// Runs the diff scenario against one target and records, per step, what can be compared: the status,
// error.type, the contract problems of the answer (suite/checks/response-checker) and its `meta`,
// all normalised (keys → placeholders, remaining_seconds → a mark of presence).
import { responseProblems } from '../../suite/checks/response-checker.ts';
import type { Credentials } from '../../contract/credentials.ts';
import { SpsClient, type ApiResponse } from '../../suite/client/sps-client.ts';
import type { Session, Step } from './scenario.ts';
import { KeyPlaceholders } from './key-placeholders.ts';
import { AUTHENTICATION_PATH, TRANSACTION_PATH } from '../../contract/surface.ts';

export interface Observation {
  status: number;
  errorType: string | null;
  problems: string[];
  meta: unknown;
}

export interface Target {
  url: string;
  account: Credentials;
  tlsVerify: boolean;
}

/** Fills `{name}` (also URL-encoded, as in a query string) with the key captured as `name`. */
function filled(text: string, captured: ReadonlyMap<string, string>): string {
  return text.replace(
    /\{(\w+)\}|%7B(\w+)%7D/g,
    (whole, plain?: string, encoded?: string) => captured.get((plain ?? encoded)!) ?? whole,
  );
}

function send(
  client: SpsClient,
  step: Step,
  target: Target,
  captured: ReadonlyMap<string, string>,
): Promise<ApiResponse> {
  if (step.login) {
    const password = step.login === 'valid' ? target.account.password : `${target.account.password}-wrong`;
    return client.login({ username: target.account.username, password });
  }
  if (step.method === 'DELETE' && step.path === AUTHENTICATION_PATH) return client.logout();
  const body = typeof step.body === 'string' ? filled(step.body, captured) : step.body;
  return client.request({
    method: step.method,
    path: filled(step.path, captured),
    ...(step.headers ? { headers: step.headers } : {}),
    ...(body !== undefined ? { body } : {}),
  });
}

function withoutSeconds(meta: unknown): unknown {
  if (typeof meta !== 'object' || meta === null || !('remaining_seconds' in meta)) return meta;
  return { ...meta, remaining_seconds: '<seconds>' };
}

function observe(res: ApiResponse, step: Step, keys: KeyPlaceholders): Observation {
  keys.learn(res.json, step.capture);
  const json = res.json as { error?: { type?: unknown }; meta?: unknown } | undefined;
  const errorType = typeof json?.error?.type === 'string' ? json.error.type : null;
  const problems = responseProblems({
    method: step.method,
    path: res.request.path,
    status: res.status,
    contentType: res.headers['content-type'],
    json: res.json,
  });
  return {
    status: res.status,
    errorType,
    problems: problems.map((p) => keys.replace(p)),
    meta: keys.normalise(withoutSeconds(json?.meta)),
  };
}

export async function observeTarget(target: Target, steps: readonly Step[]): Promise<Observation[]> {
  const tls = { verify: target.tlsVerify };
  const clients: Record<Session, SpsClient> = {
    main: new SpsClient(target.url, tls),
    other: new SpsClient(target.url, tls),
    anonymous: new SpsClient(target.url, tls),
  };
  const keys = new KeyPlaceholders();
  const captured = new Map<string, string>();
  const observations: Observation[] = [];
  try {
    for (const step of steps) {
      const res = await send(clients[step.session], step, target, captured);
      const key = (res.json as { key?: unknown } | undefined)?.key;
      if (step.capture && typeof key === 'string') captured.set(step.capture, key);
      observations.push(observe(res, step, keys));
    }
  } finally {
    // Leave nothing behind, whatever happened: roll back and log out both sessions.
    for (const client of [clients.main, clients.other].filter((c) => c.loggedIn)) {
      await client.delete(TRANSACTION_PATH).catch(() => undefined);
      await client.logout().catch(() => undefined);
    }
  }
  return observations;
}
