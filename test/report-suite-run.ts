// Runs `sps-conformance run` (a full Playwright run of the conformance suite) from inside a unit test,
// with its own report, blob and test-results dirs, and none of the outer run's Playwright variables.
// No kill timer of its own: the calling test's Playwright timeout bounds it and says so when it fires.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/sps-conformance.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Variables of the outer run that would steer the inner one (its port, seed, run id, dirs). */
const INHERITED = /^(SPS_|FC_|PW_|PWTEST_|PLAYWRIGHT_|TEST_)/;

export interface SuiteRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function suiteEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !INHERITED.test(k)));
  return { ...base, FORCE_COLOR: '0', ...env };
}

/** The limit callers give their test (test.setTimeout): load-proof, only a hang reaches it. */
export const INNER_RUN_TEST_TIMEOUT_MS = 20 * 60_000;

/** Runs a program without blocking this process, so an emulator served from it keeps answering. */
export function runProgram(command: string, args: readonly string[], env: Record<string, string>): Promise<SuiteRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: suiteEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    // A test that times out ends its worker: the inner run goes with it.
    const stop = () => child.kill('SIGKILL');
    process.once('exit', stop);
    child.on('close', (code) => {
      process.off('exit', stop);
      resolve({ code, stdout, stderr });
    });
  });
}

export function runCli(args: readonly string[], env: Record<string, string>): Promise<SuiteRun> {
  return runProgram(process.execPath, [BIN, ...args], env);
}
