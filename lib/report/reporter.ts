// Our Playwright reporter: joins the catalog with the conformance project's results and writes
// <outputDir>/certificate.json. Unit-test runs (no conformance tests) write nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { appliesTo, loadCatalog } from './catalog.ts';
import { buildCertificate } from './certificate.ts';
import { recordOf } from './test-records.ts';
import { loadSettings } from '../target/settings.ts';

/** The conformance project and its setup/teardown projects (conformance-setup, conformance-teardown). */
export const CONFORMANCE_PROJECT = 'conformance';

function isConformance(name: string | undefined): boolean {
  return name === CONFORMANCE_PROJECT || (name ?? '').startsWith(`${CONFORMANCE_PROJECT}-`);
}

export interface ReporterOptions {
  outputDir?: string;
}

export default class CertificateReporter implements Reporter {
  readonly #outputDir: string;
  readonly #results = new Map<TestCase, TestResult>();
  #root: Suite | undefined;

  constructor(options: ReporterOptions = {}) {
    this.#outputDir = options.outputDir ?? 'reports/latest';
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.#root = suite;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.#results.set(test, result);
  }

  onEnd(): void {
    const tests = (this.#root?.allTests() ?? []).filter((t) => isConformance(t.parent.project()?.name));
    if (tests.length === 0) return;
    const settings = loadSettings();
    const catalog = loadCatalog().filter((r) => appliesTo(r, settings.profile));
    const setupFailed = tests.some((t) => t.parent.project()?.name === `${CONFORMANCE_PROJECT}-setup` && t.outcome() === 'unexpected');
    const records = tests.map((t) => recordOf(t, this.#results.get(t), setupFailed));
    const certificate = buildCertificate(settings, catalog, records);
    mkdirSync(this.#outputDir, { recursive: true });
    writeFileSync(join(this.#outputDir, 'certificate.json'), `${JSON.stringify(certificate, null, 2)}\n`);
    const t = certificate.totals;
    process.stdout.write(
      `\nCertificate: ${join(this.#outputDir, 'certificate.json')}\n` +
        `Requirements: ${t.PASS} PASS, ${t.FAIL} FAIL, ${t.ERROR} ERROR, ${t.SKIPPED} SKIPPED, ${t['NOT-TESTED']} NOT-TESTED\n`,
    );
  }
}
