// schemas/state.schema.json, compiled once: the check a --state file passes before the emulator starts
// on it. The schema is imported (not read from disk) so the bundled emulator finds it too.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import schema from '../schemas/state.schema.json' with { type: 'json' };
import { FAMILY_NAMES } from '../contract/surface.ts';

let validate: ValidateFunction | undefined;

/** The schema with its policies held to exactly the contract's resource families. */
function withFamilies(): object {
  const copy = structuredClone(schema) as { properties: { state: { properties: { policies: object } } } };
  copy.properties.state.properties.policies = {
    type: 'object',
    required: [...FAMILY_NAMES],
    additionalProperties: false,
    properties: Object.fromEntries(FAMILY_NAMES.map((name) => [name, { $ref: '#/$defs/policyList' }])),
  };
  return copy;
}

/** Problems of `doc` against the state schema, as "path: message" lines; empty when valid. */
export function stateProblems(doc: unknown): string[] {
  validate ??= new Ajv2020({ allErrors: false, strict: true }).compile(withFamilies());
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}
