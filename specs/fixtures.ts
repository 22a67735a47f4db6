// Playwright fixtures for the conformance specs. Every client made here reports each exchange to the
// test's recorder: the response checker runs on all of them (so every test checks structure), and a
// failing test gets its redacted exchanges attached for the repro bundle.
// Cheap on an appliance (logins and commits take seconds there): the configured account's session is
// logged in once per worker and lent to each test (`sps`), as are a second session (`peer`) and the
// sessions of the other accounts (`as`); `tx` opens a transaction on first use and rolls it back after
// the test, and `draft` creates objects inside it. Each test's cost (suite/client/cost.ts) is annotated.
import { test as base, expect, type TestInfo } from '@playwright/test';
import { Ledger } from '../suite/client/ledger.ts';
import { draftWith, plantWith, PreconditionError, type Planted } from '../suite/client/objects.ts';
import { runName } from '../suite/client/run-names.ts';
import { minimalPlugin } from '../generators/plugin-zip.ts';
import { CostMeter, subtractCost } from '../suite/client/cost.ts';
import { LoginError, SpsClient, type ApiResponse } from '../suite/client/sps-client.ts';
import type { Credentials } from '../contract/credentials.ts';
import { SessionPool, type SharedSession } from './shared-sessions.ts';
import { TARGET_ERROR_MARK } from '../suite/client/target-error.ts';
import { openTransaction, rollbackTransaction } from '../suite/client/transactions.ts';
import type { Exchange } from '../suite/client/exchange.ts';
import { checkProperty, type PropertyFailure } from '../suite/checks/property.ts';
import { RESPONSE_CHECK_IDS, taggedResponseProblems, type TaggedProblem } from '../suite/checks/response-checker.ts';
import { check, checkEach, notTested } from './evidence.ts';
import { ATTACHMENT, COST_ANNOTATION } from '../suite/report/reporter/attachments.ts';
import { redactExchange, redactText } from '../suite/report/redact.ts';
import { Sentinel } from '../suite/target/sentinel.ts';
import { runOf, settingsOfRun } from '../suite/target/run-setup.ts';
import { loadSettings, type Settings } from '../suite/target/settings.ts';
import { profile, type Profile } from '../contract/profiles.ts';
import { loadCatalog } from '../contract/catalog.ts';
import type fc from 'fast-check';
import { POLICIES_PATH } from '../contract/surface.ts';

/**
 * Requirements every test checks in passing, on every response it receives: the documented envelope
 * and meta links, a JSON content type, never a server error, and (inferred) error details, meta on
 * error bodies and singletons, the PUT answer's shape.
 */
export const EVERY_RESPONSE_REQUIREMENTS: string[] = Object.values(RESPONSE_CHECK_IDS);
export const WRITES_OFF = 'SPS_ALLOW_WRITES is off: this check creates or changes objects on the target';
export const PERMANENT_PLUGINS =
  'this SPS version cannot delete plugins: a committed upload would stay on the appliance';
const KEPT_EXCHANGES = 30;

export class Recorder {
  readonly exchanges: Exchange[] = [];
  readonly problems: TaggedProblem[] = [];
  /** Secrets a test sent in payloads (credential-store secrets, passwords): redacted everywhere. */
  readonly secrets: string[] = [];
  readonly #sentinel: Sentinel;

  constructor(sentinel: Sentinel) {
    this.#sentinel = sentinel;
  }

  watch(client: SpsClient): SpsClient {
    client.onExchange((ex) => this.observe(ex));
    return client;
  }

  observe(ex: Exchange): void {
    this.#sentinel.observe(ex.response.status);
    this.exchanges.push(ex);
    if (this.exchanges.length > KEPT_EXCHANGES) this.exchanges.shift();
    const contentType = ex.response.headers['content-type'];
    for (const p of taggedResponseProblems({
      method: ex.request.method,
      path: ex.request.path,
      status: ex.response.status,
      contentType,
      json: ex.json,
    })) {
      this.problems.push({
        id: p.id,
        problem: `${ex.request.method} ${ex.request.path} → ${ex.response.status}: ${p.problem}`,
      });
    }
  }
}

