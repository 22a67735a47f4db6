// The facts one conformance run (or one shard of it) settles once, in the Playwright runner before any
// test: the target and the embedded emulator's port, the seed, the run id, the profile (SPS_PROFILE, else
// the live target's firmware_version, else the default), the mode and the public settings. They reach
// the workers and our reporter as Playwright's own config metadata (the runner sends its metadata to every
// worker, a blob report keeps it for the merge), never through the environment or a file of ours.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { profileForFirmware } from '../../contract/profiles.ts';
import { fetchTargetIdentity } from '../report/certificate/target-identity.ts';
import { publicSettings, type Settings } from './settings.ts';

/** The key of the run's facts in Playwright's config metadata. */
export const RUN_METADATA_KEY = 'spsRun';
/** A shard's facts also under a key of its own: a merge joins the shards' metadata into one object. */
const SHARD_KEY = /^spsRun shard (\d+) of (\d+)$/;

export interface Shard {
  current: number;
  total: number;
}

export interface RunSetup {
  url: string;
  embedded: boolean;
  /** The embedded emulator's loopback port; null for a live target. */
  port: number | null;
  shard: Shard | null;
  seed: number;
  fcRuns: number;
  runId: string;
  profile: Settings['profile'];
  /** Why this profile: "SPS_PROFILE", "from firmware 8.0.2" or "default". */
  profileSource: string;
  /** strict: inferred violations FAIL; default: they WARN (an observe run is always default). */
  mode: 'strict' | 'default';
  /** The expectations file the run is held to, with its SHA-256. */
  expectations: { file: string; sha256: string } | null;
  /** publicSettings(): no secret. */
  settings: Record<string, unknown>;
  /** Why this run is a subset of the suite (--grep, a file filter, ...); empty for a full run. */
  selection: string[];
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

export function expectationsFacts(file: string): { file: string; sha256: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { file, sha256: 'unreadable' };
  }
  return { file, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Settles the run: call once, in the Playwright runner (playwright.config.ts). */
export async function resolveRun(
  settings: Settings,
  shard: Shard | undefined,
  selection: string[] = [],
): Promise<RunSetup> {
  const port = settings.embedded ? await freePort() : null;
  const url = port === null ? settings.url : `http://127.0.0.1:${port}`;
  const chosen = await profileOfTarget(settings);
  const observing = settings.observeFile !== undefined;
  return {
    url,
    embedded: settings.embedded,
    port,
    shard: shard ?? null,
    seed: settings.fcSeed,
    fcRuns: settings.fcRuns,
    runId: settings.runId,
    ...chosen,
    mode: settings.strict && !observing ? 'strict' : 'default',
    expectations: settings.expectationsFile && !observing ? expectationsFacts(settings.expectationsFile) : null,
    settings: publicSettings({ ...settings, url, ...chosen }),
    selection,
  };
}

/** The config metadata that carries the run; a shard's also under a key of its own, for the merge. */
export function runMetadata(run: RunSetup): Record<string, RunSetup> {
  const shardKey = run.shard ? { [`spsRun shard ${run.shard.current} of ${run.shard.total}`]: run } : {};
  return { [RUN_METADATA_KEY]: run, ...shardKey };
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

/** In a merge: every shard's facts, by shard number. */
export function shardRunsOf(metadata: Record<string, unknown>): RunSetup[] {
  return Object.entries(metadata)
    .filter(([key]) => SHARD_KEY.test(key))
    .map(([, run]) => run as RunSetup)
    .sort((a, b) => (a.shard?.current ?? 0) - (b.shard?.current ?? 0));
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
