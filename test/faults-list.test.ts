// The fault list itself: enough faults, unique names, every declared id one a spec checks, and
// the CLI's --fault list / unknown-fault behaviour.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { FAULTS, UnknownFaultError } from '../emulator/faults/fault-list.ts';
import { startEmulator } from '../emulator/server.ts';
import { RESPONSE_CHECK_IDS } from '../suite/checks/response-checker.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}bin/sps-conformance.js`;

/**
 * Catalog ids the spec files name (in requirements(...) calls or in the tables that feed them), plus the
 * envelope id the fixture adds to every test.
 */
function annotatedIds(): Set<string> {
  const catalog = new Set(
    [...readFileSync(`${ROOT}schemas/requirements.yaml`, 'utf8').matchAll(/id:\s*([A-Z0-9-]+)/g)].map((m) => m[1]!),
  );
  // The every-response checker's ids are on every conformance test (specs/fixtures.ts).
  const ids = new Set<string>(Object.values(RESPONSE_CHECK_IDS));
  for (const file of readdirSync(`${ROOT}specs`).filter((f) => f.endsWith('.spec.ts'))) {
    const text = readFileSync(`${ROOT}specs/${file}`, 'utf8');
    for (const quoted of text.matchAll(/'([A-Z][A-Z0-9-]+)'/g)) if (catalog.has(quoted[1]!)) ids.add(quoted[1]!);
  }
  return ids;
}

function cli(args: string[]) {
  const res = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

test('the fault list holds at least 25 faults with unique names, each violating at least one id', () => {
  expect(FAULTS.length).toBeGreaterThanOrEqual(25);
  expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
  for (const fault of FAULTS) {
    expect(fault.violates.length, fault.name).toBeGreaterThan(0);
    expect(fault.reply ?? fault.request ?? fault.deviations, `${fault.name} has a hook`).toBeDefined();
  }
});

test('every declared id is one a spec annotates, so its tests can fail', () => {
  const annotated = annotatedIds();
  const unknown = FAULTS.flatMap((f) => f.violates.filter((id) => !annotated.has(id)).map((id) => `${f.name}: ${id}`));
  expect(unknown).toEqual([]);
});

test('emulator --fault list prints every fault with its ids and exits 0', () => {
  const { code, out } = cli(['emulator', '--fault', 'list']);
  expect(code).toBe(0);
  for (const fault of FAULTS) {
    expect(out).toContain(`${fault.name}\n  violates: ${fault.violates.join(', ')}`);
  }
});

test('an unknown fault is a usage error: exit 2, one line', () => {
  const { code, err } = cli(['emulator', '--port', '0', '--fault', 'no-such-fault']);
  expect(code).toBe(2);
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toContain('unknown fault "no-such-fault"');
});

test('EmulatorOptions.fault with an unknown name is refused before listening', async () => {
  await expect(startEmulator({ port: 0, fault: 'no-such-fault' })).rejects.toBeInstanceOf(UnknownFaultError);
});