export interface PlantedPlugin extends Planted {
  name: string;
  type: string;
  zip: Buffer;
}

/** Objects a test needs to exist, committed and recorded in the ledger (so removed afterwards). */
export interface Plant {
  plugin(type?: string): Promise<PlantedPlugin>;
  aaInstance(pluginKey: string): Promise<Planted & { name: string }>;
  credentialStore(pluginKey: string): Promise<Planted & { name: string }>;
  usermapping(): Promise<Planted & { name: string }>;
}

export interface SpsFixtures {
  /** Objects committed for the test (each in its own transaction), in the ledger so removed after it. */
  plant: Plant;
  /** Objects created inside the test's transaction (`tx`): never committed, gone with the rollback. */
  draft: Plant;
  recorder: Recorder;
  /**
   * A new session, logged in unless `anonymous`; watched by the recorder, logged out after the test.
   * A login costs seconds on an appliance: only for tests that need a session of their own (a logout).
   */
  connect: (options?: { anonymous?: boolean; username?: string; password?: string }) => Promise<SpsClient>;
  /** The worker's session of SPS_USERNAME / SPS_PASSWORD, lent to this test. */
  sps: SpsClient;
  /** The answer of the login that opened the `sps` session (specs/authentication.spec.ts checks it). */
  spsLogin: ApiResponse;
  /** A second session of the same account, for checks that need another session's view. */
  peer: SpsClient;
  /** A third one: the stateful model's third session, the logout test's session that logs out. */
  third: SpsClient;
  /** The worker's session of another account (read-only, no access), logged in on first use. */
  as: (account: Credentials) => Promise<SpsClient>;
  /**
   * `sps` with a transaction open (opened when the test first asks for it) and rolled back after the
   * test: rollback is cheap on an appliance and leaves no trace; commit only where a requirement needs it.
   */
  tx: SpsClient;
  /** Automatic: what the test cost the target, as an annotation the reporter sums. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a fixture that provides no value is typed void in Playwright
  cost: void;
  /** A client with no session. */
  anonymous: SpsClient;
  /**
   * A logged-in client outside the recorder: the inventory before and after the run fingerprints the
   * target without judging its answers, so an envelope fault fails the specs that check it, not the setup.
   */
  inventoryClient: SpsClient;
  /** Objects this test created; removed after the test. */
  ledger: Ledger;
  /** Requesting it skips the test when writes are off (SKIPPED by settings, never PASS). */
  // biome-ignore lint/suspicious/noConfusingVoidType: a fixture that provides no value is typed void in Playwright
  writes: void;
  /** Automatic: once the sentinel has tripped, every later test is skipped as a target ERROR. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a fixture that provides no value is typed void in Playwright
  healthGate: void;
  /** Runs a property with the run's seed and FC_RUNS, attaching the shrunk case on failure. */
  property: <T>(
    arbitrary: fc.Arbitrary<T>,
    predicate: (value: T) => Promise<void>,
    options?: { maxRuns?: number },
  ) => Promise<void>;
}

export interface SpsWorkerFixtures {
  settings: Settings;
  spsProfile: Profile;
  sentinel: Sentinel;
  /** Every client of this worker counts into it. */
  meter: CostMeter;
  /** The worker's logged-in sessions (specs/shared-sessions.ts), lent to one test at a time. */
  sessions: SessionPool;
}

export function newClient(settings: Settings, meter?: CostMeter): SpsClient {
  const client = new SpsClient(settings.url, { verify: settings.tlsVerify, caFile: settings.caFile }, meter);
  if (profile(settings.profile).commitMessage) client.commitMessage = `sps-conformance run ${settings.runId}`;
  return client;
}

