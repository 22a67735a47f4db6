// Which conformance tests a fault run needs, derived from the suite itself: Playwright lists every test
// with its requirement annotations (`--list --reporter=json`), and a fault runs the tests that carry an
// id it declares. That decides its kill exactly as the whole suite would: a requirement fails when any
// test carrying it fails, so the tests that carry none of the declared ids cannot change the verdict
// (and every one of them carries the every-response ids at run time, so those fail with them).
// Only a fault whose declared ids no listed test carries (the every-response checks the recorder adds
// to every test at run time) needs other tests: it runs a fixed sample of the suite, stopping at the
// first failure, which is all its kill needs. The result is a --test-list file (no --grep escaping).
import { CODE_EXTENSION } from '../../contract/code-extension.ts';
// The setup and teardown projects (the inventory safety check that guards a live appliance) run only
// when they carry a declared id: each fault run has a fresh emulator of its own, so there is nothing to
// guard, and they cost two Playwright worker starts per run. Without them a fault must be caught by the
// tests of its own ids, never by a failed setup making the whole run INVALID (every test ERROR).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The sample: every SAMPLE_EVERY-th test in the list order. */
export const SAMPLE_EVERY = 8;
/** The project the fault runs select from (its setup and teardown projects: see above). */
const SELECTED_PROJECT = 'conformance';

export interface ListedTest {
  project: string;
  /** Relative to the repository root, with forward slashes (as --test-list wants it). */
  file: string;
  /** describe titles, then the test title. */
  titlePath: string[];
  requirementIds: string[];
}

interface JsonSpec {
  title: string;
  file: string;
  tests: { projectName: string; annotations: { type: string; description?: string }[] }[];
}
interface JsonSuite {
  title: string;
  file: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}

export function listedTests(json: { suites: JsonSuite[] }): ListedTest[] {
  const tests: ListedTest[] = [];
  const visit = (suite: JsonSuite, path: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const requirementIds = t.annotations
          .filter((a) => a.type === 'requirement' && a.description)
          .map((a) => a.description!);
        tests.push({ project: t.projectName, file: spec.file, titlePath: [...path, spec.title], requirementIds });
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const file of json.suites) visit(file, []);
  return tests;
}

/** Playwright's own list of the conformance tests (no target is contacted: --list runs no test). */
export function listSuiteTests(env: NodeJS.ProcessEnv): Promise<ListedTest[]> {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const args = [
    cli,
    'test',
    '--config',
    `${ROOT}playwright.config.${CODE_EXTENSION}`,
    '--list',
    '--reporter=json',
    '--project=conformance',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`playwright --list exited ${code}: ${err.split('\n')[0]}`));
      try {
        resolve(listedTests(JSON.parse(Buffer.concat(out).toString('utf8')) as { suites: JsonSuite[] }));
      } catch (error) {
        reject(error);
      }
    });
  });
}

export interface Selection {
  tests: ListedTest[];
  /** Declared ids that some listed test carries: their tests are all in the selection. */
  targeted: string[];
  /** Declared ids no listed test carries: checked by the sample when nothing else is targeted. */
  sampled: string[];
  /** The sample run: it may stop at its first failure (--max-failures=1). */
  sample: boolean;
  /** A setup or teardown test carries a declared id: the run keeps its project dependencies. */
  withDependencies: boolean;
}

/** The tests a fault declaring `declared` runs (setup and teardown only when they carry one of its ids). */
export function selectTests(all: readonly ListedTest[], declared: readonly string[]): Selection {
  const conformance = all.filter((t) => t.project === SELECTED_PROJECT);
  const carried = new Set(conformance.flatMap((t) => t.requirementIds));
  const targeted = declared.filter((id) => carried.has(id));
  const sample = targeted.length === 0;
  const guards = all.filter((t) => t.project !== SELECTED_PROJECT);
  const withDependencies = guards.some((t) => t.requirementIds.some((id) => declared.includes(id)));
  const chosen = new Set<ListedTest>(withDependencies ? guards : []);
  conformance.forEach((t, i) => {
    if (sample ? i % SAMPLE_EVERY === 0 : t.requirementIds.some((id) => targeted.includes(id))) chosen.add(t);
  });
  return {
    tests: all.filter((t) => chosen.has(t)),
    targeted,
    sampled: declared.filter((id) => !carried.has(id)),
    sample,
    withDependencies,
  };
}

/**
 * The first try of a targeted selection: a few of its tests that between them carry every targeted id
 * (greedily, the test carrying most of the ids not yet covered, the earlier one on a tie). Sound as a
 * shortcut because kills only grow with tests: a requirement fails when any test carrying it fails, so
 * a fault these tests kill is killed by the whole selection too; a fault they do not kill runs the whole
 * selection (the caller's part). Undefined when there is no shortcut: the sample, a selection that keeps
 * its setup and teardown, or a cover as large as the selection.
 */
export function coveringTests(selection: Selection): ListedTest[] | undefined {
  if (selection.sample || selection.withDependencies) return undefined;
  const uncovered = new Set(selection.targeted);
  const cover = new Set<ListedTest>();
  while (uncovered.size > 0) {
    let best: ListedTest | undefined;
    let bestCount = 0;
    for (const t of selection.tests) {
      const count = t.requirementIds.filter((id) => uncovered.has(id)).length;
      if (count > bestCount) [best, bestCount] = [t, count];
    }
    if (!best) return undefined;
    cover.add(best);
    for (const id of best.requirementIds) uncovered.delete(id);
  }
  const tests = selection.tests.filter((t) => cover.has(t));
  return tests.length < selection.tests.length ? tests : undefined;
}

/**
 * The --test-list file: `[project] › file › describe › title`, one test a line. A title holding the
 * delimiter itself cannot be written so: that test's whole file is listed instead (more, never fewer).
 */
export function testListText(tests: readonly ListedTest[]): string {
  const lines = tests.map((t) => {
    const clean = t.titlePath.every((title) => !title.includes('›'));
    return [`[${t.project}]`, t.file, ...(clean ? t.titlePath : [])].join(' › ');
  });
  return `${[...new Set(lines)].join('\n')}\n`;
}
