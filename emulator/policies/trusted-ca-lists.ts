// /api/configuration/policies/trusted_ca_lists: {name, certificates?: [PEM string]}. Only a reference
// target in the documents (seed 001), so the emulator keeps it minimal (decisions: policies).
import { NON_EMPTY, stringListProblem, stringProblem, uniqueNameProblem, unknownFields } from '../payload-checks.ts';
import { otherNames, type PolicyDefinition } from './definition.ts';

export const trustedCaLists: PolicyDefinition = {
  family: 'trusted_ca_lists',
  check(input, state, selfKey) {
    const certificates = input.certificates ?? [];
    const problems = [
      ...unknownFields(input, ['name', 'certificates']),
      ...stringProblem(input.name, 'name', NON_EMPTY),
      ...uniqueNameProblem(input.name, otherNames(state, 'trusted_ca_lists', selfKey)),
      ...stringListProblem(certificates, 'certificates'),
    ];
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, body: { name: input.name, certificates: [...(certificates as string[])] } };
  },
  show: (body) => body,
  pluginReferences: () => [],
};
