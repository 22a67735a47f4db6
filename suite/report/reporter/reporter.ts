// Our Playwright reporter. For the conformance projects it writes the report dir (DESIGN.md
// "Reports"): certificate.json/.md/.html and repro/<test>/ per failed test. It reads Playwright's
// results and nothing else: the run's facts are the config's metadata (suite/target/run-setup.ts), the
// target's identity, the sentinel and the safety check are the tests' attachments. A shard writes
// nothing of ours (its blob report holds it all); `merge` joins the shards into one certificate.
// Unit-test runs (no conformance tests) write nothing.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { appliesTo, loadCatalog } from '../../../contract/catalog.ts';
import { buildCertificate } from '../certificate/certificate.ts';
import { writeCertificate } from '../certificate/report-files.ts';
import { areaOf, Progress } from './progress.ts';
import { redactText, runSecrets } from '../redact.ts';
import { REPRO_DIR, writeReproBundle, type ReproContext } from '../repro/repro-bundle.ts';
import { safetyResult, targetBrokeReason, type RunFacts } from '../certificate/run-facts.ts';
import { suiteHash, SUITE_ROOT } from '../certificate/suite-hash.ts';
import type { TargetIdentity } from '../certificate/target-identity.ts';
import { recordOf, requirementIds } from './test-records.ts';
import { attachedSafety, attachedTarget, attachedTargetHealth } from './test-attachments.ts';
import type { ShardNote } from './attachments.ts';
import type { TestRecord } from '../certificate/verdicts.ts';
import {
  consoleEnvironment,
  EMULATOR_DEFAULT_PASSWORD,
  loadSettings,
  publicSettings,
  reportDir,
  type Settings,
} from '../../target/settings.ts';
import {
  RUN_METADATA_KEY,
  runOf,
  settingsOfRun,
  shardRunsOf,
  type RunSetup,
  type Shard,
} from '../../target/run-setup.ts';
import { colourWanted, consoleSummary } from './console-summary.ts';
import { writeObservations } from './observations.ts';
import { isListOnly, playwrightTestArgs } from './run-selection.ts';

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
  /** Set by the merge config: the run is a merge of shards' blob reports. */
  merge?: boolean;
}

export default class CertificateReporter implements Reporter {
  readonly #options: ReporterOptions;
  readonly #outputDir: string;
  readonly #results = new Map<TestCase, TestResult>();
  #root: Suite | undefined;
  #shard: FullConfig['shard'] = null;
  #progress: Progress | undefined;
  #areaById = new Map<string, string>();
  /** The run (or in a merge every shard) as the Playwright config settled it: its metadata. */
  #runs: RunSetup[] = [];
  #summary: string | undefined;

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
    if (total === 0) return;
    this.#runs = this.#options.merge ? shardRunsOf(config.metadata) : [runOf(config.metadata)];
    if (this.#options.merge) return;
    this.#progress = new Progress(total);
    this.#areaById = new Map(loadCatalog().map((r) => [r.id, r.area]));
  }

