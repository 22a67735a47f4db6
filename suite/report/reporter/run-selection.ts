// Whether a Playwright run selects a subset of the suite (--grep, file filters, --last-failed, a project
// other than conformance, ...), read from the runner's command line. A subset run cannot certify: its
// certificate is PARTIAL, and `run` puts it in a place of its own (reports/latest-partial unless
// SPS_REPORT_DIR names one), never over the last full run's. --list runs no test, so it writes no certificate at all; a shard is whole once merged.

/** Options that select tests, and how the reason reads. */
const SELECTING: Record<string, string> = {
  '--grep': '--grep',
  '-g': '--grep',
  '--grep-invert': '--grep-invert',
  '--last-failed': '--last-failed',
  '--only-changed': '--only-changed',
  '--test-list': '--test-list',
  '--test-list-invert': '--test-list-invert',
  '--max-failures': '--max-failures (stops early)',
  '-x': '-x (stops at the first failure)',
};

/** Playwright test options that take a value, so the value is not read as a file filter. */
const TAKES_VALUE = new Set([
  '--config',
  '-c',
  '--project',
  '--grep',
  '-g',
  '--grep-invert',
  '--shard',
  '--reporter',
  '--workers',
  '-j',
  '--retries',
  '--timeout',
  '--output',
  '--trace',
  '--repeat-each',
  '--max-failures',
  '--global-timeout',
  '--tsconfig',
  '--test-list',
  '--test-list-invert',
  '--update-source-method',
  '--browser',
]);

/** The arguments after `test` on a Playwright command line (process.argv of the runner). */
export function playwrightTestArgs(argv: readonly string[]): string[] {
  const at = argv.indexOf('test');
  return at < 0 ? [] : argv.slice(at + 1);
}

function optionName(arg: string): string {
  return arg.startsWith('--') ? arg.split('=')[0]! : arg;
}

/** Only the conformance project (whose setup and teardown come with it) is the whole suite. */
function projectFilter(name: string): string | undefined {
  return name === 'conformance' ? undefined : `--project ${name}`;
}

/** Why these test arguments select a subset of the suite; empty for a full run. --shard is not counted. */
export function subsetReasons(args: readonly string[]): string[] {
  const reasons: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = optionName(arg);
    const inlineValue = arg.startsWith('--') && arg.includes('=') ? arg.slice(name.length + 1) : undefined;
    const value = inlineValue ?? (TAKES_VALUE.has(name) ? args[i + 1] : undefined);
    if (TAKES_VALUE.has(name) && inlineValue === undefined) i++;
    if (SELECTING[name])
      reasons.push(value !== undefined && TAKES_VALUE.has(name) ? `${SELECTING[name]} ${value}` : SELECTING[name]!);
    else if (name === '--project' && value !== undefined) {
      const reason = projectFilter(value);
      if (reason) reasons.push(reason);
    } else if (!arg.startsWith('-')) reasons.push(`only ${arg}`);
  }
  return [...new Set(reasons)];
}

/** --list: Playwright lists the tests and runs none. */
export function isListOnly(args: readonly string[]): boolean {
  return args.includes('--list');
}

/** Where a subset run's reports go: beside the full run's, never over them. */
export function partialReportDir(dir: string): string {
  const trimmed = dir.replace(/[/\\]+$/, '');
  return trimmed.endsWith('-partial') ? trimmed : `${trimmed}-partial`;
}
