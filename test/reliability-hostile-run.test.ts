// Reliability battery, a whole hostile run: the suite runs (the authentication specs) against a target whose
// every JSON string carries HTML, shell metacharacters, a newline and terminal escapes. The reports it
// writes (certificate.md, certificate.html, every replay.sh) hold nothing executable or raw: no raw tag,
// no escape character, and the replay scripts run with a stub curl without running any of it.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator/server.ts';
import { runCli } from './report-suite-run.ts';

/** Appends `evil` to every string of a JSON document. */
function poisoned(value: unknown, evil: string): unknown {
  if (typeof value === 'string') return `${value}${evil}`;
  if (Array.isArray(value)) return value.map((v) => poisoned(v, evil));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poisoned(v, evil)]));
  return value;
}

/** A proxy in front of `upstream` that poisons every JSON answer. */
function hostileProxy(upstream: string, evil: string): Promise<{ url: string; close(): void }> {
  const target = new URL(upstream);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const out = request(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          let body = Buffer.concat(chunks);
          try {
            body = Buffer.from(JSON.stringify(poisoned(JSON.parse(body.toString('utf8')), evil)));
          } catch {
            // Not JSON: passed on as it is.
          }
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers).end(body);
        });
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

test('a run against a target poisoning every string writes reports with nothing executable or raw', async () => {
  test.setTimeout(240_000);
  const work = mkdtempSync(join(tmpdir(), 'sps-hostile-run-'));
  const marker = join(work, 'pwned');
  const evil = `\n<script>alert(1)</script>$(touch ${marker})\`touch ${marker}\`'; touch ${marker} #\u001b]0;t\u0007\u001b[31m`;
  const emu = await startEmulator({ accounts: [{ username: 'admin', password: 'admin-pw', role: 'admin' }] });
  const proxy = await hostileProxy(emu.url, evil);
  try {
    const reportDir = join(work, 'report');
    const env = {
      SPS_URL: proxy.url,
      SPS_USERNAME: 'admin',
      SPS_PASSWORD: 'admin-pw',
      SPS_ALLOW_WRITES: 'true',
      SPS_REPORT_DIR: reportDir,
      FC_RUNS: '2',
    };
    const run = await runCli(['run', '--output', join(work, 'results'), 'specs/authentication.spec.ts'], env);
    expect(run.code, run.stdout.slice(-2000) + run.stderr.slice(-2000)).not.toBeNull();
    const md = readFileSync(join(reportDir, 'certificate.md'), 'utf8');
    const html = readFileSync(join(reportDir, 'certificate.html'), 'utf8');
    expect(md, 'the run failed on the poisoned answers and says so').toMatch(/\*\*FAIL\*\*/);
    expect(md).not.toMatch(/<script|\u001b|\u0007/);
    expect(html).not.toMatch(/<script>alert|\u001b|\u0007/);
    const repro = join(reportDir, 'repro');
    const bundles = existsSync(repro) ? readdirSync(repro) : [];
    expect(bundles.length, 'failing tests left repro bundles').toBeGreaterThan(0);
    const bin = join(work, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'curl'), "#!/usr/bin/env bash\necho 'HTTP 500'\n");
    chmodSync(join(bin, 'curl'), 0o755);
    for (const name of bundles) {
      const script = join(repro, name, 'replay.sh');
      expect(readFileSync(script, 'utf8'), name).not.toMatch(/\u001b|\u0007/);
      const ran = spawnSync('bash', [script], {
        encoding: 'utf8',
        env: {
          PATH: `${bin}:/usr/bin:/bin`,
          SPS_URL: 'http://127.0.0.1:9',
          SPS_USERNAME: 'u',
          SPS_PASSWORD: 'p',
          HOME: work,
        },
      });
      expect(ran.status, `${name}: ${ran.stderr}`).toBe(0);
    }
    expect(existsSync(marker), 'no recorded string ran as a command').toBe(false);
  } finally {
    proxy.close();
    await emu.close();
  }
});
