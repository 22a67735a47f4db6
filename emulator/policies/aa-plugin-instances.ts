// /api/configuration/policies/aa_plugin_instances: {name, configuration, plugin} (seeds 001/002).
import { stringProblem, uniqueNameProblem, unknownFields } from '../payload-checks.ts';
import { otherNames, type PolicyDefinition } from './definition.ts';
import { embeddedPlugin, pluginReferenceProblem } from './plugin-reference.ts';

const FIELDS = ['name', 'configuration', 'plugin'];
const NAME = {
  pattern: /^[A-Za-z][A-Za-z0-9_]*$/,
  says: 'must begin with a letter and contain only letters, digits and _',
};

export const aaPluginInstances: PolicyDefinition = {
  family: 'aa_plugin_instances',
  check(input, state, selfKey) {
    const problems = [
      ...unknownFields(input, FIELDS),
      ...stringProblem(input.name, 'name', NAME),
      ...uniqueNameProblem(input.name, otherNames(state, 'aa_plugin_instances', selfKey)),
      ...stringProblem(input.configuration, 'configuration'),
      ...pluginReferenceProblem(input.plugin, 'plugin', 'aa', state),
    ];
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, body: { name: input.name, configuration: input.configuration, plugin: input.plugin } };
  },
  show: (body) => ({ ...body, plugin: embeddedPlugin('aa', body.plugin) }),
  pluginReferences: (body) => [{ type: 'aa', key: String(body.plugin) }],
};
