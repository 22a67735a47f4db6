// One self-test run: an in-process emulator (pristine or with one fault) with an admin, a read-only
// and a no-access account, and the conformance suite run against it in a child process with its own
// report and output folders, so nothing collides with reports/latest or another run. A run may be
// limited to a --test-list; a run that outlives the (generous) limit is stopped and reported TIMED OUT,
// never judged: Playwright's per-test timeout is what bounds a slow test.
import { CODE_EXTENSION } from '../../contract/code-extension.ts';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/server.ts';
import type { Account } from '../../emulator/sessions.ts';
import { DEFAULT_PROFILE } from '../../contract/profiles.ts';
import { childEnvironment, type SelftestSettings } from '../../suite/target/settings.ts';
import type { TestList } from './fault-plan.ts';
import type { CertificateVerdicts, RunResult } from './kill-matrix.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = join(ROOT, `playwright.config.${CODE_EXTENSION}`);
/**
 * The only reporter of a self-test run: the certificate is all the kill matrix reads, so Playwright's
 * html and junit reports (and the console list nobody sees) are not written 70 times.
 */
const CERTIFICATE_REPORTER = join(ROOT, 'suite', 'report', 'reporter', 'reporter.ts');
/**
 * Only a hung run reaches this: the whole suite takes under a minute against a quiet emulator, and a
 * fault that fails every test under --full (a worker restart each) took over 30 minutes on a 2-core
 * machine shared by four builds.
 */
export const RUN_LIMIT_MS = 90 * 60_000;

/** Fresh passwords per self-test: they only ever travel in a child's environment. */
export function selftestAccounts(): { admin: Account; reader: Account; outsider: Account } {
  const password = () => randomBytes(12).toString('hex');
  return {
    admin: { username: 'selftest-admin', password: password(), role: 'admin' },
    reader: { username: 'selftest-reader', password: password(), role: 'readonly' },
    outsider: { username: 'selftest-outsider', password: password(), role: 'none' },
  };
}

export interface SuiteRunOptions {
  /** 'pristine' or a fault name: also the name of the run's folders. */
  label: string;
  fault: string | undefined;
  /** The folder the run's report goes into (its certificate.json is read from there). */
  reportDir: string;
  settings: SelftestSettings;
  accounts: ReturnType<typeof selftestAccounts>;
  /** Strict mode (SPS_STRICT=true) or the default mode of a run against a named target. */
  strict: boolean;
  /** The tests to run; undefined runs the whole suite. */
  testList?: TestList;
  /** Test hook: the run limit in milliseconds. */
  limitMs?: number;
}

function suiteEnvironment(url: string, options: SuiteRunOptions): NodeJS.ProcessEnv {
  const { admin, reader, outsider } = options.accounts;
  return childEnvironment({
    SPS_URL: url,
    SPS_USERNAME: admin.username,
    SPS_PASSWORD: admin.password,
    SPS_READONLY_USERNAME: reader.username,
    SPS_READONLY_PASSWORD: reader.password,
    SPS_NOACCESS_USERNAME: outsider.username,
    SPS_NOACCESS_PASSWORD: outsider.password,
    SPS_ALLOW_WRITES: 'true',
    SPS_STRICT: options.strict ? 'true' : 'false',
    SPS_TLS_VERIFY: 'true',
    SPS_PROFILE: DEFAULT_PROFILE,
    SPS_REPORT_DIR: options.reportDir,
    FC_SEED: String(options.settings.fcSeed),
    FC_RUNS: String(options.settings.fcRuns),
    // Each run is a run of its own: no inherited run id, port or shard output.
    SPS_RUN_ID: undefined,
    SPS_BLOB_DIR: undefined,
  });
}

interface Exit {
  code: number;
  timedOut: boolean;
}

function runSuite(env: NodeJS.ProcessEnv, args: readonly string[], limitMs: number): Promise<Exit> {
  return new Promise((resolve) => {
    // The Playwright runner itself, as `sps-conformance run` starts it: a kill at the limit then stops
    // the run (its workers exit with it), not only a wrapper process whose child would go on.
    const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
    const child = spawn(process.execPath, [cli, 'test', '--config', CONFIG, '--project=conformance', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 2 && stderr) process.stderr.write(stderr);
      resolve({ code: code ?? (signal ? 1 : 0), timedOut });
    });
  });
}

async function readCertificate(reportDir: string): Promise<CertificateVerdicts | undefined> {
  try {
    return JSON.parse(await readFile(join(reportDir, 'certificate.json'), 'utf8')) as CertificateVerdicts;
  } catch {
    return undefined;
  }
}

export async function suiteRun(options: SuiteRunOptions): Promise<RunResult> {
  const started = Date.now();
  await rm(options.reportDir, { recursive: true, force: true });
  const { admin, reader, outsider } = options.accounts;
  const emulator = await startEmulator({
    port: 0,
    accounts: [admin, reader, outsider],
    ...(options.fault ? { fault: options.fault } : {}),
  });
  try {
    const args = ['--output', join(options.reportDir, 'test-results'), `--reporter=${CERTIFICATE_REPORTER}`];
    if (options.testList) {
      // Beside the report dir, which the run's reporter owns.
      const file = `${options.reportDir}.tests.txt`;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, options.testList.text);
      args.push('--test-list', file);
      if (options.testList.stopAtFirstFailure) args.push('--max-failures=1');
      if (!options.testList.withDependencies) args.push('--no-deps');
    }
    const exit = await runSuite(suiteEnvironment(emulator.url, options), args, options.limitMs ?? RUN_LIMIT_MS);
    return {
      exitCode: exit.code,
      timedOut: exit.timedOut,
      certificate: exit.timedOut ? undefined : await readCertificate(options.reportDir),
      seconds: (Date.now() - started) / 1000,
      ...(options.testList ? { tests: options.testList.tests } : {}),
    };
  } finally {
    await emulator.close();
  }
}
