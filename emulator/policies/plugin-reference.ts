// A reference to a plugin inside a policy body: the key string in requests, `{key, meta: {href}}` in
// responses (sps-api-facts §2.1, §2.5).
import { isKeyFormat } from '../keys.ts';
import type { FieldProblem } from '../payload-checks.ts';
import { findPlugin, type ConfigState } from '../state.ts';
import { PLUGINS_PATH } from '../../contract/surface.ts';

export function pluginReferenceProblem(
  value: unknown,
  field: string,
  type: string,
  state: ConfigState,
): FieldProblem[] {
  if (value === undefined) return [{ field, message: `The '${field}' field is required` }];
  if (typeof value !== 'string')
    return [{ field, message: `The '${field}' field must be the key of a ${type} plugin` }];
  if (!isKeyFormat(value) || !findPlugin(state, type, value)) {
    return [{ field, message: `There is no ${type} plugin with the key '${value}'` }];
  }
  return [];
}

export function embeddedPlugin(type: string, key: unknown): { key: unknown; meta: { href: string } } {
  return { key, meta: { href: `${PLUGINS_PATH}/${type}/${String(key)}` } };
}