async function attachExchanges(testInfo: TestInfo, recorder: Recorder, settings: Settings): Promise<void> {
  const secrets = [settings.password, ...recorder.secrets];
  const records = recorder.exchanges.map((ex) => redactExchange(ex, secrets));
  await testInfo.attach(ATTACHMENT.exchanges, {
    body: JSON.stringify(records, null, 2),
    contentType: 'application/json',
  });
}

export const test = base.extend<SpsFixtures, SpsWorkerFixtures>({
  // The run's facts (port, seed, run id, profile) as the runner settled them: Playwright's config metadata.
  settings: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's parameter list and needs the object pattern
    async ({}, use, workerInfo) => use(settingsOfRun(loadSettings(), runOf(workerInfo.config.metadata))),
    { scope: 'worker' },
  ],
  spsProfile: [async ({ settings }, use) => use(profile(settings.profile)), { scope: 'worker' }],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's parameter list and needs the object pattern
  sentinel: [async ({}, use) => use(new Sentinel()), { scope: 'worker' }],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's parameter list and needs the object pattern
  meter: [async ({}, use) => use(new CostMeter()), { scope: 'worker' }],
  sessions: [
    async ({ settings, meter }, use) => {
      const pool = new SessionPool(() => newClient(settings, meter));
      await use(pool);
      await pool.close();
    },
    { scope: 'worker' },
  ],

  cost: [
    async ({ meter }, use, testInfo) => {
      const before = meter.total;
      await use();
      testInfo.annotations.push({
        type: COST_ANNOTATION,
        description: JSON.stringify(subtractCost(meter.total, before)),
      });
    },
    { auto: true },
  ],

  healthGate: [
    async ({ sentinel }, use, testInfo) => {
      const verdict = sentinel.tripped;
      test.skip(
        verdict !== undefined,
        `${TARGET_ERROR_MARK} the target stopped answering correctly: ${verdict?.reason}`,
      );
      await use();
      // The reporter learns of a trip from the tests' results (the recorder may trip it after this test).
      const after = sentinel.tripped;
      if (after)
        await testInfo.attach(ATTACHMENT.targetHealth, {
          body: JSON.stringify({ shard: testInfo.config.shard, reason: after.reason }),
          contentType: 'application/json',
        });
    },
    { auto: true },
  ],

  recorder: async ({ settings, sentinel }, use, testInfo) => {
    const recorder = new Recorder(sentinel);
    for (const id of EVERY_RESPONSE_REQUIREMENTS) testInfo.annotations.push({ type: 'requirement', description: id });
    await use(recorder);
    const targetBroke = testInfo.errors.find((e) => (e.message ?? '').includes(TARGET_ERROR_MARK));
    if (targetBroke) sentinel.fault(targetBroke.message?.split('\n')[0] ?? 'target error');
    if (testInfo.status !== testInfo.expectedStatus) await attachExchanges(testInfo, recorder, settings);
    if (testInfo.status === 'passed' && recorder.problems.length > 0) {
      // Graded per requirement: documented envelope problems FAIL, inferred ones WARN in default mode.
      const ids = [...new Set(recorder.problems.map((p) => p.id))];
      const lines = (id: string) => recorder.problems.filter((p) => p.id === id).map((p) => p.problem);
      try {
        checkEach(
          ...ids.map(
            (id) => () =>
              check(
                id,
                () => expect(lines(id), `every response must have the envelope ${id} describes`).toEqual([]),
                'every response',
              ),
          ),
        );
      } catch (error) {
        await attachExchanges(testInfo, recorder, settings);
        throw error;
      }
    }
  },

  connect: async ({ settings, recorder, sentinel, meter }, use) => {
    const made: SpsClient[] = [];
    await use(async (options = {}) => {
      const client = recorder.watch(newClient(settings, meter));
      made.push(client);
      if (!options.anonymous) {
        const configuredUser = options.username === undefined;
        await client
          .mustLogin({
            username: options.username ?? settings.username,
            password: options.password ?? settings.password,
          })
          .catch((error: unknown) => {
            // The configured account must always get in: if it cannot, nothing else can be judged.
            if (configuredUser && error instanceof LoginError) sentinel.fault(error.message, true);
            throw error;
          });
      }
      return client;
    });
    for (const client of made.filter((c) => c.loggedIn)) {
      await rollbackTransaction(client).catch(() => undefined);
      await client.logout().catch(() => undefined);
    }
  },

  sps: async ({ sessions, settings, recorder, sentinel }, use) => {
    const session = sessions.session('sps', settings);
    await use(await lendConfigured(session, recorder, sentinel));
    await session.giveBack();
  },
  spsLogin: async ({ sps: _sps, sessions, settings }, use) => use(sessions.session('sps', settings).loginAnswer!),
  peer: async ({ sessions, settings, recorder, sentinel }, use) => {
    const session = sessions.session('peer', settings);
    await use(await lendConfigured(session, recorder, sentinel));
    await session.giveBack();
  },
  third: async ({ sessions, settings, recorder, sentinel }, use) => {
    const session = sessions.session('third', settings);
    await use(await lendConfigured(session, recorder, sentinel));
    await session.giveBack();
  },
  as: async ({ sessions, recorder }, use) => {
    const lent: SharedSession[] = [];
    await use(async (account) => {
      const session = sessions.session(`account:${account.username}`, account);
      lent.push(session);
      return session.lend(recorder);
    });
    for (const session of lent) await session.giveBack();
  },
  tx: async ({ sps, writes: _writes }, use) => {
    const res = await openTransaction(sps);
    if (res.status !== 200)
      throw new PreconditionError(
        `setup: opening a transaction failed: HTTP ${res.status} ${res.body.toString('utf8').slice(0, 200)}`,
      );
    await use(sps);
    await rollbackTransaction(sps).catch(() => undefined);
  },
  inventoryClient: async ({ settings, sentinel, meter }, use) => {
    const client = newClient(settings, meter);
    await client.mustLogin(settings).catch((error: unknown) => {
      if (error instanceof LoginError) sentinel.fault(error.message, true);
      throw error;
    });
    await use(client);
    await client.logout().catch(() => undefined);
  },
  anonymous: async ({ connect }, use) => use(await connect({ anonymous: true })),

  ledger: async ({ sps, spsProfile, writes: _writes }, use) => {
    const ledger = new Ledger();
    await use(ledger);
    const result = await ledger.cleanup(sps);
    // Before 6.4 plugins answer 405 to DELETE by design; the plant fixture keeps them off live targets.
    const removable = result.failed.filter(
      (f) => spsProfile.pluginDelete || !f.href.startsWith('/api/configuration/plugins/'),
    );
    expect(removable, 'objects this test created must be removable').toEqual([]);
  },

  plant: async ({ sps, ledger, settings, spsProfile }, use, testInfo) => {
    await use(
      objectMaker(sps, settings, testInfo, (what, write) => {
        // Before 6.4 a committed plugin can never be removed: only the disposable emulator may get one.
        if (what.endsWith('plugin')) testInfo.skip(!spsProfile.pluginDelete && !settings.embedded, PERMANENT_PLUGINS);
        return plantWith(sps, ledger, what, write);
      }),
    );
  },
  draft: async ({ tx, settings }, use, testInfo) => {
    await use(objectMaker(tx, settings, testInfo, (what, write) => draftWith(what, write)));
  },

  writes: async ({ settings }, use, testInfo) => {
    testInfo.skip(!settings.allowWrites, WRITES_OFF);
    await use();
  },

  property: async ({ settings, recorder }, use, testInfo) => {
    const attachFailure = (failure: PropertyFailure) =>
      testInfo.attach(ATTACHMENT.propertyFailure, {
        body: redactText(JSON.stringify(failure, null, 2), [settings.password, ...recorder.secrets]),
        contentType: 'application/json',
      });
    await use((arbitrary, predicate, options = {}) =>
      checkProperty(arbitrary, predicate, {
        seed: settings.fcSeed,
        numRuns: Math.min(settings.fcRuns, options.maxRuns ?? Infinity),
        onFailure: attachFailure,
      }),
    );
  },
});

