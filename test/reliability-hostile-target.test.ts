// Reliability battery, hostile target and hostile bundle: a target that puts shell and HTML
// metacharacters, newlines and terminal escapes in every string it returns gets a replay.sh that runs
// nothing of it and a certificate.md with nothing raw in it; a crafted repro bundle cannot make
// `replay` read local files, leave /api/ or the configured target, or write terminal escapes.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Requirement } from '../contract/catalog.ts';
import { buildCertificate } from '../suite/report/certificate/certificate.ts';
import { certificateMarkdown, markdownText } from '../suite/report/certificate/certificate-markdown.ts';
import { replayScript, shellWord } from '../suite/report/repro/replay-script.ts';
import { REPRO_FORMAT, type ReproExchange, type ReproIndex } from '../suite/report/repro/repro-format.ts';
import {
  failingExchange,
  readReproIndex,
  replayRequest,
  ReproBundleError,
} from '../suite/report/repro/repro-request.ts';
import type { TestRecord } from '../suite/report/certificate/verdicts.ts';
import { sampleFacts } from './report-sample-facts.ts';
import { runCli } from './report-suite-run.ts';

/** What a hostile target answers in every string: a newline escape into a command, HTML, ANSI. */
function hostile(marker: string): string[] {
  return [
    `NotFound\ntouch ${marker} #`,
    `x'; touch ${marker}; echo '`,
    `$(touch ${marker})`,
    `\`touch ${marker}\``,
    `a\r\ntouch ${marker}\r\n`,
    `<script>alert(1)</script><img src=x onerror=alert(1)>`,
    `\u001b]0;pwned\u0007\u001b[2J\u001b[31mred`,
    `[click](javascript:alert(1)) *bold* | cell | \`code\``,
    `\u2028touch ${marker}\u0085`,
  ];
}

const exchange = (n: number, value: string, extra: Partial<ReproExchange> = {}): ReproExchange => ({
  n,
  phase: 'test',
  method: 'POST',
  path: `/api/configuration/x?name=${value}`,
  headers: { 'content-type': 'application/json', 'x-hostile': value, cookie: 'session_id=$SPS_SESSION_ID' },
  requestFile: null,
  responseFile: `response-${n}.json`,
  response: { status: 500, errorType: value },
  ...extra,
});

function bundleIndex(value: string, exchanges: ReproExchange[]): ReproIndex {
  return {
    format: REPRO_FORMAT,
    test: { title: `title ${value}`, file: 'specs/x.spec.ts', line: 1, project: 'conformance' },
    requirementIds: [`X-1 ${value}`],
    outcome: 'failed',
    error: value,
    run: { runId: 'r', profile: '7.x', seed: 1, fcRuns: 1, targetUrl: 'http://t' },
    property: null,
    shrunkCaseFile: null,
    failing: {
      exchange: exchanges.at(-1)!.n,
      selection: 'last',
      recorded: { status: 500, errorType: value },
      expected: { status: 201, code: value, source: value },
    },
    exchanges,
  };
}

test('shellWord stands for its text exactly, with no raw newline, for every hostile value', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sps-shell-'));
  for (const value of [...hostile(join(dir, 'pwned')), "it's", '', '\\', "\\'", '\u0000x'.slice(1)]) {
    const word = shellWord(value);
    expect(word, JSON.stringify(value)).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
    const echoed = spawnSync('bash', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });
    expect(echoed.stdout, JSON.stringify(value)).toBe(value);
  }
  expect(existsSync(join(dir, 'pwned'))).toBe(false);
});

test('replay.sh of a hostile target runs none of its strings: a stub curl gets them as literal arguments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sps-replay-sh-'));
  const marker = join(dir, 'pwned');
  const bin = join(dir, 'bin');
  spawnSync('mkdir', [bin]);
  // The stub records its arguments, one per line (NUL-free), and answers like curl would.
  writeFileSync(
    join(bin, 'curl'),
    `#!/usr/bin/env bash\nfor a in "$@"; do printf '%s\\0' "$a" >> "${join(dir, 'args')}"; done\necho 'HTTP 200'\n`,
  );
  chmodSync(join(bin, 'curl'), 0o755);
  for (const value of hostile(marker)) {
    const script = replayScript(
      bundleIndex(value, [exchange(1, value, { method: 'GET' }), exchange(2, value, { method: `PO\nST` })]),
      { tlsVerify: true, caFile: undefined, secretFiles: new Set() },
    );
    for (const line of script.split('\n'))
      expect(line, 'no line starts with a recorded value').not.toMatch(/^touch|^ST/);
    expect(script).not.toMatch(/[\u2028\u2029\u0085\u001b\r]/);
    writeFileSync(join(dir, 'replay.sh'), script);
    writeFileSync(join(dir, 'args'), '');
    const run = spawnSync('bash', [join(dir, 'replay.sh')], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}:/usr/bin:/bin`,
        SPS_URL: 'http://127.0.0.1:9',
        SPS_USERNAME: 'u',
        SPS_PASSWORD: 'p',
        HOME: dir,
      },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(marker), `${JSON.stringify(value)} ran`).toBe(false);
    const args = readFileSync(join(dir, 'args'), 'utf8').split('\0');
    expect(args, 'the method arrives as one literal argument').toContain('PO\nST');
    expect(args).toContain(`x-hostile: ${value}`);
    expect(args).toContain(`http://127.0.0.1:9/api/configuration/x?name=${value}`);
  }
});

