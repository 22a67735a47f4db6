// Our Playwright reporter. For the conformance projects it writes the report dir (DESIGN.md
// "Reports"): certificate.json/.md/.html and repro/<test>/ per failed test. In a shard it writes only
// the run's facts beside the blob report; `merge` (mergeFrom) joins the shards into one certificate.
// Unit-test runs (no conformance tests) write nothing.
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { appliesTo, loadCatalog } from '../../../contract/catalog.ts';
import { buildCertificate } from '../certificate/certificate.ts';
import { writeCertificate } from '../certificate/report-files.ts';
import { areaOf, Progress } from './progress.ts';
import { redactText, runSecrets } from '../redact.ts';
import { REPRO_DIR, writeReproBundle, type ReproContext } from '../repro/repro-bundle.ts';
import {
  readShardFacts,
  safetyResult,
  targetBrokeReason,
  writeShardFacts,
  type RunFacts,
} from '../certificate/run-facts.ts';
import { suiteHash, SUITE_ROOT } from '../certificate/suite-hash.ts';
import { fetchTargetIdentity, type TargetIdentity } from '../certificate/target-identity.ts';
import { recordOf, requirementIds } from './test-records.ts';
import type { TestRecord } from '../certificate/verdicts.ts';
import {
  EMULATOR_DEFAULT_PASSWORD,
  loadSettings,
  publicSettings,
  reportDir,
  type Settings,
} from '../../target/settings.ts';
import { consoleSummary } from './console-summary.ts';
import { expectationsFacts, writeObservations } from './observations.ts';

/** The conformance project and its setup/teardown projects (conformance-setup, conformance-teardown). */
export const CONFORMANCE_PROJECT = 'conformance';
const SETUP_PROJECT = `${CONFORMANCE_PROJECT}-setup`;

function isConformance(name: string | undefined): boolean {
  return name === CONFORMANCE_PROJECT || (name ?? '').startsWith(`${CONFORMANCE_PROJECT}-`);
}

const isConformanceTest = (t: TestCase) => isConformance(t.parent.project()?.name);

export interface ReporterOptions {
  /** The report dir: reports/latest unless SPS_REPORT_DIR says otherwise. */
  outputDir?: string;
  /** Where a shard leaves its facts (beside its blob report). */
  shardFactsDir?: string;
  /** Set by the merge config: the blob dir whose shard facts to join. */
  mergeFrom?: string;
}

export default class CertificateReporter implements Reporter {
  readonly #options: ReporterOptions;
  readonly #outputDir: string;
  readonly #results = new Map<TestCase, TestResult>();
  readonly #startedAt = Date.now();
  #root: Suite | undefined;
  #shard: FullConfig['shard'] = null;
  #progress: Progress | undefined;
  #areaById = new Map<string, string>();
  #identity: Promise<TargetIdentity> | undefined;

