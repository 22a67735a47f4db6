// /api/configuration/policies/credentialstores: {name, type: {selection: "external_plugin", plugin}}
// (seed 001). Local credential stores are configured on the web interface only.
import { isJsonObject, type JsonObject } from '../json-body.ts';
import {
  NO_WHITESPACE,
  objectProblem,
  stringProblem,
  uniqueNameProblem,
  unknownFields,
  type FieldProblem,
} from '../payload-checks.ts';
import type { ConfigState } from '../state.ts';
import { otherNames, type PolicyDefinition } from './definition.ts';
import { embeddedPlugin, pluginReferenceProblem } from './plugin-reference.ts';

const LOCAL_REFUSED = 'Local credential stores can only be configured using the web interface';

function typeProblems(type: unknown, state: ConfigState): FieldProblem[] {
  const shape = objectProblem(type, 'type');
  if (shape.length > 0 || !isJsonObject(type)) return shape;
  if (type.selection === 'local') return [{ field: 'type.selection', message: LOCAL_REFUSED }];
  if (type.selection !== 'external_plugin') {
    return [{ field: 'type.selection', message: 'The \'type.selection\' field must be "external_plugin"' }];
  }
  return [
    ...unknownFields(type, ['selection', 'plugin'], 'type.'),
    ...pluginReferenceProblem(type.plugin, 'type.plugin', 'credentialstore', state),
  ];
}

function pluginOf(body: JsonObject): unknown {
  return isJsonObject(body.type) ? body.type.plugin : undefined;
}

export const credentialstores: PolicyDefinition = {
  family: 'credentialstores',
  check(input, state, selfKey) {
    const problems = [
      ...unknownFields(input, ['name', 'type']),
      ...stringProblem(input.name, 'name', NO_WHITESPACE),
      ...uniqueNameProblem(input.name, otherNames(state, 'credentialstores', selfKey)),
      ...typeProblems(input.type, state),
    ];
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, body: { name: input.name, type: { selection: 'external_plugin', plugin: pluginOf(input) } } };
  },
  show: (body) => ({
    ...body,
    type: { selection: 'external_plugin', plugin: embeddedPlugin('credentialstore', pluginOf(body)) },
  }),
  pluginReferences: (body) => [{ type: 'credentialstore', key: String(pluginOf(body)) }],
};