const req = (id: string): Requirement => ({
  id,
  area: 'auth',
  statement: `${id} holds`,
  source: 'seed',
  basis: 'documented',
  profiles: ['all'],
});

test('certificate.md of a hostile target has no raw HTML, no terminal escape, no live Markdown link', () => {
  for (const value of hostile('/tmp/x')) {
    const records: TestRecord[] = [
      {
        title: `t ${value}`,
        file: 'specs/x.spec.ts',
        requirementIds: ['A-1'],
        outcome: 'failed',
        message: `error.type: expected "NotFound", got "${value}"`,
      },
    ];
    const facts = sampleFacts({
      target: {
        url: 'http://127.0.0.1:1',
        embedded: false,
        version: `7.4 ${value}`,
        reported: { firmware_version: value },
      },
      targetBroke: `five answers in a row were 5xx: ${value}`,
      safety: { clean: false, leftovers: [value], changed: [value] },
    });
    const hash = { algorithm: 'sha256' as const, covers: ['lib'], files: 1, value: 'a'.repeat(64) };
    const md = certificateMarkdown(
      buildCertificate({ catalog: [req('A-1')], records, facts: [facts], setupFailed: false, suiteHash: hash }),
    );
    expect(md, JSON.stringify(value)).not.toMatch(/<script|<img|\u001b|\u0007|\u2028|\u0085|\r/);
    expect(md).not.toMatch(/(?<!\\)\[click(?<!\\)\]\(/);
    expect(md.split('\n').filter((l) => l.startsWith('touch'))).toEqual([]);
  }
  expect(markdownText('a|b <i>&')).toBe('a\\|b &lt;i&gt;&amp;');
});

/** A bundle directory with repro.json for `exchange` and the given extra files. */
function bundle(exchangeFields: Partial<ReproExchange>, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sps-bundle-'));
  const index = bundleIndex('ok', [exchange(1, 'ok', { headers: {}, ...exchangeFields })]);
  writeFileSync(join(dir, 'repro.json'), JSON.stringify(index));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const creds = { username: 'u', password: 'p' };

function refusal(dir: string): string {
  try {
    replayRequest(dir, failingExchange(readReproIndex(dir)), creds, undefined);
  } catch (error) {
    expect(error).toBeInstanceOf(ReproBundleError);
    return (error as Error).message;
  }
  throw new Error(`the bundle in ${dir} was accepted`);
}

test('replay refuses a crafted bundle: files outside it, devices, other hosts, odd methods and paths', () => {
  expect(refusal(bundle({ requestFile: '../../../etc/hostname' }))).toMatch(/request-N\.bin/);
  expect(refusal(bundle({ requestFile: '/dev/zero' }))).toMatch(/request-N\.bin/);
  const linked = bundle({ requestFile: 'request-1.bin' });
  symlinkSync('/etc/hostname', join(linked, 'request-1.bin'));
  expect(refusal(linked)).toMatch(/outside the bundle/);
  const device = bundle({ requestFile: 'request-1.bin' });
  symlinkSync('/dev/zero', join(device, 'request-1.bin'));
  expect(refusal(device)).toMatch(/outside the bundle|not a regular file/);
  for (const path of [
    'http://elsewhere/api/x',
    '//elsewhere/api/x',
    '/etc/passwd',
    '/api/../etc',
    '/api/%2e%2e/x',
    '/api/x\r\nHost: evil',
    '/api/x y',
  ]) {
    expect(refusal(bundle({ path })), path).toMatch(/not a path under \/api\//);
  }
  for (const method of ['CONNECT', 'GET /evil HTTP/1.1\r\n', 'TRACE'])
    expect(refusal(bundle({ method })), method).toMatch(/not one the API uses/);
  expect(refusal(bundle({ headers: { 'x-a': 'b\r\nx-injected: 1' } }))).toMatch(/not a valid header/);
  const fine = bundle({ requestFile: 'request-1.bin' }, { 'request-1.bin': '{}' });
  expect(
    replayRequest(fine, failingExchange(readReproIndex(fine)), creds, undefined),
    'a sound bundle still replays',
  ).toMatchObject({ path: '/api/configuration/x?name=ok', body: Buffer.from('{}') });
});

test('sps-conformance replay prints a hostile bundle and answer without terminal escapes, and sends nothing for a refused one', async () => {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res
      .writeHead(500, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { type: '\u001b[2J\u001b]0;x\u0007Evil', message: 'm', details: {} } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const dir = bundle({ headers: {} });
    const index = JSON.parse(readFileSync(join(dir, 'repro.json'), 'utf8')) as ReproIndex;
    index.test.title = 'title \u001b[31m\u001b]0;owned\u0007';
    writeFileSync(join(dir, 'repro.json'), JSON.stringify(index));
    const run = await runCli(['replay', dir, '--url', url], { SPS_USERNAME: 'u', SPS_PASSWORD: 'p' });
    expect(run.stdout).toContain('STILL FAILING');
    expect(run.stdout + run.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(run.stdout).toContain('\\x1b');
    expect(requests).toBe(1);
    const refused = await runCli(['replay', bundle({ path: 'http://127.0.0.1:1/api/x' }), '--url', url], {
      SPS_USERNAME: 'u',
      SPS_PASSWORD: 'p',
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not a path under \/api\//);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(requests, 'a refused bundle sends nothing').toBe(1);
  } finally {
    server.close();
  }
});