  constructor(options: ReporterOptions = {}) {
    this.#options = options;
    // Without options (`--reporter=<this file>`, as the self-test runs it): SPS_REPORT_DIR or reports/latest.
    this.#outputDir = options.outputDir ?? reportDir();
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.#root = suite;
    this.#shard = config.shard;
    const total = suite.allTests().filter(isConformanceTest).length;
    if (total === 0 || this.#options.mergeFrom) return;
    this.#progress = new Progress(total);
    this.#areaById = new Map(loadCatalog().map((r) => [r.id, r.area]));
  }

  onTestBegin(test: TestCase): void {
    if (!isConformanceTest(test) || !this.#progress) return;
    // The target is surely up once a test starts (the embedded emulator is gone again by onEnd).
    this.#identity ??= fetchTargetIdentity(loadSettings());
    this.#progress.testBegins(areaOf(requirementIds(test), this.#areaById));
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.#results.set(test, result);
    if (isConformanceTest(test)) this.#progress?.testEnded(result.status !== test.expectedStatus);
  }

  async onEnd(result: FullResult): Promise<void> {
    const tests = (this.#root?.allTests() ?? []).filter(isConformanceTest);
    if (tests.length === 0) return;
    const settings = loadSettings();
    if (this.#shard && !this.#options.mergeFrom) return this.#endShard(settings, result);
    const facts = this.#options.mergeFrom ? this.#mergedFacts(settings) : [await this.#liveFacts(settings, result)];
    const setupFailed = tests.some((t) => t.parent.project()?.name === SETUP_PROJECT && t.outcome() === 'unexpected');
    const records = this.#records(tests, setupFailed, this.#reproContext(settings, facts[0]!));
    const catalog = loadCatalog().filter((r) => appliesTo(r, facts[0]!.profile as Settings['profile']));
    const certificate = buildCertificate({ catalog, records, facts, setupFailed, suiteHash: suiteHash() });
    const file = writeCertificate(this.#outputDir, certificate);
    if (settings.observeFile)
      writeObservations(
        settings.observeFile,
        tests.map((t) => this.#results.get(t)),
        certificate,
      );
    process.stdout.write(consoleSummary(file, certificate));
  }

  async #liveFacts(settings: Settings, result: FullResult): Promise<RunFacts> {
    return {
      shard: this.#shard ?? null,
      runId: settings.runId,
      profile: settings.profile,
      profileSource: settings.profileSource,
      mode: settings.strict && !settings.observeFile ? 'strict' : 'default',
      expectations:
        settings.expectationsFile && !settings.observeFile ? expectationsFacts(settings.expectationsFile) : null,
      seed: settings.fcSeed,
      fcRuns: settings.fcRuns,
      settings: publicSettings(settings),
      target: await (this.#identity ?? fetchTargetIdentity(settings)),
      playwrightStatus: result.status,
      targetBroke: targetBrokeReason(this.#outputDir, this.#startedAt),
      safety: safetyResult(this.#outputDir, this.#startedAt),
    };
  }

  async #endShard(settings: Settings, result: FullResult): Promise<void> {
    const dir = this.#options.shardFactsDir;
    if (!dir)
      throw new Error(
        'a sharded run needs the reporter option shardFactsDir (see suite/report/reporter/reporter-list.ts)',
      );
    const file = writeShardFacts(dir, await this.#liveFacts(settings, result));
    process.stdout.write(`\nShard facts: ${file}; merge the shards with: sps-conformance merge ${dir}\n`);
  }

  #mergedFacts(settings: Settings): RunFacts[] {
    const found = readShardFacts(this.#options.mergeFrom!);
    if (found.length) return found;
    const target = { url: settings.url, embedded: settings.embedded, version: null, reported: {} };
    const unknown = {
      shard: null,
      runId: settings.runId,
      profile: settings.profile,
      seed: settings.fcSeed,
      fcRuns: settings.fcRuns,
    };
    return [
      {
        ...unknown,
        settings: publicSettings(settings),
        target,
        playwrightStatus: 'unknown',
        targetBroke: null,
        safety: null,
        problem: `no sps-shard-*.json in ${this.#options.mergeFrom}: seed, target and settings are the merging machine's, not the run's`,
      },
    ];
  }

  #reproContext(settings: Settings, facts: RunFacts): ReproContext {
    return {
      runId: facts.runId,
      profile: facts.profile,
      seed: facts.seed,
      fcRuns: facts.fcRuns,
      targetUrl: facts.target.url,
      tlsVerify: settings.tlsVerify,
      caFile: settings.caFile,
      secrets: runSecrets(settings, EMULATOR_DEFAULT_PASSWORD),
    };
  }

  /** Verdict records, with a repro bundle written for each failed or broken test that ran. */
  #records(tests: readonly TestCase[], setupFailed: boolean, ctx: ReproContext): TestRecord[] {
    rmSync(join(this.#outputDir, REPRO_DIR), { recursive: true, force: true });
    return tests.map((test) => {
      const result = this.#results.get(test);
      const record = recordOf(test, result, setupFailed);
      record.file = relative(SUITE_ROOT, record.file).split('\\').join('/');
      // WARN lines quote what came back: never with a secret in them.
      record.warnings = record.warnings?.map((w) => ({
        ...w,
        expected: redactText(w.expected, ctx.secrets),
        actual: redactText(w.actual, ctx.secrets),
      }));
      if (!record.warnings) delete record.warnings;
      if (result && result.status !== 'skipped' && (record.outcome === 'failed' || record.outcome === 'error')) {
        record.repro = writeReproBundle(this.#outputDir, test, result, record.outcome, ctx);
      }
      return record;
    });
  }
}