  onTestBegin(test: TestCase): void {
    if (!isConformanceTest(test) || !this.#progress) return;
    this.#progress.testBegins(areaOf(requirementIds(test), this.#areaById));
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.#results.set(test, result);
    if (isConformanceTest(test)) this.#progress?.testEnded(result.status !== test.expectedStatus);
  }

  async onEnd(result: FullResult): Promise<void> {
    const tests = (this.#root?.allTests() ?? []).filter(isConformanceTest);
    if (tests.length === 0) return;
    // --list runs no test: a certificate would claim a run that did not happen.
    if (!this.#options.merge && isListOnly(playwrightTestArgs(process.argv))) return;
    if (this.#shard && !this.#options.merge) {
      // The blob report holds everything the merge needs: results, attachments and this run's metadata.
      process.stdout.write(
        `\nShard ${this.#shard.current} of ${this.#shard.total} done; merge the shards with: sps-conformance merge\n`,
      );
      return;
    }
    const results = tests.flatMap((t) => t.results);
    const facts = this.#runs.length
      ? this.#runs.map((run) => factsOf(run, results, result.status))
      : [missingFacts(loadSettings())];
    const settings = this.#runs[0] ? settingsOfRun(loadSettings(), this.#runs[0]) : loadSettings();
    const setupFailed = tests.some((t) => t.parent.project()?.name === SETUP_PROJECT && t.outcome() === 'unexpected');
    const records = this.#records(tests, setupFailed, this.#reproContext(settings, facts[0]!));
    const catalog = loadCatalog().filter((r) => appliesTo(r, facts[0]!.profile as Settings['profile']));
    const certificate = buildCertificate({ catalog, records, facts, setupFailed, suiteHash: suiteHash() });
    writeCertificate(this.#outputDir, certificate);
    if (settings.observeFile)
      writeObservations(
        settings.observeFile,
        tests.map((t) => this.#results.get(t)),
        certificate,
      );
    const colour = colourWanted(consoleEnvironment(), process.stdout.isTTY === true);
    this.#summary = consoleSummary(this.#outputDir, certificate, { colour });
  }

  /** Printed last, after the html reporter's own hint (reporters exit in order, ours is last). */
  async onExit(): Promise<void> {
    if (this.#summary) process.stdout.write(this.#summary);
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

  /**
   * The test's Playwright trace, when tracing was on (`-- --trace retain-on-failure`), copied into its
   * repro bundle so the bundle is whole; its path relative to the report dir.
   */
  #copyTrace(result: TestResult, repro: string): string | undefined {
    const trace = result.attachments.find((a) => a.name === 'trace' && a.path && existsSync(a.path));
    if (!trace?.path) return undefined;
    const relativePath = `${repro}/trace.zip`;
    copyFileSync(trace.path, join(this.#outputDir, relativePath));
    return relativePath;
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
        const trace = this.#copyTrace(result, record.repro);
        if (trace) record.trace = trace;
        // Playwright's HTML report opens a test by its id (the html reporter sits beside us, reporter-list.ts).
        if (existsSync(join(this.#outputDir, 'html', 'index.html')))
          record.report = `html/index.html#?testId=${encodeURIComponent(test.id)}`;
      }
      return record;
    });
  }
}

const sameShard = (a: Shard | null, b: Shard | null) => (a?.current ?? 0) === (b?.current ?? 0);

/** The notes of one shard (or of the unsharded run) among all results, in the order they were attached. */
function notesOf<T>(
  results: readonly TestResult[],
  read: (r: TestResult) => ShardNote<T> | undefined,
  shard: Shard | null,
): T[] {
  return results.flatMap((r) => {
    const note = read(r);
    return note && sameShard(note.shard, shard) ? [note.value] : [];
  });
}

/** One run's (or shard's) facts: what its config settled, and what its tests attached. */
function factsOf(run: RunSetup, results: readonly TestResult[], playwrightStatus: string): RunFacts {
  const identity = notesOf(results, attachedTarget, run.shard)[0] as TargetIdentity | undefined;
  const reason = notesOf(results, attachedTargetHealth, run.shard)[0];
  const safety = notesOf(results, attachedSafety, run.shard)[0];
  return {
    shard: run.shard,
    runId: run.runId,
    profile: run.profile,
    profileSource: run.profileSource,
    mode: run.mode,
    expectations: run.expectations,
    seed: run.seed,
    fcRuns: run.fcRuns,
    settings: run.settings,
    target: identity ?? {
      url: run.url,
      embedded: run.embedded,
      version: null,
      reported: {},
      infoError: 'the setup attached no GET /api/info answer (specs/target.setup.ts did not run)',
    },
    playwrightStatus,
    selection: run.selection,
    targetBroke: targetBrokeReason(typeof reason === 'string' ? reason : undefined),
    safety: safetyResult(safety),
  };
}

/** Blob reports without our metadata (not made by this suite's config): the run cannot be vouched for. */
function missingFacts(settings: Settings): RunFacts {
  return {
    shard: null,
    runId: settings.runId,
    profile: settings.profile,
    seed: settings.fcSeed,
    fcRuns: settings.fcRuns,
    settings: publicSettings(settings),
    target: { url: settings.url, embedded: settings.embedded, version: null, reported: {} },
    playwrightStatus: 'unknown',
    targetBroke: null,
    safety: null,
    problem: `the reports carry no run facts (metadata.${RUN_METADATA_KEY}): seed, target and settings are the merging machine's, not the run's`,
  };
}
