// /api/configuration/policies/usermapping_policies: {name, allow_other_remote_users_without_mapping?,
// mappings: [{allowed_groups, remote_user}]} (seeds 003/004).
import { isJsonObject } from '../json-body.ts';
import {
  NON_EMPTY,
  stringListProblem,
  stringProblem,
  uniqueNameProblem,
  unknownFields,
  type FieldProblem,
} from '../payload-checks.ts';
import { otherNames, type PolicyDefinition } from './definition.ts';

const FIELDS = ['name', 'allow_other_remote_users_without_mapping', 'mappings'];

function mappingProblems(mapping: unknown, at: string): FieldProblem[] {
  if (!isJsonObject(mapping)) return [{ field: at, message: `The '${at}' entry must be an object` }];
  return [
    ...unknownFields(mapping, ['allowed_groups', 'remote_user'], `${at}.`),
    ...stringListProblem(mapping.allowed_groups, `${at}.allowed_groups`),
    ...stringProblem(mapping.remote_user, `${at}.remote_user`, NON_EMPTY),
  ];
}

function mappingsProblems(mappings: unknown): FieldProblem[] {
  if (mappings === undefined) return [{ field: 'mappings', message: "The 'mappings' field is required" }];
  if (!Array.isArray(mappings)) return [{ field: 'mappings', message: "The 'mappings' field must be a list" }];
  return mappings.flatMap((m, i) => mappingProblems(m, `mappings[${i}]`));
}

function allowProblem(value: unknown): FieldProblem[] {
  return value === undefined || typeof value === 'boolean'
    ? []
    : [
        {
          field: 'allow_other_remote_users_without_mapping',
          message: "The 'allow_other_remote_users_without_mapping' field must be true or false",
        },
      ];
}

export const usermappingPolicies: PolicyDefinition = {
  family: 'usermapping_policies',
  check(input, state, selfKey) {
    const problems = [
      ...unknownFields(input, FIELDS),
      ...stringProblem(input.name, 'name', NON_EMPTY),
      ...uniqueNameProblem(input.name, otherNames(state, 'usermapping_policies', selfKey)),
      ...allowProblem(input.allow_other_remote_users_without_mapping),
      ...mappingsProblems(input.mappings),
    ];
    if (problems.length > 0) return { ok: false, problems };
    const mappings = (input.mappings as { allowed_groups: string[]; remote_user: string }[]).map((m) => ({
      allowed_groups: [...m.allowed_groups],
      remote_user: m.remote_user,
    }));
    return {
      ok: true,
      body: {
        name: input.name,
        allow_other_remote_users_without_mapping: input.allow_other_remote_users_without_mapping ?? true,
        mappings,
      },
    };
  },
  show: (body) => body,
  pluginReferences: () => [],
};
