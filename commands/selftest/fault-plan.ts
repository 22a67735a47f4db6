// What each fault run of the self-test runs. By default a fault runs the tests that carry the ids it
// declares, or a fixed sample when no test carries them (commands/selftest/test-selection.ts); --full runs
// the whole suite for every fault. The default-mode column judges only the declared ids whose basis is not `inferred`
// (documented, observed, standard), read from schemas/requirements.yaml.
import type { Fault } from '../../emulator/faults/fault.ts';
import { loadCatalog } from '../../contract/catalog.ts';
import { coveringTests, selectTests, testListText, type ListedTest, type Selection } from './test-selection.ts';

export interface PlannedRun {
  declared: string[];
  /** undefined: the whole suite. */
  testList?: TestList;
  /**
   * Run first: a few tests of testList that carry every declared id between them. Killed there means
   * killed by testList (kills only grow with tests); otherwise testList runs.
   */
  firstTry?: TestList;
}

export interface TestList {
  text: string;
  tests: number;
  /** Stop at the first failure: the run is the sample, and one failing test decides its kill. */
  stopAtFirstFailure: boolean;
  /** Run the setup and teardown projects too (a test of theirs is in the list); else --no-deps. */
  withDependencies: boolean;
}

export interface FaultPlan {
  fault: Fault;
  strict: PlannedRun;
  /** Absent when every id the fault declares is inferred. */
  defaultMode?: PlannedRun;
  /** The catalog's inferred ids: the only ones whose checks behave differently in the two modes. */
  inferred: ReadonlySet<string>;
}

/** The declared ids a default-mode run must fail: those whose basis is not inferred. */
export function nonInferredIds(declared: readonly string[], basisOf: ReadonlyMap<string, string>): string[] {
  return declared.filter((id) => (basisOf.get(id) ?? 'inferred') !== 'inferred');
}

function listOf(tests: readonly ListedTest[], selection: Selection): TestList {
  return {
    text: testListText(tests),
    tests: tests.length,
    stopAtFirstFailure: selection.sample,
    withDependencies: selection.withDependencies,
  };
}

function planned(declared: readonly string[], tests: readonly ListedTest[] | undefined): PlannedRun {
  if (!tests) return { declared: [...declared] };
  const selection = selectTests(tests, declared);
  const cover = coveringTests(selection);
  return {
    declared: [...declared],
    testList: listOf(selection.tests, selection),
    ...(cover ? { firstTry: listOf(cover, selection) } : {}),
  };
}

function sameTests(a: PlannedRun, b: PlannedRun): boolean {
  return a.testList?.text === b.testList?.text && a.firstTry?.text === b.firstTry?.text;
}

/**
 * Whether the strict run already is the default-mode run: the mode changes only what an inferred
 * check does when it fails (specs/evidence.ts: it throws in strict mode, WARNs and goes on in default)
 * and the verdict of an inferred requirement. So when no check of an inferred requirement failed in the
 * strict run (`violated`: the certificate names the ids whose own check failed; a test failing
 * elsewhere fails the same way in both modes) and the default-mode plan runs the same tests, a
 * default-mode run would take the same path and give the declared (not inferred) ids the same
 * verdicts. Else the default column needs a run of its own. (test/selftest-selection.test.ts checks
 * the shortcut against runs of their own.)
 */
export function strictRunServesDefault(plan: FaultPlan, violated: readonly string[]): boolean {
  if (!plan.defaultMode || !sameTests(plan.strict, plan.defaultMode)) return false;
  return violated.every((id) => !plan.inferred.has(id));
}

/** `tests` undefined: --full, every run runs the whole suite. */
export function planFaults(faults: readonly Fault[], tests: readonly ListedTest[] | undefined): FaultPlan[] {
  const basisOf = new Map(loadCatalog().map((r) => [r.id, String(r.basis)]));
  const inferred = new Set([...basisOf].filter(([, basis]) => basis === 'inferred').map(([id]) => id));
  return faults.map((fault) => {
    const documented = nonInferredIds(fault.violates, basisOf);
    return {
      fault,
      inferred,
      strict: planned(fault.violates, tests),
      ...(documented.length > 0 ? { defaultMode: planned(documented, tests) } : {}),
    };
  });
}
