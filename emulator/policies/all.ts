// The emulator's behaviour per resource family, keyed by the families of the contract (schemas/openapi.yaml
// x-family). A family without its definition here stops the emulator at start-up and fails test/surface.test.ts.
import { FAMILY_NAMES, type FamilyName } from '../../contract/surface.ts';
import { aaPluginInstances } from './aa-plugin-instances.ts';
import { credentialstores } from './credentialstores.ts';
import type { PolicyDefinition } from './definition.ts';
import { trustedCaLists } from './trusted-ca-lists.ts';
import { usermappingPolicies } from './usermapping-policies.ts';

const IMPLEMENTED: readonly PolicyDefinition[] = [
  aaPluginInstances,
  credentialstores,
  trustedCaLists,
  usermappingPolicies,
];

/** The families this emulator has behaviour for (the surface test compares them with the contract's). */
export const IMPLEMENTED_FAMILIES: readonly FamilyName[] = IMPLEMENTED.map((d) => d.family);

function definitionOf(family: FamilyName): PolicyDefinition {
  const definition = IMPLEMENTED.find((d) => d.family === family);
  if (!definition) throw new Error(`emulator/policies: no behaviour for the resource family ${family}`);
  return definition;
}

/** One definition per family of the contract, in the contract's order. */
export const POLICY_DEFINITIONS: readonly PolicyDefinition[] = FAMILY_NAMES.map(definitionOf);
