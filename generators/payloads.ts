// Request bodies of every resource family (aa_plugin_instances, credentialstores, trusted_ca_lists,
// usermapping_policies) as fast-check arbitraries, valid and broken, built by construction, keyed by the
// contract's families (test/surface.test.ts fails when one lacks its generator). References are parameters:
// the caller passes the keys of objects that exist, so a valid body references only those.
import fc from 'fast-check';
import type { FamilyName } from '../contract/surface.ts';
import { CREATED, SEMANTIC_ERROR, SYNTACTIC_ERROR, type Expectation } from './expectation.ts';

export interface PayloadContext {
  /** Keys of existing plugins the body may reference (aa plugins, or credentialstore plugins). */
  pluginKeys: readonly string[];
  /** Names already taken in the collection (a valid body never reuses one). */
  takenNames?: readonly string[];
  /** Prefix for every generated name (the run id on a live target); must itself start with a letter. */
  namePrefix?: string;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface PayloadCase {
  resource: FamilyName;
  /** The JSON text sent; for 'payload.not-json' it is not JSON at all. */
  text: string;
  /** The parsed body (undefined when the text is not JSON). */
  body: Json | undefined;
  /** The valid body a broken case was derived from (itself for a valid case). */
  valid: { [key: string]: Json };
  defects: string[];
  expect: Expectation;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WORD = `${LETTERS}0123456789_`;

/** Names every one of the collections accepts: [A-Za-z][A-Za-z0-9_]*. */
function objectName(ctx: PayloadContext): fc.Arbitrary<string> {
  const tail = fc.array(fc.constantFrom(...WORD), { minLength: 0, maxLength: 24 }).map((a) => a.join(''));
  const name = ctx.namePrefix
    ? tail.map((t) => `${ctx.namePrefix}_${t}`)
    : fc.tuple(fc.constantFrom(...LETTERS), tail).map(([a, t]) => a + t);
  const taken = new Set(ctx.takenNames ?? []);
  return name.filter((n) => !taken.has(n));
}

function pluginKey(ctx: PayloadContext): fc.Arbitrary<string> {
  if (ctx.pluginKeys.length === 0) throw new Error('payloads: a valid body needs at least one existing plugin key');
  return fc.constantFrom(...ctx.pluginKeys);
}

const INI = fc.constantFrom(
  '',
  '[plugin]\nlog_level=info\n',
  '[starling]\n# ..... disable_echo=yes\n',
  'not ini at all, still a string',
);

export function validAaPluginInstance(ctx: PayloadContext): fc.Arbitrary<{ [key: string]: Json }> {
  return fc.record({ name: objectName(ctx), configuration: INI, plugin: pluginKey(ctx) });
}

export function validCredentialstore(ctx: PayloadContext): fc.Arbitrary<{ [key: string]: Json }> {
  return fc.record({
    name: objectName(ctx),
    type: fc.record({ selection: fc.constant('external_plugin'), plugin: pluginKey(ctx) }),
  });
}

const GROUP = fc.constantFrom('admins', 'users', 'root_group', 'Domain Admins', 'ops');
const REMOTE_USER = fc.constantFrom('root', 'test', 'administrator', 'svc_backup', 'ü_user');

export function validUsermappingPolicy(ctx: Omit<PayloadContext, 'pluginKeys'>): fc.Arbitrary<{ [key: string]: Json }> {
  const mapping = fc.record({ allowed_groups: fc.uniqueArray(GROUP, { maxLength: 3 }), remote_user: REMOTE_USER });
  return fc.record(
    {
      name: objectName({ ...ctx, pluginKeys: [] }),
      allow_other_remote_users_without_mapping: fc.boolean(),
      mappings: fc.array(mapping, { maxLength: 4 }),
    },
    { requiredKeys: ['name', 'mappings'] },
  );
}

const PEM = fc
  .base64String({ minLength: 4, maxLength: 64 })
  .map((b) => `-----BEGIN CERTIFICATE-----\n${b}\n-----END CERTIFICATE-----\n`);

export function validTrustedCaList(ctx: Omit<PayloadContext, 'pluginKeys'>): fc.Arbitrary<{ [key: string]: Json }> {
  return fc.record(
    { name: objectName({ ...ctx, pluginKeys: [] }), certificates: fc.array(PEM, { maxLength: 2 }) },
    { requiredKeys: ['name'] },
  );
}

// ---- defects: a change to one path of a valid body ----

/** A defect is data: its label, the expectation and how it changes the valid body. */
interface Defect {
  rule: string;
  expect: Expectation;
  change: fc.Arbitrary<(body: { [key: string]: Json }) => Json | string>;
}

const WRONG_TYPES: Json[] = [42, true, null, [], {}];
const NOT_JSON = ['{"name": ', '{name: "x"}', "{'name': 'x'}", '{"a":1,}', 'undefined', '<xml/>'];
const NOT_OBJECT: Json[] = [[], ['name'], 'name', 7, null, true];

function setPath(body: { [key: string]: Json }, path: string[], value: Json | undefined): { [key: string]: Json } {
  const copy = structuredClone(body);
  let at: { [key: string]: Json } = copy;
  for (const key of path.slice(0, -1)) at = at[key] as { [key: string]: Json };
  const last = path[path.length - 1]!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

function missing(path: string): Defect {
  return {
    rule: `payload.missing-field:${path}`,
    expect: SEMANTIC_ERROR,
    change: fc.constant((b) => setPath(b, path.split('.'), undefined)),
  };
}

function wrongType(path: string, values: Json[] = WRONG_TYPES): Defect {
  return {
    rule: `payload.wrong-type:${path}`,
    expect: SEMANTIC_ERROR,
    change: fc.constantFrom(...values).map((v) => (b) => setPath(b, path.split('.'), v)),
  };
}

function badValue(rule: string, path: string, values: Json[]): Defect {
  return {
    rule,
    expect: SEMANTIC_ERROR,
    change: fc.constantFrom(...values).map((v) => (b) => setPath(b, path.split('.'), v)),
  };
}

const COMMON: Defect[] = [
  { rule: 'payload.not-json', expect: SYNTACTIC_ERROR, change: fc.constantFrom(...NOT_JSON).map((t) => () => t) },
  { rule: 'payload.not-object', expect: SYNTACTIC_ERROR, change: fc.constantFrom(...NOT_OBJECT).map((v) => () => v) },
  {
    rule: 'payload.unknown-field',
    expect: SEMANTIC_ERROR,
    change: fc
      .constantFrom('description', 'id', 'key', 'meta', 'Name', 'extra_field')
      .map((f) => (b) => ({ ...b, [f]: 'x' })),
  },
];

function danglingKeys(ctx: PayloadContext): fc.Arbitrary<string> {
  return fc.uuid({ version: 4 }).filter((k) => !ctx.pluginKeys.includes(k));
}

function duplicateName(ctx: PayloadContext): Defect[] {
  const taken = ctx.takenNames ?? [];
  if (taken.length === 0) return [];
  return [
    {
      rule: 'payload.duplicate-name',
      expect: SEMANTIC_ERROR,
      change: fc.constantFrom(...taken).map((n) => (b) => ({ ...b, name: n })),
    },
  ];
}

function aaDefects(ctx: PayloadContext): Defect[] {
  return [
    ...COMMON,
    missing('name'),
    missing('configuration'),
    missing('plugin'),
    wrongType('name'),
    wrongType('configuration'),
    wrongType('plugin', [42, true, null, []]),
    badValue('payload.name-pattern', 'name', ['1instance', 'with space', 'a-b', '', '_lead', 'ünï']),
    {
      rule: 'payload.dangling-reference:plugin',
      expect: SEMANTIC_ERROR,
      change: danglingKeys(ctx).map((k) => (b) => ({ ...b, plugin: k })),
    },
    ...duplicateName(ctx),
  ];
}

function credentialstoreDefects(ctx: PayloadContext): Defect[] {
  return [
    ...COMMON,
    missing('name'),
    missing('type'),
    missing('type.plugin'),
    missing('type.selection'),
    wrongType('name'),
    wrongType('type', [42, 'external_plugin', null, []]),
    badValue('payload.name-pattern', 'name', ['with space', '', ' lead', 'tab\there']),
    badValue('payload.local-credentialstore', 'type.selection', ['local']),
    badValue('payload.bad-value:type.selection', 'type.selection', ['plugin', 'External_Plugin', '']),
    {
      rule: 'payload.dangling-reference:type.plugin',
      expect: SEMANTIC_ERROR,
      change: danglingKeys(ctx).map((k) => (b) => setPath(b, ['type', 'plugin'], k)),
    },
    ...duplicateName(ctx),
  ];
}

function usermappingDefects(ctx: PayloadContext): Defect[] {
  const firstMapping =
    (change: (m: { [key: string]: Json }) => { [key: string]: Json }): ((b: { [key: string]: Json }) => Json) =>
    (b) => {
      const mappings = (b.mappings as { [key: string]: Json }[]).slice();
      const base = mappings[0] ?? { allowed_groups: [], remote_user: 'root' };
      return { ...b, mappings: [change(base), ...mappings.slice(1)] };
    };
  const without = (key: string) => (m: { [key: string]: Json }) => {
    const copy = { ...m };
    delete copy[key];
    return copy;
  };
  return [
    ...COMMON,
    missing('name'),
    missing('mappings'),
    wrongType('name'),
    wrongType('mappings', [42, 'root', null, {}]),
    wrongType('allow_other_remote_users_without_mapping', [42, 'true', null, [], {}]),
    badValue('payload.name-pattern', 'name', ['']),
    {
      rule: 'payload.missing-field:mappings.remote_user',
      expect: SEMANTIC_ERROR,
      change: fc.constant(firstMapping(without('remote_user'))),
    },
    {
      rule: 'payload.missing-field:mappings.allowed_groups',
      expect: SEMANTIC_ERROR,
      change: fc.constant(firstMapping(without('allowed_groups'))),
    },
    {
      rule: 'payload.empty-field:mappings.remote_user',
      expect: SEMANTIC_ERROR,
      change: fc.constant(firstMapping((m) => ({ ...m, remote_user: '' }))),
    },
    {
      rule: 'payload.wrong-type:mappings.allowed_groups',
      expect: SEMANTIC_ERROR,
      change: fc
        .constantFrom<Json>('admins', 42, null, [1], {})
        .map((v) => firstMapping((m) => ({ ...m, allowed_groups: v }))),
    },
    ...duplicateName(ctx),
  ];
}

function trustedCaListDefects(ctx: PayloadContext): Defect[] {
  return [
    ...COMMON,
    missing('name'),
    wrongType('name'),
    wrongType('certificates', [42, 'PEM', null, {}, [1]]),
    badValue('payload.name-pattern', 'name', ['']),
    ...duplicateName(ctx),
  ];
}

/** A family's generator: its valid bodies and the defects that break exactly one rule of them. */
interface PayloadFamily {
  valid(ctx: PayloadContext): fc.Arbitrary<{ [key: string]: Json }>;
  defects(ctx: PayloadContext): Defect[];
}

const PAYLOAD_FAMILIES: Readonly<Record<FamilyName, PayloadFamily>> = {
  aa_plugin_instances: { valid: validAaPluginInstance, defects: aaDefects },
  credentialstores: { valid: validCredentialstore, defects: credentialstoreDefects },
  trusted_ca_lists: { valid: validTrustedCaList, defects: trustedCaListDefects },
  usermapping_policies: { valid: validUsermappingPolicy, defects: usermappingDefects },
};

/** The families that have a generator (the surface test compares them with the contract's). */
export const GENERATED_FAMILIES: readonly FamilyName[] = Object.keys(PAYLOAD_FAMILIES);

function generatorOf(resource: FamilyName): PayloadFamily {
  if (!Object.hasOwn(PAYLOAD_FAMILIES, resource)) throw new Error(`payloads: no generator for ${resource}`);
  return PAYLOAD_FAMILIES[resource]!;
}

function defectsOf(resource: FamilyName, ctx: PayloadContext): Defect[] {
  return generatorOf(resource).defects(ctx);
}

function validOf(resource: FamilyName, ctx: PayloadContext): fc.Arbitrary<{ [key: string]: Json }> {
  return generatorOf(resource).valid(ctx);
}

export function validPayload(resource: FamilyName, ctx: PayloadContext): fc.Arbitrary<PayloadCase> {
  return validOf(resource, ctx).map((body) => ({
    resource,
    text: JSON.stringify(body),
    body,
    valid: body,
    defects: [],
    expect: CREATED,
  }));
}

/** The defect labels the generator can produce for `resource` in this context. */
export function payloadDefectRules(resource: FamilyName, ctx: PayloadContext): string[] {
  return defectsOf(resource, ctx).map((d) => d.rule);
}

export function payloadWith(resource: FamilyName, rule: string, ctx: PayloadContext): fc.Arbitrary<PayloadCase> {
  const defect = defectsOf(resource, ctx).find((d) => d.rule === rule);
  if (!defect) throw new Error(`payloads: no defect ${rule} for ${resource}`);
  return fc.tuple(validOf(resource, ctx), defect.change).map(([valid, change]) => {
    const changed = change(valid);
    const isRawText = rule === 'payload.not-json';
    return {
      resource,
      text: isRawText ? (changed as string) : JSON.stringify(changed),
      body: isRawText ? undefined : (changed as Json),
      valid,
      defects: [rule],
      expect: defect.expect,
    };
  });
}

export function brokenPayload(resource: FamilyName, ctx: PayloadContext): fc.Arbitrary<PayloadCase> {
  return fc.constantFrom(...payloadDefectRules(resource, ctx)).chain((rule) => payloadWith(resource, rule, ctx));
}
