// The emulator as a service: the container image's entry point (examples/Dockerfile.emulator) run as the
// same command without Docker serves the API and stops on SIGTERM, SIGINT and SIGHUP; started through npm
// (npx) it also stops when the process that started it is killed, instead of staying behind orphaned.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DOCKERFILE = `${ROOT}examples/Dockerfile.emulator`;

/** The exec-form ENTRYPOINT of the Dockerfile, as the argv it runs in the image's WORKDIR (a copy of the suite). */
function entryPoint(): string[] {
  const line = readFileSync(DOCKERFILE, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('ENTRYPOINT '));
  if (!line) throw new Error(`${DOCKERFILE} has no ENTRYPOINT`);
  return JSON.parse(line.slice('ENTRYPOINT '.length)) as string[];
}

/** The entry point here: this node, on loopback (tests never listen wider), on a port the OS picks. */
function localCommand(argv: readonly string[]): string[] {
  const args = [...argv];
  expect(args[0]).toBe('node');
  args[0] = process.execPath;
  const set = (flag: string, value: string) => {
    const at = args.indexOf(flag);
    expect(at, `the entry point passes ${flag}`).toBeGreaterThan(0);
    args[at + 1] = value;
  };
  set('--host', '127.0.0.1');
  set('--port', '0');
  return args;
}

/** The URL the emulator says it listens on, and everything printed up to then. */
function listening(child: ChildProcess): Promise<{ url: string; out: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c;
      const match = /listening on (\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, out });
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening: ${out}`)));
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

async function refuses(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/api/info`);
    return false;
  } catch {
    return true;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('the Dockerfile entry point, run as the same command, serves the API', async () => {
  const [cmd, ...args] = localCommand(entryPoint());
  const child = spawn(cmd!, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const { url } = await listening(child);
    const res = await fetch(`${url}/api/info`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ meta: { href: '/api/info' } });
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
});

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  test(`${signal} stops the emulator: exit 0 and the port closed`, async () => {
    const [cmd, ...args] = localCommand(entryPoint());
    const child = spawn(cmd!, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const { url } = await listening(child);
    const exit = exited(child);
    child.kill(signal);
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(await refuses(url)).toBe(true);
  });
}

test('started through npm, the emulator stops when its parent is killed instead of staying orphaned', async () => {
  // npx runs npm exec → sh → node; `; true` keeps sh from exec-ing node, as npm's sh stays.
  const bin = `${ROOT}bin/sps-conformance.js`;
  const sh = spawn('sh', ['-c', `"${process.execPath}" "${bin}" emulator --port 0 & echo "pid $!"; wait; true`], {
    cwd: ROOT,
    env: { ...process.env, npm_command: 'exec' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { url, out } = await listening(sh);
  const pid = Number(/pid (\d+)/.exec(out)?.[1]);
  expect(pid).toBeGreaterThan(0);
  const shExit = exited(sh);
  sh.kill('SIGKILL');
  await shExit;
  // The emulator notices it was re-parented and closes; the test's own limit bounds the wait.
  while (!(await refuses(url))) await new Promise((r) => setTimeout(r, 100));
  while (alive(pid)) await new Promise((r) => setTimeout(r, 100));
  expect(alive(pid)).toBe(false);
});
