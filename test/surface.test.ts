// The surface (contract/surface.ts, read from schemas/openapi.yaml) is the one source of the API: every
// emulator route is a documented operation and every answering operation is a route, and every resource
// family has each of its parts: emulator behaviour, payload generator, inventory membership, requirement
// ids, schemas, and a fault (with its probe) that breaks one of its requirements. Forgetting one of them when adding a family fails here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { loadCatalog } from '../contract/catalog.ts';
import { responsesOf } from '../contract/openapi.ts';
import { PROFILE_NAMES, profile } from '../contract/profiles.ts';
import { SCHEMA_DIR } from '../contract/schema-dir.ts';
import { FAMILY_NAMES, OPERATIONS, RESOURCE_FAMILIES, familyPath } from '../contract/surface.ts';
import { FAULTS } from '../emulator/faults/fault-list.ts';
import { IMPLEMENTED_FAMILIES } from '../emulator/policies/all.ts';
import { allRoutes } from '../emulator/server.ts';
import { GENERATED_FAMILIES } from '../generators/payloads.ts';
import { inventoryCollections } from '../suite/target/inventory.ts';
import { PROBES } from './faults-probes.ts';

/** "GET /api/x/{key}" for a route path "/api/x/:key". */
const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`;

/** Every route of the emulator under some profile (plugin delete exists only from 6.4). */
function emulatorRoutes(): Set<string> {
  return new Set(PROFILE_NAMES.flatMap((name) => allRoutes(profile(name)).map((r) => routeKey(r.method, r.path))));
}

/** Operations that answer something else than an error: documented refusals (405 only) are not routes. */
function answeringOperations(): Set<string> {
  return new Set(
    OPERATIONS.filter((op) => responsesOf(op).some(([status]) => status.startsWith('2'))).map((op) =>
      routeKey(op.method, op.path),
    ),
  );
}

test('every emulator route is an OpenAPI operation', () => {
  const documented = new Set(OPERATIONS.map((op) => routeKey(op.method, op.path)));
  expect([...emulatorRoutes()].filter((r) => !documented.has(r))).toEqual([]);
});

test('every OpenAPI operation that answers 2xx is an emulator route, and no refused one is', () => {
  const routes = emulatorRoutes();
  const answering = answeringOperations();
  expect([...answering].filter((op) => !routes.has(op))).toEqual([]);
  const refused = OPERATIONS.map((op) => routeKey(op.method, op.path)).filter((op) => !answering.has(op));
  expect(refused.length, 'the document lists refused methods (405)').toBeGreaterThan(0);
  expect(refused.filter((op) => routes.has(op))).toEqual([]);
});

test('the families are the four policy collections the suite covers', () => {
  // Not a hand list of the surface: a guard that the x-family marks were read at all.
  expect(FAMILY_NAMES).toEqual(['aa_plugin_instances', 'credentialstores', 'trusted_ca_lists', 'usermapping_policies']);
  expect(familyPath('credentialstores')).toBe('/api/configuration/policies/credentialstores');
});

test('every family has its emulator behaviour and its payload generator, and nothing else has', () => {
  expect([...IMPLEMENTED_FAMILIES].sort()).toEqual([...FAMILY_NAMES].sort());
  expect([...GENERATED_FAMILIES].sort()).toEqual([...FAMILY_NAMES].sort());
});

test('every family is in the live-target inventory of every profile', () => {
  for (const name of PROFILE_NAMES) {
    const collections = inventoryCollections(profile(name));
    for (const family of RESOURCE_FAMILIES) expect(collections, `${name}: ${family.name}`).toContain(family.path);
  }
});

test("every family's schemas exist and its operations are pinned by its own requirement ids", () => {
  const catalog = loadCatalog().map((r) => r.id);
  for (const family of RESOURCE_FAMILIES) {
    for (const file of [family.requestSchema, family.objectSchema])
      expect(existsSync(join(SCHEMA_DIR, file)), `${family.name}: ${file}`).toBe(true);
    const own = catalog.filter((id) => id.startsWith(`${family.requirementPrefix}-`));
    expect(own.length, `${family.name}: catalog ids ${family.requirementPrefix}-*`).toBeGreaterThan(0);
    const pinned = OPERATIONS.filter((op) => op.path === family.path || op.path === `${family.path}/{key}`)
      .flatMap((op) => responsesOf(op).flatMap(([, r]) => r['x-requirements'] ?? []))
      .filter((id) => own.includes(id));
    expect(pinned.length, `${family.name}: its operations name its ids`).toBeGreaterThan(0);
    const methods = OPERATIONS.filter((op) => op.path.startsWith(family.path)).map((op) =>
      routeKey(op.method, op.path),
    );
    expect(methods.sort(), `${family.name}: list, create, read, modify, delete`).toEqual(
      [
        `GET ${family.path}`,
        `POST ${family.path}`,
        `DELETE ${family.path}/{key}`,
        `GET ${family.path}/{key}`,
        `PUT ${family.path}/{key}`,
      ].sort(),
    );
  }
});

test('every family has a fault that breaks one of its requirements, and each such fault has a probe', () => {
  for (const family of RESOURCE_FAMILIES) {
    const breaking = FAULTS.filter((f) => f.violates.some((id) => id.startsWith(`${family.requirementPrefix}-`)));
    expect(breaking.length, `${family.name}: a fault the self-test must kill`).toBeGreaterThan(0);
    for (const fault of breaking) expect(Object.keys(PROBES), `${family.name}: probe`).toContain(fault.name);
  }
});

test('every family has its not-found requirement, so the not-found fault covers it without an edit', () => {
  const catalog = new Set(loadCatalog().map((r) => r.id));
  const notFound = FAULTS.find((f) => f.name === 'unknown-object-400')!;
  for (const family of RESOURCE_FAMILIES) {
    const id = `${family.requirementPrefix}-NOTFOUND-001`;
    expect(catalog.has(id), `${family.name}: ${id} in schemas/requirements.yaml`).toBe(true);
    expect(notFound.violates).toContain(id);
  }
});
