// Playwright fixtures for the conformance specs: settings, an authenticated client, an anonymous one.
import { test as base, expect } from '@playwright/test';
import { SpsClient } from '../lib/client/sps-client.ts';
import { loadSettings, type Settings } from '../lib/target/settings.ts';
import { profile, type Profile } from '../lib/target/profiles.ts';

export interface SpsFixtures {
  /** A client logged in with SPS_USERNAME / SPS_PASSWORD. */
  sps: SpsClient;
  /** A client with no session. */
  anonymous: SpsClient;
}

export interface SpsWorkerFixtures {
  settings: Settings;
  spsProfile: Profile;
}

export function newClient(settings: Settings): SpsClient {
  return new SpsClient(settings.url, { verify: settings.tlsVerify, caFile: settings.caFile });
}

export const test = base.extend<SpsFixtures, SpsWorkerFixtures>({
  settings: [async ({}, use) => use(loadSettings()), { scope: 'worker' }],
  spsProfile: [async ({ settings }, use) => use(profile(settings.profile)), { scope: 'worker' }],
  sps: async ({ settings }, use) => {
    const client = await newClient(settings).mustLogin(settings);
    await use(client);
    await client.logout().catch(() => undefined);
  },
  anonymous: async ({ settings }, use) => use(newClient(settings)),
});

export { expect };

/** The annotation list for a test that checks these requirement ids. */
export function requirements(...ids: string[]): { annotation: { type: string; description: string }[] } {
  return { annotation: ids.map((id) => ({ type: 'requirement', description: id })) };
}