export { expect };

/** Lends the configured account's session; if it cannot log in, nothing else can be judged. */
async function lendConfigured(session: SharedSession, recorder: Recorder, sentinel: Sentinel): Promise<SpsClient> {
  return session.lend(recorder).catch((error: unknown) => {
    if (error instanceof LoginError) sentinel.fault(error.message, true);
    throw error;
  });
}

/** The plant and draft objects: the same objects, made by `make` (committed, or in the open transaction). */
function objectMaker(
  client: SpsClient,
  settings: Settings,
  testInfo: TestInfo,
  make: (what: string, write: () => Promise<ApiResponse>) => Promise<Planted>,
): Plant {
  return {
    async plugin(type = 'aa') {
      const name = runName(settings.runId, 'plugin');
      const zip = await minimalPlugin({ name, type });
      const planted = await make(`a ${type} plugin`, () => client.upload(zip));
      return { ...planted, name, type, zip };
    },
    async aaInstance(pluginKey) {
      const name = runName(settings.runId, 'instance');
      const planted = await make('an AA plugin instance', () =>
        client.post(`${POLICIES_PATH}/aa_plugin_instances`, { name, configuration: '[plugin]\n', plugin: pluginKey }),
      );
      return { ...planted, name };
    },
    async credentialStore(pluginKey) {
      const name = runName(settings.runId, 'store');
      const planted = await make('a credential store', () =>
        client.post(`${POLICIES_PATH}/credentialstores`, {
          name,
          type: { selection: 'external_plugin', plugin: pluginKey },
        }),
      ).catch(async (error: unknown) => {
        // Credential stores "can only be configured using the web interface" (6.9.4 guide): a target
        // that refuses the write WARNs CREDSTORE-CREATE-001 (FAIL in strict mode) and leaves the
        // checks that needed the store NOT-TESTED.
        if (!(error instanceof PreconditionError)) throw error;
        await rollbackTransaction(client).catch(() => undefined);
        check(
          'CREDSTORE-CREATE-001',
          () => {
            throw error;
          },
          'plant',
        );
        const needing = testInfo.annotations
          .filter((a) => a.type === 'requirement' && a.description !== 'CREDSTORE-CREATE-001')
          .map((a) => a.description!);
        return notTested(
          needing.filter((id) => !EVERY_RESPONSE_REQUIREMENTS.includes(id)),
          `the target refused to create a credential store over REST (${error.message})`,
        );
      });
      return { ...planted, name };
    },
    async usermapping() {
      const name = runName(settings.runId, 'usermapping');
      const body = {
        name,
        allow_other_remote_users_without_mapping: false,
        mappings: [{ allowed_groups: ['admins'], remote_user: 'root' }],
      };
      const planted = await make('a usermapping policy', () =>
        client.post(`${POLICIES_PATH}/usermapping_policies`, body),
      );
      return { ...planted, name };
    },
  };
}

/** Each requirement's area, for the `@area:NAME` tags. */
const AREA_BY_ID = new Map(loadCatalog().map((r) => [r.id, r.area]));

/**
 * The annotations and tags of a test that checks these requirement ids: one `requirement` annotation per
 * id (the reporter reads them) and the tags `@ID` and `@area:AREA`, so `--grep @AUTH-LOGIN-001` or
 * `--grep @area:upload` selects the tests of a requirement or an area.
 */
export function requirements(...ids: string[]): {
  annotation: { type: string; description: string }[];
  tag: string[];
} {
  const areas = ids.flatMap((id) => {
    const area = AREA_BY_ID.get(id);
    return area ? [`@area:${area}`] : [];
  });
  return {
    annotation: ids.map((id) => ({ type: 'requirement', description: id })),
    tag: [...new Set([...ids.map((id) => `@${id}`), ...areas])],
  };
}
