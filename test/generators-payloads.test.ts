// The payload generators' labels are true. The oracle is independent of the generator: the request
// JSON Schemas in schemas/ plus the reference and uniqueness rules, checked here against the context.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import {
  payloadDefectRules,
  payloadWith,
  validPayload,
  type Json,
  type PayloadCase,
  type PayloadContext,
} from '../generators/payloads.ts';
import { schemaProblems } from '../contract/validators.ts';
import { SCHEMA_DIR } from '../contract/schema-dir.ts';
import { RESOURCE_FAMILIES, type FamilyName } from '../contract/surface.ts';
import { loadSettings } from '../suite/target/settings.ts';

const { fcSeed, fcRuns } = loadSettings();
/** Every family's request schema, by name (without .schema.json), as the contract names it. */
const SCHEMA: Record<FamilyName, string> = Object.fromEntries(
  RESOURCE_FAMILIES.map((f) => [f.name, f.requestSchema.replace(/\.schema\.json$/, '')]),
);
const CONTEXT: PayloadContext = {
  pluginKeys: ['8876228625d67aa91e2253', 'aa423b72-0d0f-4275-be30-494e9a99ffad'],
  takenNames: ['Taken_name', 'Demo_starling_plugin'],
};

type Obj = { [key: string]: Json };

function reference(resource: FamilyName, body: Obj): Json | undefined {
  if (resource === 'aa_plugin_instances') return body.plugin;
  if (resource === 'credentialstores') return (body.type as Obj | undefined)?.plugin;
  return undefined;
}

/** Everything wrong with `body` by the oracle: schema problems, then a dangling reference, a taken name. */
function oracle(resource: FamilyName, body: Json, ctx: PayloadContext): string[] {
  const problems = schemaProblems(SCHEMA[resource]!, body);
  if (problems.length > 0) return problems;
  const obj = body as Obj;
  // A schema that allows other fields (trusted_ca_lists) still names every field the API accepts.
  const unknown = Object.keys(obj).filter((k) => !Object.hasOwn(SCHEMA_PROPERTIES[resource]!, k));
  if (unknown.length > 0) return [`unknown fields ${unknown.join(', ')}`];
  const ref = reference(resource, obj);
  if (ref !== undefined && !ctx.pluginKeys.includes(ref as string)) problems.push('dangling reference');
  if ((ctx.takenNames ?? []).includes(obj.name as string)) problems.push('duplicate name');
  return problems;
}

/** Dotted paths where `a` and `b` differ (array elements are reported under the array's path). */
function changedPaths(a: Json | undefined, b: Json | undefined, at = ''): string[] {
  const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => changedPaths(a[k], b[k], at ? `${at}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [at];
}

/** The body path a rule is about; undefined for an unknown field (any new key). */
function fieldOf(rule: string): string | undefined {
  if (rule.includes(':')) return rule.split(':')[1];
  return {
    'payload.local-credentialstore': 'type.selection',
    'payload.name-pattern': 'name',
    'payload.duplicate-name': 'name',
  }[rule];
}

function checkLabel(c: PayloadCase, ctx: PayloadContext): void {
  const [rule] = c.defects;
  expect(oracle(c.resource, c.valid, ctx), 'the base body is valid').toEqual([]);
  if (rule === 'payload.not-json') {
    expect(() => JSON.parse(c.text)).toThrow();
    return;
  }
  expect(JSON.parse(c.text)).toEqual(c.body);
  if (rule === 'payload.not-object') {
    expect(typeof c.body === 'object' && c.body !== null && !Array.isArray(c.body)).toBe(false);
    return;
  }
  const problems = oracle(c.resource, c.body!, ctx);
  expect(problems.length, `${rule} breaks a rule`).toBeGreaterThan(0);
  if (rule === 'payload.dangling-reference:plugin' || rule === 'payload.dangling-reference:type.plugin')
    expect(problems).toEqual(['dangling reference']);
  if (rule === 'payload.duplicate-name') expect(problems).toEqual(['duplicate name']);
  // Exactly one thing changed, and it is the labelled field.
  const field = fieldOf(rule!);
  const changed = changedPaths(c.valid, c.body);
  expect(changed).toHaveLength(1);
  if (field)
    expect(field.startsWith(changed[0]!) || changed[0]!.startsWith(field), `${rule} changed ${changed[0]}`).toBe(true);
  else expect(Object.keys(SCHEMA_PROPERTIES[c.resource]!)).not.toContain(changed[0]);
}

/** The top-level fields each request schema names. */
const SCHEMA_PROPERTIES: Record<FamilyName, Obj> = Object.fromEntries(
  Object.entries(SCHEMA).map(([name, schema]) => [
    name,
    (JSON.parse(readFileSync(`${SCHEMA_DIR}${schema}.schema.json`, 'utf8')) as { properties: Obj }).properties,
  ]),
);

for (const resource of Object.keys(SCHEMA) as FamilyName[]) {
  test(`valid ${resource} bodies pass the oracle and expect 201`, async () => {
    await fc.assert(
      fc.property(validPayload(resource, CONTEXT), (c) => {
        expect(oracle(resource, c.body!, CONTEXT)).toEqual([]);
        expect(c).toMatchObject({ defects: [], expect: { status: 201 } });
        expect(JSON.parse(c.text)).toEqual(c.body);
      }),
      { seed: fcSeed, numRuns: fcRuns * 4 },
    );
  });

  test(`broken ${resource} bodies break exactly their label`, async () => {
    const rules = payloadDefectRules(resource, CONTEXT);
    expect(rules).toEqual(
      expect.arrayContaining([
        'payload.not-json',
        'payload.not-object',
        'payload.unknown-field',
        'payload.missing-field:name',
        'payload.duplicate-name',
      ]),
    );
    for (const rule of rules) {
      fc.assert(
        fc.property(payloadWith(resource, rule, CONTEXT), (c) => {
          expect(c.defects).toEqual([rule]);
          expect(c.expect).toEqual(
            rule === 'payload.not-json' || rule === 'payload.not-object'
              ? { status: 400, code: 'SyntacticError' }
              : { status: 400, code: 'SemanticError' },
          );
          checkLabel(c, CONTEXT);
        }),
        { seed: fcSeed, numRuns: fcRuns },
      );
    }
  });
}

test('names carry the run prefix and references come only from the context', () => {
  const ctx: PayloadContext = { pluginKeys: ['k1'], namePrefix: 'spsc0a1b2c3d' };
  fc.assert(
    fc.property(validPayload('aa_plugin_instances', ctx), (c) => {
      expect((c.body as Obj).name).toMatch(/^spsc0a1b2c3d_/);
      expect((c.body as Obj).plugin).toBe('k1');
    }),
    { seed: fcSeed, numRuns: fcRuns },
  );
  expect(() => validPayload('credentialstores', { pluginKeys: [] })).toThrow(/at least one/);
  expect(payloadDefectRules('aa_plugin_instances', { pluginKeys: ['k'] })).not.toContain('payload.duplicate-name');
});
