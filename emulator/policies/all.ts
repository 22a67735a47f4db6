// Every policy collection the emulator implements, in tree order.
import { aaPluginInstances } from './aa-plugin-instances.ts';
import { credentialstores } from './credentialstores.ts';
import type { PolicyDefinition } from './definition.ts';
import { trustedCaLists } from './trusted-ca-lists.ts';
import { usermappingPolicies } from './usermapping-policies.ts';

export const POLICY_DEFINITIONS: readonly PolicyDefinition[] = [
  aaPluginInstances,
  credentialstores,
  trustedCaLists,
  usermappingPolicies,
];
