// The package works installed: `npm pack` (prepack compiles dist/js), `npm install` of the tarball into an
// empty folder (offline, from the npm cache `npm ci` filled), then from that folder: `lint`, `emulator`,
// `run` (a --grep subset against the embedded emulator: Playwright loads the compiled config, specs and
// reporter from node_modules), `verify` of the certificate it wrote, and an import of the public API.
// Reports land in the user's folder, never inside the package.
import { test, expect } from '@playwright/test';
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Ran {
  code: number | null;
  out: string;
}

/** The environment of a user's shell: none of this run's SPS_ or FC_ settings. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SPS_|FC_)/.test(k)));
}

function run(cmd: string, args: readonly string[], options: SpawnOptions): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: userEnv(), ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c));
    child.stderr?.on('data', (c: Buffer) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const IMPORT_CHECK = `
import { buildZip, checkSeal, inspectPlugin, minimalPluginFiles, profile, startEmulator } from 'sps-conformance';
import { readFileSync, writeFileSync } from 'node:fs';
const zip = await buildZip(minimalPluginFiles({
  name: 'PackedPlugin', type: 'aa', version: '1.0.0', api: '1.1', description: 'packed', entry_point: 'main.py',
}));
writeFileSync('plugin.zip', zip);
const inspection = await inspectPlugin(zip, { profile: profile('7.x') });
const emulator = await startEmulator({ port: 0 });
const info = await fetch(emulator.url + '/api/info');
await emulator.close();
const certificate = JSON.parse(readFileSync(process.argv[2], 'utf8'));
console.log(JSON.stringify({ problems: inspection.problems, info: info.status, seal: checkSeal(certificate).state }));
`;

test('packed and installed, the package runs run, lint, emulator, verify and an import from its folder', async () => {
  test.setTimeout(15 * 60_000);
  const work = mkdtempSync(join(tmpdir(), 'sps-package-'));
  const app = join(work, 'app');
  mkdirSync(app);
  try {
    const packed = await run(NPM, ['pack', '--pack-destination', work, '--json', '--no-audit', '--no-fund'], {
      cwd: ROOT,
    });
    expect(packed.code, packed.out).toBe(0);
    // npm prints the lifecycle scripts' lines too: the JSON report is the text from a line holding only "[".
    const report = JSON.parse(packed.out.slice(packed.out.search(/^\[$/m))) as {
      filename: string;
      files: { path: string }[];
    }[];
    const tarball = join(work, report[0]!.filename);
    const shipped = report[0]!.files.map((f) => f.path);
    expect(shipped).toContain('dist/js/playwright.config.js');
    expect(shipped).toContain('dist/js/index.d.ts');
    expect(shipped.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    expect(shipped.filter((p) => p.startsWith('test/') || p.startsWith('bench/'))).toEqual([]);

    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }\n');
    const installed = await run(NPM, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app });
    expect(installed.code, installed.out).toBe(0);
    const bin = join(app, 'node_modules', '.bin', 'sps-conformance');
    const pkg = join(app, 'node_modules', 'sps-conformance');

    const runResult = await run(bin, ['run', '--', '--grep', '@AUTH-LOGIN-001'], { cwd: app });
    expect(runResult.code, runResult.out).toBe(0);
    const certificateFile = join(app, 'reports', 'latest-partial', 'certificate.json');
    const certificate = JSON.parse(readFileSync(certificateFile, 'utf8'));
    expect(certificate.run.status).toBe('PARTIAL');
    expect(certificate.requirements.find((r: { id: string }) => r.id === 'AUTH-LOGIN-001')?.verdict).toBe('PASS');
    for (const inside of ['reports', 'test-results', 'dist/js/reports', 'dist/js/test-results'])
      expect(existsSync(join(pkg, inside)), `${inside} inside the package`).toBe(false);

    const verified = await run(bin, ['verify', certificateFile], { cwd: app });
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain('content hash matches the installed suite');

    writeFileSync(join(app, 'check.mjs'), IMPORT_CHECK);
    const imported = await run(process.execPath, ['check.mjs', certificateFile], { cwd: app });
    expect(imported.code, imported.out).toBe(0);
    expect(JSON.parse(imported.out)).toEqual({ problems: [], info: 200, seal: 'intact' });

    const linted = await run(bin, ['lint', 'plugin.zip'], { cwd: app });
    expect(linted.code, linted.out).toBe(0);
    const broken = join(app, 'broken.zip');
    writeFileSync(broken, 'not a zip');
    expect((await run(bin, ['lint', broken], { cwd: app })).code).toBe(1);

    const emulator = spawn(bin, ['emulator', '--port', '0'], {
      cwd: app,
      env: userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      emulator.stdout?.on('data', (c: Buffer) => {
        out += c;
        const match = /listening on (\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      emulator.on('exit', (code) => reject(new Error(`the emulator exited (${code}): ${out}`)));
    });
    expect((await fetch(`${url}/api/info`)).status).toBe(200);
    const stopped = new Promise<number | null>((resolve) => emulator.once('exit', resolve));
    emulator.kill('SIGTERM');
    expect(await stopped).toBe(0);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
