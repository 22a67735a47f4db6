// The facts one conformance run settles once, in the Playwright runner before any test: the target and
// the embedded emulator's port, the seed, the run id and the profile (SPS_PROFILE, else the live target's
// firmware_version, else the default). They reach the workers and our reporter as Playwright's own
// config metadata (the runner sends its metadata to every worker), never through the environment.
import { createServer } from 'node:net';
import { profileForFirmware } from '../../contract/profiles.ts';
import { fetchTargetIdentity } from '../report/certificate/target-identity.ts';
import type { Settings } from './settings.ts';

/** The key of the run's facts in Playwright's config metadata. */
export const RUN_METADATA_KEY = 'spsRun';

export interface RunSetup {
  url: string;
  embedded: boolean;
  /** The embedded emulator's loopback port; null for a live target. */
  port: number | null;
  seed: number;
  runId: string;
  profile: Settings['profile'];
  /** Why this profile: "SPS_PROFILE", "from firmware 8.0.2" or "default". */
  profileSource: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The profile of the live target's reported firmware, when SPS_PROFILE is unset and it reports one. */
async function profileOfTarget(settings: Settings): Promise<Pick<RunSetup, 'profile' | 'profileSource'>> {
  const chosen = { profile: settings.profile, profileSource: settings.profileSource };
  if (settings.profileSource !== 'default' || settings.embedded) return chosen;
  const identity = await fetchTargetIdentity(settings);
  const name = identity.version ? profileForFirmware(identity.version) : undefined;
  return name ? { profile: name, profileSource: `from firmware ${identity.version}` } : chosen;
}

/** Settles the run: call once, in the Playwright runner (playwright.config.ts). */
export async function resolveRun(settings: Settings): Promise<RunSetup> {
  const port = settings.embedded ? await freePort() : null;
  return {
    url: port === null ? settings.url : `http://127.0.0.1:${port}`,
    embedded: settings.embedded,
    port,
    seed: settings.fcSeed,
    runId: settings.runId,
    ...(await profileOfTarget(settings)),
  };
}

/** The run's facts from Playwright's config metadata; a clear error when the config did not settle them. */
export function runOf(metadata: Record<string, unknown> | undefined): RunSetup {
  const run = metadata?.[RUN_METADATA_KEY] as RunSetup | undefined;
  if (!run || typeof run.runId !== 'string')
    throw new Error(
      `the Playwright config did not settle the run (metadata.${RUN_METADATA_KEY}): use playwright.config.ts`,
    );
  return run;
}

/** The settings of this run: what the environment says, with the facts the run settled. */
export function settingsOfRun(settings: Settings, run: RunSetup): Settings {
  return {
    ...settings,
    url: run.url,
    fcSeed: run.seed,
    runId: run.runId,
    profile: run.profile,
    profileSource: run.profileSource,
  };
}
