// What the emulator knows about one policy collection: how to check a create/modify body, how GET shows
// a stored body, and which plugins a body references (a referenced plugin cannot be deleted).
import type { JsonObject } from '../json-body.ts';
import type { FieldProblem } from '../payload-checks.ts';
import type { FamilyName } from '../../contract/surface.ts';
import { policiesOf, type ConfigState } from '../state.ts';

export interface PluginReference {
  type: string;
  key: string;
}

export type CheckResult = { ok: true; body: JsonObject } | { ok: false; problems: FieldProblem[] };

export interface PolicyDefinition {
  /** The resource family (schemas/openapi.yaml x-family) this is the behaviour of. */
  family: FamilyName;
  /** `state` is what the body goes into; `selfKey` is the object being modified (undefined on create). */
  check(input: JsonObject, state: ConfigState, selfKey: string | undefined): CheckResult;
  show(body: JsonObject): JsonObject;
  pluginReferences(body: JsonObject): PluginReference[];
}

/** Names of the other objects of the same collection, for the uniqueness rule. */
export function otherNames(state: ConfigState, family: FamilyName, selfKey: string | undefined): string[] {
  return policiesOf(state, family)
    .filter((r) => r.key !== selfKey)
    .map((r) => String(r.body.name));
}
