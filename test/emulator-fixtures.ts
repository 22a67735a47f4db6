// Shared setup for the emulator unit tests: an in-process emulator per test, logged-in clients, and
// small plugin zips. Not a test file itself (the unit project runs *.test.ts only).
import { expect, test as base } from '@playwright/test';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/server.ts';
import type { Account } from '../emulator/sessions.ts';
import { SpsClient, type ApiResponse } from '../suite/client/sps-client.ts';

export type ApiResponseLike = ApiResponse;
import { openTransaction } from '../suite/client/transactions.ts';
import type { ZipFile } from '../generators/zip-bytes.ts';
import { minimalPlugin } from '../generators/plugin-zip.ts';
import { TRANSACTION_PATH } from '../contract/surface.ts';

export const ADMIN: Account = { username: 'admin', password: 'admin-pw', role: 'admin' };
export const OTHER_ADMIN: Account = { username: 'second', password: 'second-pw', role: 'admin' };
export const READER: Account = { username: 'reader', password: 'reader-pw', role: 'readonly' };
export const NOBODY: Account = { username: 'nobody', password: 'nobody-pw', role: 'none' };
export const ACCOUNTS = [ADMIN, OTHER_ADMIN, READER, NOBODY];

export async function emulatorWith(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, accounts: ACCOUNTS, ...options });
}

export async function clientFor(running: RunningEmulator, account: Account = ADMIN): Promise<SpsClient> {
  return new SpsClient(running.url).mustLogin(account);
}

export const test = base.extend<{ emu: RunningEmulator; admin: SpsClient }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's parameter list and needs the object pattern
  emu: async ({}, use) => {
    const running = await emulatorWith();
    await use(running);
    await running.close();
  },
  admin: async ({ emu }, use) => use(await clientFor(emu)),
});

export { expect };

export function manifest(fields: Record<string, string>): string {
  return `${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n`;
}

/** A valid plugin zip (the minimal plugin of generators/plugin-zip.ts), optionally with default.cfg. */
export function pluginZip(
  name: string,
  type = 'aa',
  extra: { version?: string; cfg?: string; files?: ZipFile[] } = {},
): Promise<Buffer> {
  const cfg = extra.cfg !== undefined ? [{ name: 'default.cfg', content: extra.cfg }] : [];
  return minimalPlugin({ name, type, description: `${name} plugin`, version: extra.version ?? '1.0', api: '1.6' }, [
    ...cfg,
    ...(extra.files ?? []),
  ]);
}

export function json<T = Record<string, unknown>>(res: ApiResponse): T {
  return res.json as T;
}

/** Asserts an error reply: status, error.type and the common envelope. */
export function expectError(res: ApiResponse, status: number, type: string): void {
  expect(res.status, res.body.toString('utf8').slice(0, 300)).toBe(status);
  const body = json<{ error: { type: string; message: string; details: { path: string } }; meta: { href: string } }>(
    res,
  );
  expect(body.error.type).toBe(type);
  expect(typeof body.error.message).toBe('string');
  expect(body.meta.href).toBe(body.error.details.path);
  expect(res.headers['content-type']).toBe('application/json');
}

export async function uploadPlugin(client: SpsClient, name: string, type = 'aa'): Promise<string> {
  const res = await client.upload(await pluginZip(name, type));
  expect(res.status, res.body.toString('utf8').slice(0, 300)).toBe(201);
  return json<{ key: string }>(res).key;
}

export { openTransaction };
export const TX = TRANSACTION_PATH;
export const COMMIT = { status: 'commit' };
