// A real run against an emulator with a canary password and two deliberate faults: the run must leave
// repro bundles that replay, and no file or console line it wrote may hold the password, its Basic
// token, a credential-store secret the specs sent, or any session_id the emulator issued.
import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../emulator/server.ts';
import type { Certificate } from '../suite/report/certificate/certificate.ts';
import type { ReproIndex } from '../suite/report/repro/repro-format.ts';
import { findLeaks } from './report-leak-scan.ts';
import { INNER_RUN_TEST_TIMEOUT_MS, runCli, runProgram } from './report-suite-run.ts';

const USER = 'canary-admin';
const CANARY = `Canary-${randomBytes(9).toString('hex')}`;
/** specs/passwords.spec.ts sends `canary-<time>-secret` and lists it in recorder.secrets. */
const PAYLOAD_SECRET = /canary-\d+-secret/;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Two faults, switchable: anonymous GETs of the plugin tree answer 200, password creation answers 500. */
function injectFaults(running: RunningEmulator): { faulty: boolean } {
  const state = { faulty: true };
  const [original] = running.server.listeners('request') as Handler[];
  running.server.removeAllListeners('request');
  running.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const anonymousTree = req.method === 'GET' && req.url === '/api/configuration/plugins' && !req.headers.cookie;
    const passwordCreate = req.method === 'POST' && req.url === '/api/configuration/passwords';
    if (state.faulty && anonymousTree)
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"items":[],"meta":{"href":"/api/configuration/plugins"}}');
    if (state.faulty && passwordCreate)
      return void res
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"error":{"type":"InternalError","message":"injected","details":{}}}');
    original!(req, res);
  });
  return state;
}

function recordSessions(running: RunningEmulator): string[] {
  const issued: string[] = [];
  const sessions = running.emulator.sessions;
  const open = sessions.open.bind(sessions);
  sessions.open = (account) => {
    const session = open(account);
    issued.push(session.id);
    return session;
  };
  return issued;
}

test('a failing run with canary secrets leaves replayable repro bundles and leaks no secret anywhere', async () => {
  test.setTimeout(INNER_RUN_TEST_TIMEOUT_MS);
  const running = await startEmulator({ accounts: [{ username: USER, password: CANARY, role: 'admin' }] });
  const issued = recordSessions(running);
  const faults = injectFaults(running);
  const work = mkdtempSync(join(tmpdir(), 'sps-canary-'));
  const reportDir = join(work, 'report');
  const outputDir = join(work, 'test-results');
  const env = {
    SPS_URL: running.url,
    SPS_USERNAME: USER,
    SPS_PASSWORD: CANARY,
    SPS_ALLOW_WRITES: 'true',
    SPS_REPORT_DIR: reportDir,
    FC_RUNS: '5',
  };
  const outputs: Record<string, string> = {};
  try {
    const run = await runCli(['run', '--output', outputDir], env);
    outputs['run stdout'] = run.stdout;
    outputs['run stderr'] = run.stderr;
    expect(run.code, 'the injected faults fail the run').toBe(1);

    const certificate = JSON.parse(readFileSync(join(reportDir, 'certificate.json'), 'utf8')) as Certificate;
    const failed = certificate.requirements.filter((r) => r.verdict === 'FAIL');
    expect(failed.map((r) => r.id)).toEqual(expect.arrayContaining(['AUTH-SESSION-001', 'PASSWORDS-CREATE-001']));
    expect(certificate.settings.password).toBe('<redacted>');

    const bundles = readdirSync(join(reportDir, 'repro')).map((d) => join(reportDir, 'repro', d));
    const indexes = bundles.map((dir) => ({
      dir,
      index: JSON.parse(readFileSync(join(dir, 'repro.json'), 'utf8')) as ReproIndex,
    }));
    const anonymous = indexes.find(
      (b) => b.index.requirementIds.includes('AUTH-SESSION-001') && b.index.test.file.endsWith('plugins.spec.ts'),
    );
    const password = indexes.find((b) => b.index.requirementIds.includes('PASSWORDS-CREATE-001'));
    expect(anonymous, 'a bundle for the anonymous plugin-tree test').toBeDefined();
    expect(password, 'a bundle for the password test').toBeDefined();
    for (const { dir } of indexes) expect(existsSync(join(dir, 'replay.sh')), dir).toBe(true);

    // The failing request of the anonymous test: GET without a session, expected 401 (expectError's attachment).
    expect(anonymous!.index.failing).toMatchObject({ recorded: { status: 200 }, expected: { status: 401 } });
    const pw = password!.index;
    const failingPw = pw.exchanges.find((e) => e.n === pw.failing?.exchange)!;
    expect(failingPw).toMatchObject({ method: 'POST', path: '/api/configuration/passwords', phase: 'test' });
    expect(pw.failing).toMatchObject({
      recorded: { status: 500, errorType: 'InternalError' },
      expected: { status: 201 },
    });
    const sent = readFileSync(join(password!.dir, failingPw.requestFile!), 'utf8');
    expect(sent, 'the exact body, with the secret as a placeholder').toBe('{"plain":"$SPS_SECRET"}');
    expect(readFileSync(join(password!.dir, 'replay.sh'), 'utf8')).toContain('-b "$JAR"');

    // Replays while the fault is in place, then after it is gone.
    const replay = async (dir: string) => {
      const res = await runCli(['replay', dir, '--url', running.url], { SPS_USERNAME: USER, SPS_PASSWORD: CANARY });
      outputs[`replay ${dir}`] = res.stdout + res.stderr;
      return res;
    };
    const curl = async (dir: string) => {
      const res = await runProgram('bash', [join(dir, 'replay.sh')], {
        SPS_URL: running.url,
        SPS_USERNAME: USER,
        SPS_PASSWORD: CANARY,
      });
      outputs[`replay.sh ${dir}`] = res.stdout + res.stderr;
      return res;
    };
    const still = await replay(anonymous!.dir);
    expect(still.stdout).toContain('STILL FAILING');
    expect(still.code).toBe(1);
    expect((await curl(anonymous!.dir)).stdout).toContain('HTTP 200');
    expect((await replay(password!.dir)).stdout).toContain('STILL FAILING');
    faults.faulty = false;
    const fixed = await replay(anonymous!.dir);
    expect(fixed.stdout).toContain('FIXED');
    expect(fixed.code).toBe(0);
    expect((await curl(anonymous!.dir)).stdout).toContain('HTTP 401');

    const secrets = [CANARY, Buffer.from(`${USER}:${CANARY}`).toString('base64'), PAYLOAD_SECRET, ...issued];
    expect(issued.length, 'the run logged in many times').toBeGreaterThan(5);
    const { leaks, scanned } = await findLeaks([reportDir, outputDir], outputs, secrets);
    expect(scanned, 'files scanned').toBeGreaterThan(10);
    expect(leaks).toEqual([]);
  } finally {
    await running.close();
  }
});
