// schemas/state.schema.json, compiled once: the check a --state file passes before the emulator starts
// on it. The schema is imported (not read from disk) so the bundled emulator finds it too.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import schema from '../schemas/state.schema.json' with { type: 'json' };

let validate: ValidateFunction | undefined;

/** Problems of `doc` against the state schema, as "path: message" lines; empty when valid. */
export function stateProblems(doc: unknown): string[] {
  validate ??= new Ajv2020({ allErrors: false, strict: true }).compile(schema);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}
